// --stall/--timeout values: positive durations only (a zero or negative bound is bad usage, exit 2).
import { expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/core/duration.js';
import { UsageError } from '../../src/core/errors.js';

it('parses the units users type', () => {
  expect(['500ms', '5s', '1m30s', '2m', '1h', '1.5', '0.25s'].map((d) => parseDuration(d))).toEqual([
    500, 5000, 90_000, 120_000, 3_600_000, 1500, 250,
  ]);
});

it.each(['0', '0s', '0ms', '0.0001', '-1s', '-5', '', 'soon', '5x', '1s-'])(
  'refuses %j naming the flag and the value (exit 2)',
  (v) => {
    let err: unknown;
    try {
      parseDuration(v, '--timeout');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(2);
    expect(String((err as Error).message)).toContain(`invalid --timeout "${v}"`);
  },
);

it('formats durations for people', () => {
  expect([850, 4200, 125_000].map(formatDuration)).toEqual(['850ms', '4.2s', '2m05s']);
});
