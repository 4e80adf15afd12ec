// End to end: Ctrl-C and usage errors of `gomodctl tidy`; no go process survives gomodctl (process-group kill).
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { runCli, BIN } from '../helpers/run-cli.js';
import { SCENARIOS, prepare } from '../fixtures/tidy/scenarios.js';
import type { TidyReport } from '../../src/core/tidy/report-model.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function setup(name: string) {
  const h = makeHermeticGo();
  const p = await prepare(SCENARIOS.find((s) => s.name === name)!, h.dir, 0);
  cleanups.push(
    () => p.proxy.close(),
    () => h.cleanup(),
  );
  return { env: { ...h.env, ...p.env }, dir: p.dir, h };
}

/** Pids of processes whose working directory is `dir` (Linux /proc), i.e. a go left behind in the test module. */
function processesIn(dir: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      if (readlinkSync(`/proc/${d}/cwd`) === dir) out.push(Number(d));
    } catch {
      // gone or not ours
    }
  }
  return out;
}

describe.concurrent('gomodctl tidy: interruption, CI output, usage errors', () => {
  it.skipIf(process.platform !== 'linux')(
    'Ctrl-C while go hangs: kills the tree, prints what is known, exits 130',
    async () => {
      const { env, dir } = await setup('blackhole');
      const child = execa(
        process.execPath,
        [BIN, 'tidy', '--explain', '--json', '--stall', '1s', '--go', TEST_GO, '-C', dir],
        {
          env,
          extendEnv: false,
          reject: false,
          timeout: 20_000,
        },
      );
      let stderr = '';
      child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
      const deadline = Date.now() + 10_000;
      while (!stderr.includes('finding module for package') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 1800)); // let the watchdog fire and probe
      expect(processesIn(dir).length).toBeGreaterThan(0);
      child.kill('SIGINT');
      const r = await child;
      expect(r.exitCode, stderr).toBe(130);
      const report = JSON.parse(String(r.stdout)) as TidyReport;
      expect(report.outcome).toBe('stalled');
      expect(report.goExitCode).toBeNull();
      expect(report.problems[0]).toMatchObject({ cause: 'timeout', module: 'example.com/hello' });
      await new Promise((r) => setTimeout(r, 200));
      expect(processesIn(dir)).toEqual([]);
    },
  );

  it.skipIf(process.platform !== 'linux')(
    'Ctrl-C just after Go asked: the time the final probe takes is not time Go was quiet (the run ended at work)',
    async () => {
      // The report probes the pending request for up to 1.5 s after go is killed; measured from the end of those
      // probes, a Ctrl-C 0.1 s after Go's last line read as a silence of 1.6 s, and the report blamed the route.
      const { env, dir } = await setup('blackhole');
      const child = execa(
        process.execPath,
        [BIN, 'tidy', '--explain', '--json', '--stall', '10s', '--go', TEST_GO, '-C', dir],
        { env, extendEnv: false, reject: false, timeout: 20_000 },
      );
      let stderr = '';
      child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
      const deadline = Date.now() + 10_000;
      while (!stderr.includes('finding module for package') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGINT');
      const r = await child;
      expect(r.exitCode, stderr).toBe(130);
      const report = JSON.parse(String(r.stdout)) as TidyReport;
      expect(report.problems.map((p) => p.rule)).toEqual(['slow']);
      expect(report.problems[0]!.message).toMatch(/the run ended while Go was still at work/);
    },
  );

  it('GitHub Actions: ::error annotations on stdout and a Markdown job summary', async () => {
    const { env, dir, h } = await setup('status-404');
    const summary = join(h.dir, 'summary.md');
    writeFileSync(summary, '');
    const r = await runCli(['tidy', '--explain', '--go', TEST_GO, '-C', dir], {
      env: { ...env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^::error title=gomodctl tidy%3A not-found example.com\/hello::.*404/m);
    expect(r.stdout).toContain('[not-found]');
    expect(readFileSync(summary, 'utf8')).toMatch(
      /### gomodctl tidy: failed[\s\S]*\| not-found \| example.com\/hello \|/,
    );
  });

  it('GitLab: the diagnosis sits in a collapsible section, expanded because the run failed', async () => {
    const { env, dir } = await setup('status-500');
    const r = await runCli(['tidy', '--explain', '--annotate', 'gitlab', '--go', TEST_GO, '-C', dir], { env });
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/section_start:\d+:gomodctl_tidy\[collapsed=false\]/);
    expect(r.stdout).toMatch(/section_end:\d+:gomodctl_tidy/);
  });

  it('without --explain: passes go output through, prints only a summary', async () => {
    const { env, dir } = await setup('status-404');
    const r = await runCli(['tidy', '--go', TEST_GO, '-C', dir], { env });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('cannot find module providing package example.com/hello');
    expect(r.stderr).not.toMatch(/^# get /m); // the -x trace gomodctl added is not shown
    expect(r.stdout).toMatch(/go mod tidy failed with exit code 1/);
    expect(r.stdout).not.toContain('go env -w'); // no diagnosis without --explain
  });

  it('a password in GOPROXY never appears in any output (human, JSON, annotations, job summary)', async () => {
    const { env, dir, h } = await setup('status-401');
    const withPw = String(env.GOPROXY).replace('http://', 'http://gopher:pw-Sekr3t@');
    const summary = join(h.dir, 'summary.md');
    writeFileSync(summary, '');
    const ci = { ...env, GOPROXY: withPw, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary };
    const runs = await Promise.all([
      runCli(['tidy', '--explain', '--go', TEST_GO, '-C', dir], { env: ci }),
      runCli(['tidy', '--explain', '--json', '--go', TEST_GO, '-C', dir], { env: ci }),
    ]);
    for (const r of runs) {
      expect(r.exitCode, r.stderr).toBe(1);
      expect(r.stdout + r.stderr).not.toContain('pw-Sekr3t');
    }
    expect(runs[1]!.stdout).toContain('gopher:xxxxx@');
    expect(readFileSync(summary, 'utf8')).not.toContain('pw-Sekr3t');
  });

  it.each([
    [['--stall', 'soon'], /invalid --stall "soon".*5s/],
    [['--timeout', '-3s'], /invalid --timeout "-3s"/],
    [['--annotate', 'jenkins'], /invalid --annotate "jenkins".*auto, github, gitlab, none/],
    [['-C', '/nonexistent/gomodctl-dir'], /invalid -C "\/nonexistent\/gomodctl-dir": not a directory/],
  ])('bad usage %j → exit 2 with a sentence', async (args, re) => {
    const r = await runCli(['tidy', ...args], { env: makeHermeticGo().env });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(re);
  });

  it('a go mod tidy flag that go rejects (after --) is bad usage: exit 2 and a problem naming it', async () => {
    const h = makeHermeticGo();
    writeFileSync(join(h.dir, 'go.mod'), 'module example.com/m\n\ngo 1.19\n');
    const r = await runCli(['tidy', '--explain', '--json', '--', '-bogus'], { env: h.env, cwd: h.dir });
    h.cleanup();
    expect(r.exitCode).toBe(2);
    const doc = JSON.parse(r.stdout) as { problems: Array<{ cause: string; message: string }> };
    expect(doc.problems[0]).toMatchObject({
      cause: 'config',
      message: 'go mod tidy does not accept -bogus (given after --)',
    });
  });

  it('a go that has a VERSION beside it but cannot be started (a directory) is "Go was not found", no stack', async () => {
    // The early start (app/tidy-start.ts) spawns it and fails; runTidy, in the other bundle, reports it.
    const h = makeHermeticGo();
    const goroot = join(h.dir, 'goroot');
    mkdirSync(join(goroot, 'bin', 'go'), { recursive: true });
    writeFileSync(join(goroot, 'VERSION'), 'go1.26.8\n');
    writeFileSync(join(h.dir, 'go.mod'), 'module example.com/m\n\ngo 1.19\n');
    const go = join(goroot, 'bin', 'go');
    // Named by $GOMODCTL_GO, so that nothing checks it before the early start spawns it.
    const env = { ...h.env, GOMODCTL_GO: go };
    const [human, json, flag] = await Promise.all([
      runCli(['tidy', '--explain'], { env, cwd: h.dir }),
      runCli(['tidy', '--explain', '--json'], { env, cwd: h.dir }),
      runCli(['tidy', '--explain', '--go', go], { env: h.env, cwd: h.dir }),
    ]);
    h.cleanup();
    for (const r of [human, json]) {
      expect(r.exitCode, r.stderr).toBe(1);
      expect(r.stderr).toContain(`gomodctl tidy: cannot run "${go}": Go was not found`);
      expect(r.stderr).not.toMatch(/\bat .*\.c?js:\d+/); // no stack
    }
    expect(JSON.parse(json.stdout)).toMatchObject({ outcome: 'failed', problems: [{ rule: 'go-not-found' }] });
    // Given as --go, the same directory is bad usage (go-binary.ts verifyGoFlag)
    expect(flag.exitCode, flag.stderr).toBe(2);
    expect(flag.stderr).toContain(`--go "${go}": no such executable`);
  });
});
