// The verdict as doctor prints it: the headline first (will fail / will succeed, in English and Chinese), each failing
// module once with its hop and cause, and the JSON section (README "JSON output": doctor's verdict).
import { describe, expect, it } from 'vitest';
import type { Need } from '../../src/core/needs/types.js';
import type { NeedOutcome, Verdict } from '../../src/core/verdict/types.js';
import { createOutput } from '../../src/report/output.js';
import { renderVerdictHuman, verdictJson } from '../../src/report/verdict-report.js';

const need = (module: string, what: Need['what']): Need => ({
  module,
  version: 'v1.0.0',
  what,
  why: 'require',
  certainty: 'sure',
});

function outcome(n: Need, o: Partial<NeedOutcome>): NeedOutcome {
  return { need: n, outcome: 'ok', message: 'ok', privateLooking: false, failing: false, ...o };
}

const fail404 = {
  outcome: 'fail',
  hop: 'proxy',
  failing: true,
  status: 404,
  message: 'reading http://p/x: 404 Not Found',
} as const;
const failing: Verdict = {
  willFail: true,
  outcomes: [
    outcome(need('example.com/a', 'mod'), fail404),
    outcome(need('example.com/a', 'zip'), fail404),
    outcome(need('example.com/b', 'zip'), {}),
  ],
  failures: [],
  probed: ['p'],
  errors: [],
};
failing.failures = failing.outcomes.filter((o) => o.failing);

function lines(v: Verdict, lang: 'en' | 'zh' = 'en'): string[] {
  const out: string[] = [];
  const stdout = { write: (s: string) => out.push(s), isTTY: false } as unknown as NodeJS.WriteStream;
  renderVerdictHuman(createOutput({ env: { NO_COLOR: '1' }, stdout, stderr: stdout, lang }), v);
  return out.join('').split('\n');
}

describe('verdict report', () => {
  it('headline first, then each failing module once with hop and cause', () => {
    expect(lines(failing)).toEqual([
      '✗ go mod tidy will fail: 1 module cannot be fetched',
      '    example.com/a@v1.0.0 (module proxy, fails): reading http://p/x: 404 Not Found',
      '',
      '',
    ]);
  });

  it('in Chinese', () => {
    expect(lines(failing, 'zh')[0]).toBe('✗ go mod tidy 将会失败：1 个模块无法获取');
  });

  it('success, and nothing to fetch', () => {
    const ok: Verdict = { willFail: false, outcomes: [failing.outcomes[2]!], failures: [], probed: [], errors: [] };
    expect(lines(ok)[0]).toBe('✓ go mod tidy will succeed: 1 fetch checked along its route');
    expect(lines({ ...ok, outcomes: [] })[0]).toMatch(/^✓ go mod tidy will succeed: nothing to fetch/);
  });

  it('JSON: the need flattened into each outcome', () => {
    const doc = verdictJson(failing);
    expect(doc.willFail).toBe(true);
    expect((doc.failures as unknown[])[0]).toMatchObject({
      module: 'example.com/a',
      version: 'v1.0.0',
      what: 'mod',
      hop: 'proxy',
      status: 404,
    });
  });
});
