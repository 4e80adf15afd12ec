// doctor's fix search end to end (issue 13): the built CLI and the real go against loopback proxies. For each
// scenario with a working alternative, the printed top fix is run as a shell command and then the real `go mod tidy`
// must succeed; every URL a printed fix names belongs to a server that was probed in the run. One pair of proxies
// and one dead URL for the whole file; every doctor run is bounded by --timeout 1s.
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as engine from '../../src/core/verdict/evaluate.js';
import { refusedUrl, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { mod, writeFiles } from '../helpers/needs-lab.js';
import { runCli } from '../helpers/run-cli.js';
import { makeGitRepo } from '../fixtures/tidy/responders.js';

/** The real engine is in place (the stand-in src/core/verdict/evaluate.ts marks itself STAND_IN; it walks no direct step). */
const engineReady = !('STAND_IN' in engine);

const MODULE = 'golang.org/x/fixdemo';
let p: FaultProxy; // serves the module (and its fault prefixes)
let q: FaultProxy; // a second healthy proxy, passed with --mirror
let dead: string; // nothing listens: GOMODCTL_MIRRORS points here so no public mirror is ever probed
beforeAll(async () => {
  const modules = [mod(`${MODULE}@v1.0.0`)];
  [p, q, dead] = await Promise.all([
    startFaultProxy({ modules, fixtures: false }),
    startFaultProxy({ modules, fixtures: false }),
    refusedUrl(),
  ]);
});
afterAll(() => Promise.all([p?.close(), q?.close()]));

/** A hermetic project that requires the module; `env` holds the scenario's settings. */
function project(env: NodeJS.ProcessEnv) {
  const h = makeHermeticGo({ GOMODCTL_MIRRORS: dead, ...env });
  const root = join(h.dir, 'project');
  writeFiles(root, {
    'go.mod': `module example.com/app\n\ngo 1.18\n\nrequire ${MODULE} v1.0.0\n`,
    'main.go': `package main\n\nimport _ "${MODULE}"\n\nfunc main() {}\n`,
  });
  const doctor = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    runCli(['doctor', '--timeout', '1s', ...args], { env: { ...h.env, ...extra }, cwd: root, timeoutMs: 30_000 });
  /** Runs shell text, then the real `go mod tidy`, in the project (bounded). */
  const tidyAfter = (shell: string) =>
    execa('sh', ['-c', `${shell}\n"${TEST_GO}" mod tidy`], {
      env: h.env,
      extendEnv: false,
      cwd: root,
      reject: false,
      timeout: 30_000,
    });
  return { h, root, doctor, tidyAfter };
}

/** The lines of printed fix 1 (between "1. verified by" and the next option). */
function topFix(stdout: string): string {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => /^ {2}1\. verified by/.test(l));
  expect(start, stdout).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, k) => k > start && !/^ {5}\S/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Every host:port a printed fix line names is a server of this file that saw requests during the run. */
function expectOnlyProbedHosts(stdout: string): void {
  const probed = new Map([p, q].map((s) => [new URL(s.url).host, s.log.length > 0]));
  const fixLines = stdout.split('\n').filter((l) => /^ {5}\S/.test(l));
  expect(fixLines.length).toBeGreaterThan(0);
  for (const line of fixLines)
    for (const m of line.matchAll(/https?:\/\/[^\s'",|]+/g)) expect(probed.get(new URL(m[0]).host), line).toBe(true);
}

describe('doctor: verified fixes that make go mod tidy succeed', () => {
  it('a single proxy answering 403, a second healthy one passed with --mirror: the mirror is the fix', async () => {
    const s = project({ GOPROXY: p.base('status/403') });
    try {
      const before = await s.tidyAfter('true');
      expect(before.exitCode, before.stderr).not.toBe(0);
      q.clearLog();
      const r = await s.doctor(['--mirror', q.url]);
      expect(r.exitCode, r.stderr).toBe(1);
      const fix = topFix(r.stdout);
      expect(fix).toMatch(new RegExp(`export GOPROXY=${q.url.replace(/[.]/g, '\\.')}`));
      expectOnlyProbedHosts(r.stdout);
      const after = await s.tidyAfter(fix);
      expect(after.exitCode, after.stderr).toBe(0);
    } finally {
      s.h.cleanup();
    }
  });

  it('a silent first entry: dropping it is verified (not GODEBUG, not the dead mirror)', async () => {
    const s = project({ GOPROXY: `${p.base('blackhole')},${p.url}` });
    try {
      // Without the engine's doctor, the fix search runs with a fix flag; --verify also proves it with go.
      const r = await s.doctor(['--verify']);
      expect(r.exitCode, r.stderr).toBe(1);
      const fix = topFix(r.stdout);
      // The note is a `#` line above; the command stands alone on its line (issue 8: a line-select copies it).
      expect(fix).toMatch(new RegExp(`^ +export GOPROXY=${p.url.replace(/[.]/g, '\\.')}$`, 'm'));
      expect(fix).not.toMatch(/GODEBUG/);
      expect(r.stdout).not.toContain(`GOPROXY=${dead}`);
      expectOnlyProbedHosts(r.stdout);
      const after = await s.tidyAfter(fix);
      expect(after.exitCode, after.stderr).toBe(0);
    } finally {
      s.h.cleanup();
    }
  });

  it('`,` before a 403: `|` or dropping the entry, and --verify proves the top one with go mod download', async () => {
    const s = project({ GOPROXY: `${p.base('status/403')},${p.url}` });
    try {
      const before = await s.tidyAfter('true');
      expect(before.exitCode, before.stderr).not.toBe(0);
      const r = await s.doctor(['--verify']);
      expect(r.exitCode, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/ {2}1\. verified by probe \+ go mod download/);
      expect(r.stdout).toContain(`GOPROXY='${p.base('status/403')}|${p.url}'`);
      expectOnlyProbedHosts(r.stdout);
      const after = await s.tidyAfter(topFix(r.stdout));
      expect(after.exitCode, after.stderr).toBe(0);
    } finally {
      s.h.cleanup();
    }
  });
});

describe('doctor prints no unverified template fix (issue 13)', () => {
  /** Every URL the output names is a server probed in the run (the refusing proxy, the GOMODCTL_MIRRORS one). */
  function expectOnlyRunHosts(stdout: string): void {
    const probed = new Set([new URL(p.url).host, new URL(dead).host]);
    for (const m of stdout.matchAll(/https?:\/\/[^\s'",|)]+/g)) expect(probed.has(new URL(m[0]).host), m[0]).toBe(true);
    expect(stdout).not.toMatch(/goproxy\.(cn|io)|proxy\.golang\.org|sum\.golang\.google\.cn|aliyun|tencent/);
    // A setting to copy appears only in the verified list, never under a check.
    const verifiedAt = stdout.search(/^Verified fixes/m);
    const lines = stdout.split('\n');
    lines.forEach((l, k) => {
      if (!/^\s*(export |go env -[wu] )/.test(l)) return;
      const at = lines.slice(0, k).join('\n').length;
      expect(verifiedAt >= 0 && at > verifiedAt, l).toBe(true);
    });
  }

  it('a proxy answering 403: in a module, outside one (--module) and in --json, only findings and verified fixes', async () => {
    const s = project({ GOPROXY: p.base('status/403'), GOSUMDB: p.sumdb.verifierKey });
    try {
      const outside = (args: string[]) =>
        runCli(['doctor', '--timeout', '1s', '--module', `${MODULE}@v1.0.0`, ...args], {
          env: s.h.env,
          cwd: s.h.dir,
          timeoutMs: 30_000,
        });
      const [inside, json, out] = await Promise.all([s.doctor([]), s.doctor(['--json']), outside([])]);
      for (const r of [inside, out]) {
        expect(r.exitCode, r.stderr).toBe(1);
        expect(r.stdout).toMatch(/^(No verified fix|Verified fixes)/m);
        expectOnlyRunHosts(r.stdout);
      }
      // Outside a module the canary's failure is named before the search's answer.
      expect(out.stdout).toMatch(new RegExp(`module will fail to download:\\n +✗ ${MODULE.replace(/[.]/g, '\\.')}:`));
      const doc = JSON.parse(json.stdout) as { checks: Array<{ fix?: string[] }>; fix?: { willFail: boolean } };
      const lines = doc.checks.flatMap((c) => c.fix ?? []);
      expect(lines.filter((l) => /^(export |go env -[wu] )/.test(l))).toEqual([]);
      expect(doc.fix?.willFail).toBe(true);
    } finally {
      s.h.cleanup();
    }
  });
});

describe('doctor --fix', () => {
  it('--yes writes a GOENV-file fix with a backup: go mod tidy then succeeds, gomodctl restore undoes it', async () => {
    const s = project({ GOPROXY: undefined });
    try {
      writeFileSync(s.h.env.GOENV!, `GOPROXY=${p.base('status/403')},${p.url}\n`);
      const r = await s.doctor(['--fix', '--yes']);
      expect(r.exitCode, r.stderr + r.stdout).toBe(0);
      expect(r.stdout).toMatch(/undo with: gomodctl restore --yes/);
      expect(readFileSync(s.h.env.GOENV!, 'utf8')).not.toContain(`GOPROXY=${p.base('status/403')},`);
      const after = await s.tidyAfter('true');
      expect(after.exitCode, after.stderr).toBe(0);
      const undo = await runCli(['restore', '--yes'], { env: s.h.env, cwd: s.root });
      expect(undo.exitCode, undo.stderr).toBe(0);
      expect(readFileSync(s.h.env.GOENV!, 'utf8')).toContain(`GOPROXY=${p.base('status/403')},${p.url}`);
    } finally {
      s.h.cleanup();
    }
  });

  it('an environment setting: appended to $GITHUB_ENV in GitHub Actions (exit 0); elsewhere printed to run (exit 1)', async () => {
    const s = project({ GOPROXY: p.base('status/403') });
    try {
      const githubEnv = join(s.h.dir, 'github-env');
      writeFileSync(githubEnv, '');
      const [r, shell] = await Promise.all([
        s.doctor(['--fix', '--yes', '--mirror', q.url], { GITHUB_ACTIONS: 'true', GITHUB_ENV: githubEnv }),
        s.doctor(['--fix', '--yes', '--mirror', q.url]),
      ]);
      expect(r.exitCode, r.stderr + r.stdout).toBe(0);
      expect(r.stdout).toMatch(/Appended 1 line\(s\) to \$GITHUB_ENV/);
      expect(readFileSync(githubEnv, 'utf8')).toBe(`GOPROXY=${q.url}\n`);
      // Outside CI the export is printed for the user to run: nothing has changed yet, so exit 1.
      expect(shell.exitCode, shell.stderr + shell.stdout).toBe(1);
      expect(shell.stdout).toMatch(/run in your shell:\n {2}export GOPROXY=/);
    } finally {
      s.h.cleanup();
    }
  });

  it('refuses without a terminal and without --yes (exit 2, nothing changed); a bad --mirror is exit 2', async () => {
    const s = project({ GOPROXY: `${p.base('status/403')},${p.url}` });
    try {
      const [r, bad] = await Promise.all([s.doctor(['--fix']), s.doctor(['--mirror', 'ftp://mirror.example'])]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/doctor --fix needs confirmation but there is no terminal; pass --yes/);
      expect(bad.exitCode).toBe(2);
      expect(bad.stderr).toMatch(/invalid --mirror "ftp:\/\/mirror\.example"/);
    } finally {
      s.h.cleanup();
    }
  });
});

describe.skipIf(!engineReady)('doctor with the verdict engine (direct and VCS hops)', () => {
  it('a private module missing from GOPRIVATE, its repository reached by git through url.insteadOf', async () => {
    const secret = 'github.com/private/secret';
    // GOPROXY without direct: the proxy does not have the private module (404), so go mod tidy fails until
    // GOPRIVATE sends it to git, which url.insteadOf points at a bare repository on this machine.
    const s = project({ GOPROXY: p.url });
    try {
      const repos = await makeGitRepo(s.h.dir, secret);
      Object.assign(s.h.env, {
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: `url.file://${repos}/.insteadOf`,
        GIT_CONFIG_VALUE_0: 'https://github.com/private/',
      });
      writeFiles(s.root, {
        'go.mod': `module example.com/app\n\ngo 1.18\n\nrequire (\n\t${MODULE} v1.0.0\n\t${secret} v1.0.0\n)\n`,
        'main.go': `package main\n\nimport (\n\t_ "${MODULE}"\n\t_ "${secret}"\n)\n\nfunc main() {}\n`,
      });
      const before = await s.tidyAfter('true');
      expect(before.exitCode, before.stderr).not.toBe(0);
      const r = await s.doctor(['--verify']);
      expect(r.exitCode, r.stderr).toBe(1);
      const fix = topFix(r.stdout);
      expect(fix).toMatch(/GOPRIVATE=github\.com\/private\/secret\b/);
      expect(fix).not.toMatch(/GOPRIVATE=[^ ]*github\.com(,|\s|$)/);
      const after = await s.tidyAfter(fix);
      expect(after.exitCode, after.stderr).toBe(0);
    } finally {
      s.h.cleanup();
    }
  });
});
