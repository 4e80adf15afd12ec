// Strict checks for a GOPRIVATE-style pattern list before it is written (x/mod module.MatchPrefixPatterns), on top of
// the core linter.
import { UsageError } from '../errors.js';
import { code, type Text } from '../i18n/message.js';
import { initMsg } from '../i18n/messages/init.js';
import { lintPatterns, type PatternIssue } from '../patterns.js';

/** Problems that make a pattern never match: refused before writing. The others are only warnings. */
const FATAL: ReadonlySet<PatternIssue['problem']> = new Set(['whitespace', 'scheme', 'malformed', 'port']);

/**
 * Throws UsageError naming the first pattern that Go would silently never match (spaces, scheme, malformed
 * glob, port, control characters); returns the linter's remaining findings as warning sentences.
 */
export function validatePatternsForWrite(varName: string, value: string): Text[] {
  const example = code('--private corp.example.com,github.com/acme');
  const what = { name: varName, value: JSON.stringify(value), example };
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new UsageError(initMsg('patterns.control', what));
  if (value.split(',').every((p) => p.trim() === '')) throw new UsageError(initMsg('patterns.none', what));
  const spaced = value.split(',').find((p) => p !== p.trim());
  if (spaced !== undefined) {
    const fixed = value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .join(',');
    throw new UsageError(
      initMsg('patterns.spaced', { ...what, pattern: JSON.stringify(spaced), fixed: JSON.stringify(fixed) }),
    );
  }
  const inner = value.split(',').find((p) => /\s/.test(p));
  if (inner !== undefined) {
    throw new UsageError(initMsg('patterns.innerSpace', { ...what, pattern: JSON.stringify(inner) }));
  }
  const issues = lintPatterns(varName, value);
  const fatal = issues.find((i) => FATAL.has(i.problem));
  if (fatal) {
    throw new UsageError(
      fatal.suggestion
        ? initMsg('patterns.fatalFix', {
            message: fatal.text,
            suggestion: JSON.stringify(fatal.suggestion),
            example,
          })
        : initMsg('patterns.fatal', { message: fatal.text, example }),
    );
  }
  return issues.map((i) => i.text);
}
