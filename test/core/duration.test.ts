// Duration flags (--timeout, --stall): units required as in Go's time.ParseDuration, zero refused (issue 8).
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/core/duration.js';
import { durationOption } from '../../src/cli/options.js';
import { UsageError } from '../../src/core/errors.js';

/** What the duration flags do with a value (the parser commander calls). */
function parseDuration(text: string, flag: string): number {
  return durationOption(`${flag} <duration>`, 'test').parseArg!(text, 0);
}

function usageMessage(text: string, flag: string): string {
  try {
    parseDuration(text, flag);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${text} was accepted`);
}

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['5s', 5000],
    ['1m30s', 90_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1.5s', 1500],
    [' 3s ', 3000],
  ])('%j is %d ms', (text, ms) => expect(parseDuration(text, '--timeout')).toBe(ms));

  it.each(['0', '0s', '0ms', '0m0s', '0.0001s', '0.4ms'])('refuses %j: not more than 0, naming the value', (text) => {
    expect(usageMessage(text, '--timeout')).toBe(
      `invalid --timeout "${text}": the duration must be more than 0, such as 500ms, 5s or 1m30s`,
    );
  });

  it.each(['5', '10', '2.5'])(
    'refuses the bare number %j: it needs a unit (Go: "missing unit in duration")',
    (text) => {
      expect(usageMessage(text, '--stall')).toBe(
        `invalid --stall "${text}": a duration needs a unit, such as ${text}s or ${text}ms`,
      );
    },
  );

  it.each(['', 'abc', '5 s', '5d', '-5s', '5s10'])('refuses %j', (text) => {
    expect(usageMessage(text, '--timeout')).toBe(
      `invalid --timeout "${text}": expected a duration such as 500ms, 5s or 1m30s`,
    );
  });
});

it('formats durations for people', () => {
  expect([850, 4200, 125_000].map(formatDuration)).toEqual(['850ms', '4.2s', '2m05s']);
});
