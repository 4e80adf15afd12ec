// Strict checks for a GOPRIVATE-style pattern list before it is written (x/mod module.MatchPrefixPatterns), on top of
// the core linter.
import { UsageError } from '../errors.js';
import { lintPatterns, type PatternIssue } from '../patterns.js';

/** Problems that make a pattern never match: refused before writing. The others are only warnings. */
const FATAL: ReadonlySet<PatternIssue['problem']> = new Set(['whitespace', 'scheme', 'malformed', 'port']);

/**
 * Throws UsageError naming the first pattern that Go would silently never match (spaces, scheme, malformed
 * glob, port, control characters); returns the linter's remaining findings as warning sentences.
 */
export function validatePatternsForWrite(varName: string, value: string): string[] {
  const example = `e.g. --private corp.example.com,github.com/acme`;
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new UsageError(
      `${varName} ${JSON.stringify(value)} contains a control character; give plain comma-separated patterns (${example}).`,
    );
  }
  if (value.split(',').every((p) => p.trim() === '')) {
    throw new UsageError(`${varName} ${JSON.stringify(value)} has no patterns; give at least one (${example}).`);
  }
  const spaced = value.split(',').find((p) => p !== p.trim());
  if (spaced !== undefined) {
    const fixed = value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .join(',');
    throw new UsageError(
      `${varName} ${JSON.stringify(value)} has spaces around ${JSON.stringify(spaced)}; Go does not trim them, so that pattern would never match; write ${JSON.stringify(fixed)}.`,
    );
  }
  const inner = value.split(',').find((p) => /\s/.test(p));
  if (inner !== undefined) {
    throw new UsageError(
      `${varName} ${JSON.stringify(value)} has a space inside ${JSON.stringify(inner)}; module paths have no spaces, so Go would never match it; separate patterns with commas only (${example}).`,
    );
  }
  const issues = lintPatterns(varName, value);
  const fatal = issues.find((i) => FATAL.has(i.problem));
  if (fatal) {
    const fix = fatal.suggestion ? `; write ${JSON.stringify(fatal.suggestion)} instead` : '';
    throw new UsageError(`${fatal.message}${fix} (${example}).`);
  }
  return issues.map((i) => i.message);
}
