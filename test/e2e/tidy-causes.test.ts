// End to end, issue 12's cases: the built CLI runs the REAL go (GOMODCTL_TEST_GO: 1.26, 1.19, 1.27) against loopback
// servers (test/fixtures/tidy/scenarios.ts) and the JSON report names cause, module, version and URL. Lean: all at
// once, --stall 1s, --timeout 2s for the two that hang.
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';
import { SCENARIOS, prepare, goMinor } from '../fixtures/tidy/scenarios.js';
import type { TidyProblem, TidyReport } from '../../src/core/tidy/report-model.js';

type Doc = Omit<TidyReport, 'problems'> & { problems: Array<Omit<TidyProblem, 'fix'> & { fix: string[] }> };

const version = (
  await execa(TEST_GO, ['env', 'GOVERSION'], { env: makeHermeticGo().env, extendEnv: false })
).stdout.trim();
const MINOR = goMinor(version);
const out = mkdtempSync(join(tmpdir(), 'gomodctl-causes-'));
const cleanups: Array<() => Promise<void> | void> = [() => rmSync(out, { recursive: true, force: true })];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function tidy(name: string, extra: string[] = []) {
  const h = makeHermeticGo();
  const p = await prepare(SCENARIOS.find((x) => x.name === name)!, h.dir, MINOR);
  cleanups.push(
    () => p.proxy.close(),
    () => h.cleanup(),
  );
  const args = ['tidy', '--explain', '--json', '--stall', '1s', '--timeout', '2s', '--go', TEST_GO, '-C', p.dir];
  const r = await runCli([...args, ...extra], { env: { ...h.env, ...p.env }, timeoutMs: 20_000 });
  const doc = JSON.parse(r.stdout) as Doc;
  return { r, doc, first: doc.problems[0]!, p };
}

describe.concurrent(`tidy --explain: issue 12's causes with ${version}`, () => {
  it('body stall: module, version, zip URL, bytes so far, phase body', async () => {
    const { r, first } = await tidy('body-stall');
    expect(r.exitCode, r.stderr).toBe(3);
    expect(first).toMatchObject({ rule: 'body-stall', cause: 'timeout', phase: 'body' });
    expect(first).toMatchObject({ module: 'example.com/hello', version: 'v1.1.0' });
    expect(first.url).toMatch(/\/stall-zip-body\/256\/example\.com\/hello\/@v\/v1\.1\.0\.zip$/);
    expect(first.message).toContain('256 B received');
  });

  it('toolchain stall: names toolchain go1.99.0 and its zip URL (Go 1.19 cannot read the go line)', async () => {
    const { r, first } = await tidy('toolchain-hang');
    if (MINOR < 21) {
      expect(r.exitCode).toBe(1);
      return void expect(first).toMatchObject({ rule: 'toolchain', cause: 'toolchain' });
    }
    expect(r.exitCode, r.stderr).toBe(3);
    expect(first).toMatchObject({ rule: 'toolchain-stall', phase: 'toolchain', module: 'golang.org/toolchain' });
    expect(first.version).toMatch(/^v0\.0\.1-go1\.99\.0\.[a-z0-9]+-[a-z0-9]+$/);
    expect(first.message).toContain('toolchain go1.99.0');
    expect(first.url).toMatch(/\/blackhole\/golang\.org\/toolchain\/@v\/v0\.0\.1-go1\.99\.0\.[a-z0-9-]+\.zip$/);
  });

  it('407 at the CONNECT: cause auth on hop proxy, credentials placeholder in HTTPS_PROXY, NO_PROXY', async () => {
    const { r, first, doc } = await tidy('connect-407');
    expect(r.exitCode, r.stderr).toBe(1);
    expect(first).toMatchObject({ rule: 'proxy-hop', cause: 'auth', hop: 'proxy', module: 'example.com/hello' });
    expect(first.url).toBe('https://goproxy.gomodctl.test/example.com/hello/@v/list');
    expect(first.fix.join('\n')).toMatch(/^export HTTPS_PROXY=http:\/\/USER:xxxxx@127\.0\.0\.1:\d+ /m);
    expect(first.fix.join('\n')).toContain('NO_PROXY');
    expect(doc.modules.filter((m) => m.status === 'ok')).toEqual([]); // nothing was fetched
  });

  it.each([
    ['connect-403', 'auth', 403, 'Forbidden', 'blocks'],
    ['connect-502', 'http-status', 502, 'Bad Gateway', 'could not reach'],
  ] as const)(
    '%s at the CONNECT: hop proxy, the module Go names, the status (every Go)',
    async (name, cause, code, text, what) => {
      const { r, first, doc } = await tidy(name);
      expect(r.exitCode, r.stderr).toBe(1);
      expect(doc.problems, JSON.stringify(doc.problems, null, 1)).toHaveLength(1);
      expect(first).toMatchObject({
        rule: 'proxy-hop',
        cause,
        hop: 'proxy',
        phase: 'proxy',
        module: 'example.com/hello',
      });
      expect(first.url).toBe('https://goproxy.corp.test/example.com/hello/@v/list'); // not the parent path's @v/list
      expect(first.message).toContain(`answers CONNECT with "${text}"`);
      expect(first.fix[0]).toMatch(
        new RegExp(`^# proxy http://127\\.0\\.0\\.1:\\d+ ${what} goproxy\\.corp\\.test \\(${code}\\): `),
      );
      expect(first.fix.join('\n')).not.toContain('undefined');
    },
  );

  it('gateway 403 with a body: the server words are kept; --junit writes the failure', async () => {
    const junit = join(out, `gateway-${MINOR}.xml`);
    const { r, first } = await tidy('gateway-403', ['--junit', junit]);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(first).toMatchObject({ cause: 'auth', phase: 'proxy', module: 'example.com/hello' });
    expect(first.url).toMatch(/\/gateway\/403\/example\.com\/hello\/@v\/list$/);
    expect(first.message).toContain('the server says "This module version is not available."');
    expect(first.fix.join('\n')).toContain('Go sends no credentials to an http:// GOPROXY'); // no ~/.netrc advice
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testcase classname="gomodctl.tidy" name="example.com\/hello \[auth\]"/);
    expect(xml).toContain('<failure');
  });

  it('private path without GOPRIVATE behind a 400: GOPRIVATE first, and the leak said', async () => {
    const { r, first, doc } = await tidy('private-gateway-400');
    expect(r.exitCode, r.stderr).toBe(1);
    expect(first).toMatchObject({ cause: 'http-status', module: 'git.corp.invalid/team/lib' });
    expect(first.url).toMatch(/\/gateway\/400\/git\.corp\.invalid\/team\/lib\/@v\/list$/);
    expect(first.fix[0]).toBe('go env -w GOPRIVATE=git.corp.invalid');
    expect(doc.problems.find((x) => x.cause === 'leak')?.message).toContain('leaked');
  });

  it('403 | direct: the 403 that sent Go to direct is named (Go 1.19: by a probe of the route; 1.21+: the trace)', async () => {
    const { r, first, doc } = await tidy('403-pipe-direct');
    expect(r.exitCode, r.stderr).toBe(1);
    expect(first).toMatchObject({ cause: 'dns', phase: 'direct', host: 'git.corp.invalid' });
    const why = doc.problems.find((x) => x.rule === (MINOR < 21 ? 'fell-through' : 'private-leak'));
    expect(why, JSON.stringify(doc.problems, null, 1)).toMatchObject({
      phase: 'proxy',
      module: 'git.corp.invalid/team/lib',
    });
    expect(why!.url).toMatch(/\/gateway\/403\/git\.corp\.invalid\/team\/lib\/@v\/list$/);
    if (MINOR < 21) expect(why!.message).toContain('answers 403');
  });

  it("direct VCS DNS failure: git's reason, the host git used, the real command", async () => {
    const { r, first } = await tidy('vcs-dns');
    expect(r.exitCode, r.stderr).toBe(1);
    expect(first).toMatchObject({ cause: 'dns', phase: 'direct', module: 'github.com/private/repo' });
    expect(first).toMatchObject({ host: 'git.gomodctl.invalid', url: 'https://git.gomodctl.invalid/private/repo/' });
    expect(first.message).toContain('Could not resolve host: git.gomodctl.invalid');
    expect(first.message).toMatch(/`git ls-remote -q (origin|--end-of-options https:\/\/github\.com\/private\/repo)`/);
    expect(first.fix.join('\n')).not.toContain('HOST/PATH');
  });
});
