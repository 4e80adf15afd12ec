// The configuration `gomodctl tidy` reads go's lines with, against the REAL go (GOMODCTL_TEST_GO): worked out without
// `go env` (go/load-config.ts computeConfig) it must be what `go env -json` reports; a go that fails, or runs longer
// than a moment, is read with go's own (app/tidy.ts chooseConfig), seen through a go wrapper that logs each start.
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { BIN, runCli } from '../helpers/run-cli.js';
import { SCENARIOS, prepare, goMinor, type Scenario } from '../fixtures/tidy/scenarios.js';
import { computeConfig, loadConfig } from '../../src/go/load-config.js';
import { goVersionFromFile } from '../../src/go/go-install.js';
import { findExecutable } from '../../src/go/which.js';
import { getVar } from '../../src/core/config-model.js';
import { MODULE_VARS } from '../../src/core/known-vars.js';
import type { TidyReport } from '../../src/core/tidy/report-model.js';

const hermeticEnv = makeHermeticGo().env;
const version = (await execa(TEST_GO, ['env', 'GOVERSION'], { env: hermeticEnv, extendEnv: false })).stdout.trim();
const fileVersion = goVersionFromFile(TEST_GO, hermeticEnv);
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** GOENV file contents and environment of each case (the variables gomodctl reads: core/known-vars.ts MODULE_VARS). */
const CASES: Array<{ name: string; env: NodeJS.ProcessEnv; file: string }> = [
  { name: 'defaults', env: {}, file: '' },
  { name: 'GOENV file', env: {}, file: 'GOPROXY=https://goproxy.cn,direct\nGOPRIVATE=*.corp.example.com\n' },
  {
    name: 'environment over the file',
    env: { GOPROXY: 'https://env.example|direct' },
    file: 'GOPROXY=https://f.example\n',
  },
  { name: 'GONOSUMDB from GOPRIVATE', env: { GOPRIVATE: 'a.example.com' }, file: 'GONOPROXY=none\n' },
  { name: 'GOSUMDB off, GOFLAGS', env: { GOSUMDB: 'off' }, file: 'GOFLAGS=-mod=mod\nGOINSECURE=x.example\n' },
];

function hermetic(env: NodeJS.ProcessEnv, file: string) {
  const h = makeHermeticGo({
    GOPROXY: undefined,
    GOSUMDB: undefined,
    GONOSUMDB: undefined,
    GOFLAGS: undefined,
    ...env,
  });
  cleanups.push(() => h.cleanup());
  mkdirSync(dirname(h.env.GOENV!), { recursive: true });
  writeFileSync(h.env.GOENV!, file);
  return h;
}

describe.skipIf(!fileVersion)(`the configuration without go env, with ${version}`, () => {
  it.each(CASES)('$name: the values and proxies go env -json reports', async ({ env, file }) => {
    const h = hermetic(env, file);
    const computed = await computeConfig({ go: TEST_GO, env: h.env, cwd: h.dir, version: fileVersion! });
    const reported = await loadConfig({ go: TEST_GO, env: h.env, cwd: h.dir });
    expect(computed).not.toBeNull();
    // gomodctl asks go with GOTOOLCHAIN=local (go/run-go.ts): that one value is ours, not the user's
    const vars = MODULE_VARS.filter((v) => v !== 'GOTOOLCHAIN');
    const values = (m: typeof computed) => Object.fromEntries(vars.map((v) => [v, getVar(m!.model, v)]));
    expect(values(computed)).toEqual(values(reported));
    expect(computed!.proxies).toEqual(reported.proxies);
    expect(computed!.go?.version).toBe(reported.go?.version);
    expect(realpathSync(computed!.go!.goroot)).toBe(realpathSync(reported.go!.goroot));
  });

  it('GOROOT set in the environment or in the GOENV file: the GOROOT, go.env and values go env -json reports', async () => {
    // cfg.go findGOROOT: $GOROOT as cfg.Getenv reads it, cleaned (a trailing slash dropped)
    const goroot = (await loadConfig({ go: TEST_GO, env: hermeticEnv })).go!.goroot;
    const vars = MODULE_VARS.filter((v) => v !== 'GOTOOLCHAIN');
    // Another GOROOT with its own go.env, one without (Go ≥ 1.21 reads go.env from the GOENV file's GOROOT first)
    const scratch = makeHermeticGo();
    cleanups.push(() => scratch.cleanup());
    const fake = join(scratch.dir, 'fake-goroot');
    mkdirSync(join(fake, 'bin'), { recursive: true });
    writeFileSync(join(fake, 'go.env'), 'GOPROXY=https://fake.example\nGOSUMDB=off\nGOTOOLCHAIN=local\n');
    const bare = join(dirname(fake), 'bare-goroot');
    mkdirSync(bare, { recursive: true });
    for (const [env, file, where] of [
      [{ GOROOT: `${goroot}/` }, '', ''],
      [{}, `GOROOT=${goroot}\nGOPRIVATE=*.corp.example\n`, ''],
      [{ GOROOT: '' }, `GOROOT=${goroot}\n`, ''], // set but empty: the file's
      [{ GOROOT: goroot }, `GOROOT=${fake}\n`, ''], // the environment's is used, the file's go.env read
      [{ GOROOT: bare, GOTOOLCHAIN: undefined }, '', ''], // no go.env: no defaults from it
      [{ GOROOT: 'rel' }, '', 'rel'], // relative to go's working directory
    ] as const) {
      const h = hermetic(env, file);
      if (where) {
        mkdirSync(join(h.dir, where), { recursive: true });
        writeFileSync(join(h.dir, where, 'go.env'), 'GOPROXY=https://rel.example\n');
      }
      const computed = await computeConfig({ go: TEST_GO, env: h.env, cwd: h.dir, version: fileVersion! });
      const reported = await loadConfig({ go: TEST_GO, env: h.env, cwd: h.dir });
      expect(reported.go, JSON.stringify(env)).not.toBeNull();
      expect(computed!.go!.goroot).toBe(reported.go!.goroot);
      const values = (m: typeof computed) => Object.fromEntries(vars.map((v) => [v, getVar(m!.model, v)]));
      expect(values(computed)).toEqual(values(reported));
      expect(computed!.proxies).toEqual(reported.proxies);
      // GOTOOLCHAIN is left out above (go env is asked with GOTOOLCHAIN=local): from go.env, or none without one
      if (env.GOROOT === bare && goMinor(version) >= 21) expect(getVar(computed!.model, 'GOTOOLCHAIN')).toBe('');
    }
  });
});

/**
 * A GOROOT whose bin/go logs each start (time in ns by GNU date: Linux only, then its arguments) and execs the real go: its VERSION and go.env
 * are the real ones, so gomodctl starts go early and works the configuration out as for the real one.
 */
function loggingGo(dir: string, envDelayS = 0): { go: string; starts: () => Array<{ at: number; args: string }> } {
  const real = realpathSync(findExecutable(TEST_GO, process.env)!);
  const root = join(dir, 'goroot');
  mkdirSync(join(root, 'bin'), { recursive: true });
  for (const f of ['VERSION', 'go.env']) {
    const from = join(dirname(dirname(real)), f);
    if (existsSync(from)) copyFileSync(from, join(root, f));
  }
  const log = join(dir, 'go-starts.log');
  writeFileSync(log, '');
  const go = join(root, 'bin', 'go');
  const delay = envDelayS ? `[ "$1" = env ] && sleep ${envDelayS}\n` : ''; // a go env that is slow to answer
  writeFileSync(go, `#!/bin/sh\necho "$(date +%s%N) $*" >> '${log}'\n${delay}exec '${real}' "$@"\n`);
  chmodSync(go, 0o755);
  const starts = () =>
    readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => ({ at: Number(l.slice(0, l.indexOf(' '))) / 1e6, args: l.slice(l.indexOf(' ') + 1) }));
  return { go, starts };
}

describe.skipIf(process.platform !== 'linux' || !fileVersion)(
  `tidy asks go env when it needs it, with ${version}`,
  () => {
    async function tidy(
      name: string | Scenario,
      o: { timeout?: string; envDelayS?: number; env?: (goroot: string) => NodeJS.ProcessEnv } = {},
    ) {
      const h = makeHermeticGo();
      cleanups.push(() => h.cleanup());
      const s = typeof name === 'string' ? SCENARIOS.find((x) => x.name === name)! : name;
      const p = await prepare(s, h.dir, goMinor(version));
      cleanups.push(() => p.proxy.close());
      const { go, starts } = loggingGo(h.dir, o.envDelayS);
      const r = await runCli(
        ['tidy', '--explain', '--json', '--stall', '5s', '--timeout', o.timeout ?? '20s', '--go', go, '-C', p.dir],
        {
          env: { ...h.env, ...p.env, ...o.env?.(dirname(dirname(go))) },
          timeoutMs: 30_000,
        },
      );
      const all = starts();
      const tidyStart = all.find((x) => x.args.startsWith('mod tidy'));
      const envStart = all.find((x) => x.args.startsWith('env -json'));
      return { r, report: JSON.parse(r.stdout) as TidyReport, tidyStart, envStart };
    }

    it('a go that fails: its report is read with what go env reports (the 404 named)', async () => {
      const { r, report, envStart } = await tidy('status-404');
      expect(r.exitCode).toBe(1);
      expect(envStart).toBeDefined();
      expect(report.problems.map((p) => p.rule)).toContain('not-found');
    });

    it("--timeout within go's first 100 ms, and go env slow to answer: the report still comes at once", async () => {
      // go is killed at 60 ms, before go env was started; that go env then sleeps 10 s. The report is due within
      // 0.5 s of --timeout: go env gets what is left of that, then the configuration worked out as Go does reads it.
      const { r, report, envStart } = await tidy('blackhole', { timeout: '60ms', envDelayS: 10 });
      expect(r.exitCode, r.stderr).toBe(3);
      expect(report.outcome).toBe('timeout');
      expect(envStart).toBeDefined(); // go env was asked, and not waited for
      expect(r.durationMs).toBeLessThan(5000); // not the 10 s of that go env (nor its 15 s bound)
    });

    it('the same with GOROOT set: still a report, read with that GOROOT', async () => {
      // computeConfig takes $GOROOT as Go does; it used to give up on it, and the run ended with exit 3 and no report
      const { r, report } = await tidy('blackhole', {
        timeout: '60ms',
        envDelayS: 10,
        env: (goroot) => ({ GOROOT: goroot }),
      });
      expect(r.exitCode, r.stderr).toBe(3);
      expect(report.outcome).toBe('timeout');
      expect(r.durationMs).toBeLessThan(5000);
    });

    it("Ctrl-C within go's first 100 ms, a long --timeout, and go env slow: the report comes within a second or so", async () => {
      // go env gets a second after Ctrl-C, not what is left of --timeout (it got 10 min before)
      const h = makeHermeticGo();
      cleanups.push(() => h.cleanup());
      const p = await prepare(SCENARIOS.find((x) => x.name === 'blackhole')!, h.dir, goMinor(version));
      cleanups.push(() => p.proxy.close());
      const { go, starts } = loggingGo(h.dir, 10);
      const child = execa(
        process.execPath,
        [BIN, 'tidy', '--explain', '--json', '--timeout', '10m', '--go', go, '-C', p.dir],
        { env: { ...h.env, ...p.env }, extendEnv: false, reject: false, timeout: 30_000 },
      );
      // as soon as go mod tidy started (the wrapper logs it just before exec): well before 100 ms of it
      while (!starts().some((x) => x.args.startsWith('mod tidy'))) await new Promise((f) => setTimeout(f, 5));
      const started = performance.now();
      child.kill('SIGINT');
      const r = await child;
      expect(r.exitCode, r.stderr).toBe(130);
      expect((JSON.parse(r.stdout) as TidyReport).goExitCode).toBeNull(); // a report, of a go that was killed
      expect(performance.now() - started).toBeLessThan(5000); // not the 10 s of that go env
    });

    it('a go still running after 100 ms: go env starts beside it, not before', async () => {
      // every request answered after 300 ms: healthy, and go runs for a second or more
      const slow: Scenario = {
        name: 'slow',
        env: (p) => ({ GOPROXY: p.base('slow/300'), GOSUMDB: p.sumdb.gosumdb() }),
      };
      const { r, report, tidyStart, envStart } = await tidy(slow);
      expect(r.exitCode).toBe(0);
      expect(report.outcome).toBe('ok');
      expect(envStart).toBeDefined();
      // 100 ms after gomodctl started go; the wrapper logs go a few ms after that (sh, date)
      expect(envStart!.at - tidyStart!.at).toBeGreaterThanOrEqual(80);
      expect(report.modules.map((m) => m.path)).toContain('example.com/hello');
    });
  },
);
