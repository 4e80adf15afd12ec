// GOPRIVATE / GONOPROXY / GONOSUMDB / GOINSECURE pattern lists: an exact port of
// golang.org/x/mod module.MatchPrefixPatterns (go-semantics.md §2.2) plus a linter for the
// mistakes Go silently accepts (spaces are NOT trimmed, malformed globs never match).
import { BadPatternError, pathMatch } from './path-match.js';

/** One problem found in a comma-separated pattern list. */
export interface PatternIssue {
  pattern: string;
  problem: 'whitespace' | 'scheme' | 'malformed' | 'uppercase' | 'empty-entry' | 'trailing-slash' | 'port';
  message: string;
  suggestion?: string;
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

/** Lints one entry; returns the issues for it (entries are never trimmed by Go). */
function lintEntry(varName: string, entry: string): PatternIssue[] {
  const issues: PatternIssue[] = [];
  const q = JSON.stringify(entry);
  const trimmed = entry.trim();
  if (trimmed !== entry) {
    issues.push({
      pattern: entry,
      problem: 'whitespace',
      message: `${varName} entry ${q} has surrounding spaces; Go does not trim them, so it never matches`,
      suggestion: trimmed,
    });
  }
  const schemeMatch = /^\s*[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.exec(entry);
  if (schemeMatch) {
    issues.push({
      pattern: entry,
      problem: 'scheme',
      message: `${varName} entry ${q} contains a URL scheme; patterns match module paths, which never have one`,
      suggestion: trimmed.slice(schemeMatch[0].trim().length),
    });
  }
  const glob = trimmed.endsWith('/') ? trimmed.slice(0, -1) : trimmed;
  try {
    pathMatch(glob, '');
  } catch (e) {
    if (!(e instanceof BadPatternError)) throw e;
    issues.push({
      pattern: entry,
      problem: 'malformed',
      message: `${varName} entry ${q} is a malformed glob (path.Match: syntax error in pattern); Go silently ignores it`,
    });
  }
  if (/[A-Z]/.test(entry)) {
    issues.push({
      pattern: entry,
      problem: 'uppercase',
      message: `${varName} entry ${q} has upper-case letters; matching is case-sensitive and hosts in module paths are lower case`,
      suggestion: trimmed.toLowerCase(),
    });
  }
  if (trimmed.endsWith('/')) {
    issues.push({
      pattern: entry,
      problem: 'trailing-slash',
      message: `${varName} entry ${q} ends with "/"; Go ignores one trailing slash, so it is the same as ${JSON.stringify(glob)}`,
      suggestion: glob,
    });
  }
  const host = (schemeMatch ? trimmed.slice(schemeMatch[0].trim().length) : trimmed).split('/')[0] ?? '';
  if (/:\d*$/.test(host)) {
    issues.push({
      pattern: entry,
      problem: 'port',
      message: `${varName} entry ${q} has a port; module paths never contain ports, so it never matches`,
      suggestion: trimmed.replace(/:\d*(?=\/|$)/, ''),
    });
  }
  return issues;
}

/** Finds the mistakes Go silently accepts in a GOPRIVATE-style list (go-semantics.md §2.2). */
export function lintPatterns(varName: string, value: string): PatternIssue[] {
  if (value === '') return [];
  const issues: PatternIssue[] = [];
  const entries = value.split(',');
  entries.forEach((entry, i) => {
    if (entry.trim() === '') {
      const where = i === entries.length - 1 ? 'a trailing comma' : i === 0 ? 'a leading comma' : 'two commas in a row';
      issues.push({
        pattern: entry,
        problem: 'empty-entry',
        message: `${varName}=${JSON.stringify(value)} has an empty entry (${where}); Go ignores it`,
        suggestion: entries.map((e) => e.trim()).filter((e) => e !== '').join(','),
      });
      return;
    }
    issues.push(...lintEntry(varName, entry));
  });
  return issues;
}
