// Every CONNECT-proxy fault, run through the real `go` (the version under test, GOMODCTL_TEST_GO) and through our
// probe with the same environment: both must reach the same outcome, the probe must name the proxy as the hop and
// say what Go does there (its error text, its bound), and no message may call the target the TCP peer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { probeUrl } from '../../src/probes/http-probe.js';
import type { ProbeResult } from '../../src/core/probe-types.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { CONNECT_SCENARIOS, GO_ARGS, startScenario, type ConnectScenario } from '../fixtures/network/scenarios.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'network');
const TARGET = 'https://goproxy.corp.test/example.com/dep/@v/v1.0.0.info';
/** How long the live test lets a go that waits on its own bound run: past the 10 s TLS bound, well before 60 s. */
const STILL_WAITING_MS = 13_000;

let goVersion = '';
beforeAll(async () => {
  const h = makeHermeticGo();
  goVersion = (await execa(TEST_GO, ['env', 'GOVERSION'], { env: h.env, extendEnv: false })).stdout.trim();
  h.cleanup();
});

/** Go's error after `Get "<url>": `, from `go mod download -json` (its Error field). */
function goError(stdout: string): string {
  const doc = JSON.parse(stdout) as { Error?: string };
  return (doc.Error ?? '').replace(/^.*?: Get "[^"]+": /, '');
}

/** Our data has placeholders (ADDRESS; no resolver address): compare Go's text with them filled in. */
function sameGoError(ours: string | undefined, theirs: string): boolean {
  if (ours === undefined) return false;
  const normalised = theirs.replace(/127\.0\.0\.1:\d+/g, 'ADDRESS').replace(/ on \S+:53:/, ':');
  return normalised === ours;
}

const TCP_PEER_IS_TARGET = /(TCP connect to|connection (refused|closed) by|connection to) goproxy\.corp\.test/;

async function runBoth(
  s: ConnectScenario,
): Promise<{ go: { exitCode?: number; error: string; waited: boolean }; probe: ProbeResult }> {
  const st = await startScenario(s);
  const h = makeHermeticGo();
  try {
    const env = { ...h.env, ...st.env };
    const ca = [readFileSync(st.fault.caFile!, 'utf8')];
    const [r, probe] = await Promise.all([
      execa(TEST_GO, GO_ARGS, {
        env,
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
        timeout: s.goGivesUpAfterMs && s.goGivesUpAfterMs > STILL_WAITING_MS ? STILL_WAITING_MS : 45_000,
      }),
      probeUrl(TARGET, { timeoutMs: 1500, env, ca, goVersion }),
    ]);
    const waited = r.timedOut === true;
    return { go: { exitCode: r.exitCode, error: waited ? '' : goError(r.stdout), waited }, probe };
  } finally {
    await st.close();
    h.cleanup();
  }
}

describe('CONNECT proxy faults: the real go and the probe agree', () => {
  const results = new Map<string, Awaited<ReturnType<typeof runBoth>>>();
  beforeAll(async () => {
    await Promise.all(CONNECT_SCENARIOS.map(async (s) => results.set(s.name, await runBoth(s))));
  }, 60_000);
  afterAll(() => results.clear());

  it.each(CONNECT_SCENARIOS.map((s) => [s.name, s] as const))('%s', (name, s) => {
    const { go, probe } = results.get(name)!;
    expect(probe.ok, String(probe.message)).toBe(false);
    expect(probe).toMatchObject({ hop: 'proxy', peer: s.proxyUrl ?? expect.stringMatching(/^http:\/\/127\.0\.0\.1:/) });
    expect(String(probe.message)).not.toMatch(TCP_PEER_IS_TARGET);
    expect(String(probe.message)).toContain(probe.peer);
    if (s.goGivesUpAfterMs && s.goGivesUpAfterMs > STILL_WAITING_MS) {
      // Go is still waiting on its own bound; what it prints then was captured from the real go (fixtures).
      expect(go.waited).toBe(true);
      expect(probe.go?.limitMs).toBe(s.goGivesUpAfterMs);
      const fixture = readFileSync(join(FIXTURES, goVersion.replace(/^(go1\.\d+).*/, '$1'), `${name}.txt`), 'utf8');
      expect(sameGoError(probe.go?.error, goError(fixture))).toBe(true);
      return;
    }
    expect(go.waited).toBe(false);
    expect(go.exitCode).toBe(1);
    expect(sameGoError(probe.go?.error, go.error), `go: ${go.error} / probe: ${probe.go?.error}`).toBe(true);
    if (s.goGivesUpAfterMs) expect(probe.go?.limitMs).toBe(s.goGivesUpAfterMs);
  });

  it('the probe says what each proxy did', () => {
    const action = (n: string) => results.get(n)!.probe.proxy;
    expect(action('connect-refused')).toMatchObject({ action: 'refused' });
    expect(action('connect-silent')).toMatchObject({ action: 'silent' });
    expect(action('tunnel-silent')).toMatchObject({ action: 'tunnel-silent' });
    expect(action('connect-close')).toMatchObject({ action: 'closed' });
    expect(action('connect-407')).toMatchObject({ action: 'auth-required', status: 407, realm: 'Corp Web Gateway' });
    expect(action('connect-403')).toMatchObject({
      action: 'denied',
      status: 403,
      firstLine: 'Access to goproxy.corp.test:443 is blocked by policy.',
    });
    expect(action('connect-502')).toMatchObject({
      action: 'error-status',
      status: 502,
      firstLine: 'upstream connect failed',
    });
    expect(action('proxy-dns')).toMatchObject({ action: 'unresolved', url: 'http://proxy.gomodctl.invalid:3128' });
    expect(results.get('connect-407')!.probe.cause).toBe('auth');
  });
});
