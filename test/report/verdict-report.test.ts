// The verdict as doctor prints it: the headline first (will fail / will succeed, in English and Chinese), each failing
// module once with its hop and cause, and the JSON section (README "JSON output": doctor's verdict).
import { describe, expect, it } from 'vitest';
import type { Fix } from '../../src/core/fix/fix.js';
import type { Need } from '../../src/core/needs/types.js';
import type { NeedOutcome, Verdict } from '../../src/core/verdict/types.js';
import { createOutput } from '../../src/report/output.js';
import { renderFixSearch } from '../../src/report/fix-search-report.js';
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

function printed(render: (out: ReturnType<typeof createOutput>) => void, lang: 'en' | 'zh' = 'en'): string[] {
  const out: string[] = [];
  const stdout = { write: (s: string) => out.push(s), isTTY: false } as unknown as NodeJS.WriteStream;
  render(createOutput({ env: { NO_COLOR: '1' }, stdout, stderr: stdout, lang }));
  return out.join('').split('\n');
}

const lines = (v: Verdict, lang: 'en' | 'zh' = 'en') => printed((out) => renderVerdictHuman(out, v), lang);

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

  it('no verified fix: each change tried as its command on a line of its own, the reason under it', () => {
    // A URL followed by ':' (the old 'tried export GOPROXY=http://127.0.0.1:1234: …') does not copy.
    const proxy: Fix = { kind: 'set', variable: 'GOPROXY', value: 'http://127.0.0.1:1234', scope: 'env', note: 'n' };
    const privat: Fix = { kind: 'set', variable: 'GOPRIVATE', value: 'example.com', scope: 'goenv' };
    const search = {
      verified: [],
      tried: [{ id: 'mirror:x', fixes: [proxy, privat], failures: 1, reason: 'connection refused by 127.0.0.1:1234' }],
    };
    const demoted = [{ id: 'goprivate', fixes: [privat], reason: 'go: example.com/a@v1.0.0: 410 Gone' }];
    const en = printed((out) => renderFixSearch(out, failing, search, { demoted, showFailures: false }));
    expect(en).toEqual([
      'passed the probes, but go mod download failed with: go env -w GOPRIVATE=example.com',
      '  go: example.com/a@v1.0.0: 410 Gone',
      'No verified fix: none of the changes tried makes every failing module fetchable.',
      '  tried: export GOPROXY=http://127.0.0.1:1234; go env -w GOPRIVATE=example.com',
      '    connection refused by 127.0.0.1:1234',
      '',
    ]);
    const zh = printed((out) => renderFixSearch(out, failing, search, { showFailures: false }), 'zh');
    expect(zh).toContain('  已尝试：export GOPROXY=http://127.0.0.1:1234; go env -w GOPRIVATE=example.com');
  });
});
