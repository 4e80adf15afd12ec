// GOPRIVATE / GONOPROXY / GONOSUMDB / GOINSECURE pattern lists: an exact port of
// golang.org/x/mod module.MatchPrefixPatterns (docs/go-rules.md#private-modules) plus a linter for the
// mistakes Go silently accepts (spaces are NOT trimmed, malformed globs never match).
import type { Message } from './i18n/message.js';
import { commonMsg } from './i18n/messages/common.js';
import { BadPatternError, pathMatch } from './path-match.js';

/** One problem found in a comma-separated pattern list. */
export interface PatternIssue {
  pattern: string;
  problem: 'whitespace' | 'scheme' | 'malformed' | 'uppercase' | 'empty-entry' | 'trailing-slash' | 'port';
  /** The English sentence (what doctor's JSON and logs carry). */
  message: string;
  /** The same sentence as a catalogue message, for human output in the user's language. */
  text: Message;
  suggestion?: string;
}

/** An issue whose English message is the text's. */
function issue(i: Omit<PatternIssue, 'message'>): PatternIssue {
  return { ...i, message: String(i.text) };
}

/** path.Match that treats a malformed pattern as "no match", as MatchPrefixPatterns does. */
function safeMatch(glob: string, name: string): boolean {
  try {
    return pathMatch(glob, name);
  } catch (e) {
    if (e instanceof BadPatternError) return false;
    throw e;
  }
}

/** The first n+1 "/"-separated elements of target, or null when target has fewer. */
function prefixElements(target: string, n: number): string | null {
  for (let i = 0; i < target.length; i++) {
    if (target[i] === '/') {
      if (n === 0) return target.slice(0, i);
      n--;
    }
  }
  return n > 0 ? null : target;
}

/** Whether one glob of the list (as written) matches a path prefix of target. */
function globMatches(written: string, target: string): boolean {
  const glob = written.endsWith('/') ? written.slice(0, -1) : written; // TrimSuffix: one slash only
  if (glob === '') return false;
  const n = glob.split('/').length - 1;
  const prefix = prefixElements(target, n);
  return prefix !== null && safeMatch(glob, prefix);
}

/** Exact port of module.MatchPrefixPatterns: does any path prefix of target match a glob in the list? */
export function matchPrefixPatterns(globs: string, target: string): boolean {
  return matchingPattern(globs, target) !== null;
}

/** The glob of the comma-separated list (as written) that matches target first, or null. */
export function matchingPattern(globs: string, target: string): string | null {
  if (globs === '') return null;
  for (const glob of globs.split(',')) {
    if (globMatches(glob, target)) return glob;
  }
  return null;
}

const SCHEME = /^\s*[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;

type EntryRule = (varName: string, entry: string, q: string, trimmed: string) => PatternIssue | null;

/** Length of a leading "scheme://" (after spaces), or 0. */
function schemeLength(s: string): number {
  return SCHEME.exec(s)?.[0].trim().length ?? 0;
}

/** One rule per mistake Go accepts silently (entries are never trimmed by Go). */
const ENTRY_RULES: EntryRule[] = [
  (v, entry, q, trimmed) =>
    trimmed === entry
      ? null
      : issue({
          pattern: entry,
          problem: 'whitespace',
          text: commonMsg('pattern.whitespace', { name: v, entry: q }),
          suggestion: trimmed,
        }),
  (v, entry, q, trimmed) => {
    if (!SCHEME.test(entry)) return null;
    const text = commonMsg('pattern.scheme', { name: v, entry: q });
    return issue({ pattern: entry, problem: 'scheme', text, suggestion: trimmed.slice(schemeLength(trimmed)) });
  },
  (v, entry, q, trimmed) => {
    try {
      pathMatch(trimmed.endsWith('/') ? trimmed.slice(0, -1) : trimmed, '');
      return null;
    } catch (e) {
      if (!(e instanceof BadPatternError)) throw e;
      const text = commonMsg('pattern.malformed', { name: v, entry: q });
      return issue({ pattern: entry, problem: 'malformed', text });
    }
  },
  (v, entry, q, trimmed) => {
    if (!/[A-Z]/.test(entry)) return null;
    const text = commonMsg('pattern.uppercase', { name: v, entry: q });
    return issue({ pattern: entry, problem: 'uppercase', text, suggestion: trimmed.toLowerCase() });
  },
  (v, entry, q, trimmed) => {
    if (!trimmed.endsWith('/')) return null;
    const glob = trimmed.slice(0, -1);
    const text = commonMsg('pattern.trailingSlash', { name: v, entry: q, glob: JSON.stringify(glob) });
    return issue({ pattern: entry, problem: 'trailing-slash', text, suggestion: glob });
  },
  (v, entry, q, trimmed) => {
    const host = trimmed.slice(schemeLength(trimmed)).split('/')[0] ?? '';
    if (!/:\d*$/.test(host)) return null;
    const text = commonMsg('pattern.port', { name: v, entry: q });
    return issue({ pattern: entry, problem: 'port', text, suggestion: trimmed.replace(/:\d*(?=\/|$)/, '') });
  },
];

/** Lints one non-empty entry of the list. */
function lintEntry(varName: string, entry: string): PatternIssue[] {
  const q = JSON.stringify(entry);
  const trimmed = entry.trim();
  return ENTRY_RULES.map((rule) => rule(varName, entry, q, trimmed)).filter((i): i is PatternIssue => i !== null);
}

/** Finds the mistakes Go silently accepts in a GOPRIVATE-style list (module.MatchPrefixPatterns never matches them). */
export function lintPatterns(varName: string, value: string): PatternIssue[] {
  if (value === '') return [];
  const issues: PatternIssue[] = [];
  const entries = value.split(',');
  entries.forEach((entry, i) => {
    if (entry.trim() === '') {
      const where = commonMsg(
        i === entries.length - 1 ? 'pattern.trailingComma' : i === 0 ? 'pattern.leadingComma' : 'pattern.twoCommas',
      );
      issues.push(
        issue({
          pattern: entry,
          problem: 'empty-entry',
          text: commonMsg('pattern.emptyEntry', { setting: `${varName}=${JSON.stringify(value)}`, where }),
          suggestion: entries
            .map((e) => e.trim())
            .filter((e) => e !== '')
            .join(','),
        }),
      );
      return;
    }
    issues.push(...lintEntry(varName, entry));
  });
  return issues;
}
