// Child processes run with C messages: a Chinese locale must not change what gomodctl parses. git translates its
// errors (gettext) and go passes them on, so `tidy --explain` under LANGUAGE=zh_CN would read 「致命错误：…」 instead
// of "fatal: could not read Username … terminal prompts disabled". C.UTF-8 is always installed, and gettext honours
// LANGUAGE there (see locale-git.test.ts), so git speaks Chinese in this test wherever its zh_CN catalogue exists.
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';
import { SCENARIOS, prepare, goMinor } from '../fixtures/tidy/scenarios.js';
import type { TidyReport } from '../../src/core/tidy/report-model.js';

const HAS_GIT_ZH = existsSync('/usr/share/locale/zh_CN/LC_MESSAGES/git.mo');
const CHINESE = { LC_ALL: 'C.UTF-8', LANGUAGE: 'zh_CN' };
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.skipIf(!HAS_GIT_ZH || process.platform === 'win32')('go and git run with C messages', () => {
  it('git really speaks Chinese in this environment (the precondition of the next test)', async () => {
    const r = await execa('git', ['-C', '/nonexistent-gomodctl-dir', 'status'], {
      env: { PATH: process.env.PATH ?? '', ...CHINESE },
      extendEnv: false,
      reject: false,
      timeout: 10_000,
    });
    expect(String(r.stderr)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('tidy --explain names the git credential prompt (vcs-auth) under a Chinese LANGUAGE', async () => {
    const h = makeHermeticGo(CHINESE);
    cleanups.push(() => h.cleanup());
    const version = (await execa(TEST_GO, ['env', 'GOVERSION'], { env: h.env, extendEnv: false })).stdout.trim();
    const p = await prepare(SCENARIOS.find((s) => s.name === 'git-prompt')!, h.dir, goMinor(version));
    cleanups.push(() => p.proxy.close());
    const args = ['tidy', '--explain', '--json', '--stall', '1s', '--timeout', '10s', '--go', TEST_GO, '-C', p.dir];
    const r = await runCli(args, { env: { ...h.env, ...p.env, ...CHINESE }, timeoutMs: 30_000 });
    const report = JSON.parse(r.stdout) as TidyReport;
    expect(
      report.problems.map((x) => x.cause),
      r.stderr,
    ).toContain('vcs-auth');
    expect(r.stderr).not.toMatch(/致命错误/); // go passed git's stderr on: in C messages, "fatal:"
    expect(r.stderr).toMatch(/fatal: could not read Username/);
  });
});
