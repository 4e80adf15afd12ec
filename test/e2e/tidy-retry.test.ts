// End to end: `gomodctl tidy --retry N` with the REAL go (GOMODCTL_TEST_GO) against the loopback fault proxy: a proxy
// whose first requests answer 500 and that then serves → tidy succeeds and lists the retried attempt; a 404 is never
// retried; --stall-kill turns a stalled body into a transient failure. Lean: --stall 1s, back-off ≤ 1 s.
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';
import { SCENARIOS, prepare, goMinor } from '../fixtures/tidy/scenarios.js';
import type { TidyAttempt, TidyReport } from '../../src/core/tidy/report-model.js';

const version = (
  await execa(TEST_GO, ['env', 'GOVERSION'], { env: makeHermeticGo().env, extendEnv: false })
).stdout.trim();
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function tidy(name: string, extra: string[], json = true) {
  const h = makeHermeticGo();
  const p = await prepare(SCENARIOS.find((x) => x.name === name)!, h.dir, goMinor(version));
  cleanups.push(
    () => p.proxy.close(),
    () => h.cleanup(),
  );
  const args = ['tidy', '--explain', '--json', '--stall', '1s', '--timeout', '8s', '--go', TEST_GO, '-C', p.dir];
  const r = await runCli([...args.filter((a) => json || a !== '--json'), ...extra], {
    env: { ...h.env, ...p.env },
    timeoutMs: 20_000,
  });
  const report = (json ? JSON.parse(r.stdout) : {}) as TidyReport & { attempts?: TidyAttempt[] };
  return { r, report };
}

describe.concurrent(`gomodctl tidy --retry with ${version}`, () => {
  it('500 on the first requests, then served: --retry 2 succeeds and lists the retried attempt', async () => {
    const { r, report } = await tidy('flaky-500', ['--retry', '2']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(report.outcome).toBe('ok');
    expect(report.attempts).toMatchObject([
      { attempt: 1, result: 'transient', rule: 'server-error', retried: true, goExitCode: 1 },
      { attempt: 2, result: 'ok', retried: false, goExitCode: 0 },
    ]);
    expect(report.attempts![0]!.line).toMatch(
      /\/fail-first\/2\/example\.com\/hello\/@v\/list: 500 Internal Server Error/,
    );
    expect(report.modules.every((m) => m.status === 'ok')).toBe(true);
  });

  it('404: not retried (permanent)', async () => {
    const { r, report } = await tidy('status-404', ['--retry', '2']);
    expect(r.exitCode).toBe(1);
    expect(report.attempts).toMatchObject([{ attempt: 1, result: 'permanent', rule: 'not-found', retried: false }]);
    expect(report.problems[0]).toMatchObject({ cause: 'not-found', module: 'example.com/hello' });
  });

  it('--stall-kill: a body that stopped is killed, retried once, and the report names the body stall', async () => {
    const { r, report } = await tidy('body-stall', ['--retry', '1', '--stall-kill']);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(report.outcome).toBe('stalled');
    expect(report.attempts).toMatchObject([
      { attempt: 1, rule: 'stall-kill', retried: true, goExitCode: null },
      { attempt: 2, rule: 'stall-kill', retried: false, goExitCode: null },
    ]);
    expect(report.problems[0]).toMatchObject({
      rule: 'body-stall',
      phase: 'body',
      module: 'example.com/hello',
      version: 'v1.1.0',
    });
    expect(report.problems[0]!.url).toMatch(/\/stall-zip-body\/256\/example\.com\/hello\/@v\/v1\.1\.0\.zip$/);
  });

  it('--retry: the report lasts the whole run (every attempt and wait); the human summary says the watchdog killed go', async () => {
    const { report } = await tidy('flaky-500', ['--retry', '2']);
    const [first, second] = report.attempts!;
    expect(report.durationMs).toBeGreaterThanOrEqual(first!.durationMs + first!.waitMs! + second!.durationMs);
    const { r, report: killed } = await tidy('body-stall', ['--retry', '1', '--stall-kill']);
    const sum = killed.attempts!.reduce((n, a) => n + a.durationMs + (a.waitMs ?? 0), 0);
    expect(killed.durationMs, r.stderr).toBeGreaterThanOrEqual(sum);
    const human = await tidy('body-stall', ['--retry', '1', '--stall-kill'], false);
    expect(human.r.stdout).toMatch(
      /^✗ go mod tidy killed by the watchdog \(--stall-kill\) after 1\.0s without progress \(/,
    );
    expect(human.r.stdout).not.toContain('exit code ?');
  });

  it('--retry and --stall/--timeout refuse bad values (exit 2)', async () => {
    const h = makeHermeticGo();
    cleanups.push(() => h.cleanup());
    for (const bad of [
      ['--retry', 'x'],
      ['--retry', '-1'],
      ['--stall', '0'],
      ['--timeout', '-2s'],
    ]) {
      const r = await runCli(['tidy', ...bad], { env: h.env, cwd: h.dir });
      expect(r.exitCode, bad.join(' ')).toBe(2);
      expect(r.stderr).toContain(`invalid ${bad[0]} "${bad[1]}"`);
    }
  });
});
