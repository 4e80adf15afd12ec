// The retry policy on stderr captured from REAL go 1.19, 1.26 and 1.27 runs (test/fixtures/tidy/go1.NN): every
// rule of the table decides at least one capture of every Go version, and every capture has the expected decision.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyText } from '../../helpers/classify-text.js';
import { RETRY_RULES, backoffMs, decideRetry, matchRetryRule, type FinishedRun } from '../../../src/core/tidy/retry.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'tidy');
const VERSIONS = readdirSync(DIR).filter((d) => /^go1\.\d+$/.test(d));

/** Expected rule per capture; a version-specific entry where Go versions differ. Killed runs: see below. */
const EXPECT: Record<string, string | Record<string, string>> = {
  healthy: 'ok',
  drip: 'ok',
  'drip-zip': 'ok',
  'flaky-500.attempt2': 'ok',
  reset: 'reset', // Get "…": EOF
  'conn-reset': 'reset', // read: connection reset by peer
  'status-500': 'server-error',
  'flaky-500': 'server-error',
  'git-502': 'server-error', // git: The requested URL returned error: 502
  'status-429': 'rate-limit',
  'tls-handshake-timeout': 'tls-timeout',
  'h2-stream-reset': 'http2',
  'status-404': 'not-found',
  'status-410': 'not-found',
  'private-leak': 'not-found',
  'status-401': 'auth',
  'https-401': 'auth',
  'gateway-403': 'auth',
  'private-gateway-403': 'auth',
  'connect-407': 'auth',
  // A CONNECT refused 403 / 502: Go prints only `Get "…": Forbidden` / `Bad Gateway`, which no retry rule matches yet.
  'connect-403': 'unknown',
  'connect-502': 'unknown',
  'git-prompt': 'auth',
  'private-gateway-400': 'client-error',
  notgo: 'bad-response',
  'tls-self-signed': 'tls',
  'proxy-dns': 'dns',
  'sumdb-dns': 'dns',
  'private-unreachable': 'dns',
  'vcs-dns': 'dns', // git: Could not resolve host
  'vcs-dns.attempt2': 'dns',
  '404-comma-direct': 'dns',
  '404-pipe-direct': 'dns',
  '403-pipe-direct': 'dns',
  'goproxy-off': 'goproxy-off',
  'checksum-mismatch': 'checksum',
  'sumdb-mismatch': 'checksum',
  'unknown-revision': 'unknown-revision',
  'invalid-version': 'invalid-version',
  toolchain: { 'go1.19': 'invalid-version', default: 'toolchain' }, // 1.19: invalid go version '1.99.0'
  'toolchain-hang': { 'go1.19': 'invalid-version', default: 'stall-kill' }, // Go 1.19 cannot switch: fails at once
  refused: 'unknown', // connection refused: a proxy that is down is not known to come back
};
const KILLED = [
  'blackhole',
  'stall-zip',
  'sumdb-blackhole',
  'sumdb-blackhole-required',
  'git-hang',
  'body-stall',
  'zip-unended',
  'toolchain-hang',
];

function run(ver: string, name: string, killed?: FinishedRun['killed']): FinishedRun {
  const text = readFileSync(join(DIR, ver, `${name}.txt`), 'utf8');
  const exit = readFileSync(join(DIR, ver, `${name}.exit`), 'utf8').trim();
  const goExitCode = exit === 'killed' ? null : Number(exit);
  return { events: classifyText(text), goExitCode, ...(goExitCode === null ? { killed: killed ?? 'stall' } : {}) };
}

const captures = (ver: string): string[] =>
  readdirSync(join(DIR, ver))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4));

it('every capture of every version has an expectation (a new capture must say how it is retried)', () => {
  for (const ver of VERSIONS)
    for (const name of captures(ver)) expect(name in EXPECT || KILLED.includes(name), `${ver}/${name}`).toBe(true);
});

for (const ver of VERSIONS) {
  describe(`retry decisions on ${ver} captures`, () => {
    for (const name of captures(ver)) {
      it(name, () => {
        const exp = EXPECT[name];
        const want = typeof exp === 'object' ? (exp[ver] ?? exp.default!) : (exp ?? 'stall-kill');
        const d = decideRetry(run(ver, name), { attempt: 1, maxRetries: 2 });
        expect(d, JSON.stringify(d)).toMatchObject({ rule: want });
        const transient = RETRY_RULES.find((r) => r.id === want)?.kind === 'transient' || want === 'stall-kill';
        expect(d.retry).toBe(transient);
        if (d.line !== undefined) expect(matchRetryRule(d.line)?.id).toBe(want); // the decisive line is Go's own
        if (d.kind === 'transient') {
          // The same failure after the last allowed retry: not retried, and the reason says why.
          const last = decideRetry(run(ver, name), { attempt: 3, maxRetries: 2 });
          expect(last).toMatchObject({ retry: false, kind: 'transient', rule: want });
          expect(String(last.reason)).toMatch(/no retry left \(--retry 2\)/);
        }
      });
    }

    it('a run killed at --timeout or interrupted is never retried, whatever it was waiting on', () => {
      for (const name of KILLED.filter((n) => captures(ver).includes(n))) {
        for (const killed of ['timeout', 'interrupt'] as const) {
          const r = run(ver, name, killed);
          if (r.goExitCode !== null) continue; // Go 1.19 toolchain-hang exits by itself
          expect(decideRetry(r, { attempt: 1, maxRetries: 5 })).toMatchObject({
            retry: false,
            rule: killed === 'timeout' ? 'timeout' : 'interrupted',
          });
        }
      }
    });
  });
}

describe('the rule table', () => {
  it('every rule is the first match of at least one real line of every Go version (no rule without real output)', () => {
    const untested = new Set(['request-timeout', 'dns-temporary', 'timeout']); // no fault we can play on loopback yet
    for (const ver of VERSIONS) {
      const lines = captures(ver).flatMap((n) => readFileSync(join(DIR, ver, `${n}.txt`), 'utf8').split('\n'));
      const used = new Set(lines.map((l) => matchRetryRule(l)?.id));
      const none = ver === 'go1.19' ? ['toolchain'] : []; // Go 1.19 has no toolchain switching (Go 1.21+)
      for (const r of RETRY_RULES)
        expect(used.has(r.id) || untested.has(r.id) || none.includes(r.id), `${ver}: ${r.id}`).toBe(true);
    }
  });

  it('the rules no capture reaches yet match the text Go and git print for them', () => {
    // net/http and net: http.StatusRequestTimeout, a SERVFAIL and EAI_AGAIN lookup, a dial timeout.
    expect(matchRetryRule('reading https://p.test/x/@v/list: 408 Request Timeout')?.id).toBe('request-timeout');
    expect(matchRetryRule('dial tcp: lookup p.test on 10.0.0.1:53: server misbehaving')?.id).toBe('dns-temporary');
    expect(matchRetryRule("fatal: unable to access 'https://g.test/': Could not resolve host: g.test")?.id).toBe('dns');
    expect(matchRetryRule('Get "https://p.test/x/@v/list": dial tcp 10.0.0.2:443: i/o timeout')?.id).toBe('timeout');
  });

  it('a permanent failure anywhere wins over a transient one: the retry would hit it again', () => {
    const d = decideRetry(
      {
        goExitCode: 1,
        events: classifyText(
          'go: example.com/m imports\n' +
            '\texample.com/a: module example.com/a: reading http://p.test/example.com/a/@v/list: 503 Service Unavailable\n' +
            '\texample.com/b: module example.com/b: reading http://p.test/example.com/b/@v/list: 404 Not Found\n',
        ),
      },
      { attempt: 1, maxRetries: 3 },
    );
    expect(d).toMatchObject({ retry: false, kind: 'permanent', rule: 'not-found' });
  });

  it('without a final error line, the -x trace decides (a failed request Go printed)', () => {
    const events = classifyText(
      '# get http://p.test/x/@v/list\n# get http://p.test/x/@v/list: 502 Bad Gateway (0.1s)\n',
    );
    expect(decideRetry({ goExitCode: 1, events }, { attempt: 1, maxRetries: 1 })).toMatchObject({
      retry: true,
      rule: 'server-error',
    });
  });
});

describe('backoffMs', () => {
  it('doubles from 1 s with equal jitter: [d/2, d) for d = 1 s, 2 s, 4 s …, capped at 30 s', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((a) => backoffMs(a, () => 0.5))).toEqual([750, 1500, 3000, 6000]);
    expect(backoffMs(1, () => 0.999999)).toBeLessThan(1000);
    expect(backoffMs(20, () => 0)).toBe(15_000);
    expect(backoffMs(20, () => 0.999999)).toBeLessThan(30_000);
    expect(backoffMs(2, () => 0, { baseMs: 200, maxMs: 300 })).toBe(150);
  });

  it('never returns less than half the step, whatever the random source or attempt number says', () => {
    for (const r of [-1, 0, 0.3, 1, 7, Number.NaN])
      for (const a of [0, -3, 1, 2.7, Number.NaN, 1e9]) {
        const ms = backoffMs(a, () => r);
        expect(Number.isFinite(ms), `${a} ${r}`).toBe(true);
        expect(ms).toBeGreaterThanOrEqual(500);
        expect(ms).toBeLessThanOrEqual(30_000);
      }
  });
});
