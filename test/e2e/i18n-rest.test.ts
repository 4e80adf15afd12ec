// The last English sentences of issue [zh], with real servers and the real go, LANG=zh_CN.UTF-8 against en_US.UTF-8:
// doctor through a CONNECT proxy that answers 407 and against a proxy whose certificate no root signs (findings),
// doctor --annotate under GITHUB_ACTIONS (annotation titles, step summary heading), GOAUTH's runner problems, and
// tidy --retry (the retry line and the attempt lines). Every --json document is the same in both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { refusedUrl, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startConnectProxy } from '../helpers/connect-proxy.js';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';
import { goMinor, prepare, SCENARIOS } from '../fixtures/tidy/scenarios.js';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const LANGS = { zh: 'zh_CN.UTF-8', en: 'en_US.UTF-8' } as const;
let tls: FaultProxy;
let dead: string; // GOMODCTL_MIRRORS: the fix search probes no public mirror
const cleanups: Array<() => unknown> = [];
beforeAll(async () => {
  [tls, dead] = await Promise.all([startFaultProxy({ tls: 'self-signed' }), refusedUrl()]);
});
afterAll(async () => {
  for (const c of cleanups) await c();
  await tls?.close();
});

/** A hermetic Go environment whose language comes from LANG alone. */
function hermetic(env: NodeJS.ProcessEnv): HermeticGo {
  const h = makeHermeticGo({ GOMODCTL_MIRRORS: dead, ...env });
  for (const k of ['GOMODCTL_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE']) delete h.env[k];
  cleanups.push(() => h.cleanup());
  return h;
}

/** Durations differ between two runs: every *Ms field and a duration in text ("12ms", "1.2s") becomes 0. */
function withoutDurations(json: string): string {
  return json.replace(/("\w*Ms"\s*:\s*)\d+(\.\d+)?/g, '$10').replace(/\b\d+(\.\d+)? ?(ms|s)\b/g, '<T>');
}

/** doctor for one module, in both languages, human and --json (four runs at once). */
async function doctorBoth(h: HermeticGo, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const run = (lang: string, json: boolean) =>
    runCli(
      ['doctor', '--timeout', '1s', '--module', 'example.com/hello@v1.0.0', ...extra, ...(json ? ['--json'] : [])],
      {
        env: { ...h.env, ...env, LANG: lang },
        cwd: h.dir,
        timeoutMs: 30_000,
      },
    );
  const [zh, en, zj, ej] = await Promise.all([
    run(LANGS.zh, false),
    run(LANGS.en, false),
    run(LANGS.zh, true),
    run(LANGS.en, true),
  ]);
  expect([zh.exitCode, en.exitCode, zj.exitCode, ej.exitCode], zh.stderr + en.stderr).toEqual([1, 1, 1, 1]);
  expect(en.stdout + en.stderr).not.toMatch(CJK);
  expect(zj.stdout).not.toMatch(CJK);
  expect(withoutDurations(zj.stdout)).toBe(withoutDurations(ej.stdout));
  return { zh, en, json: ej.stdout };
}

describe('doctor findings of the proxy hop and of TLS', () => {
  it("a CONNECT proxy that wants credentials: Chinese sentence, the realm and Go's words verbatim", async () => {
    const cp = await startConnectProxy({
      auth: { user: 'u', pass: 'p' },
      realm: 'Corp Web Gateway',
      hosts: { 'goproxy.corp.test': new URL(tls.url).host },
    });
    cleanups.push(() => cp.close());
    const h = hermetic({
      GOPROXY: 'https://goproxy.corp.test',
      GOSUMDB: 'off',
      SSL_CERT_FILE: tls.caFile,
      HTTPS_PROXY: cp.url,
    });
    const { zh, en, json } = await doctorBoth(h);
    expect(zh.stdout).toContain(
      `代理 ${cp.url} 要求提供凭据（realm "Corp Web Gateway"），之后才会打开到 goproxy.corp.test:443 的隧道：407 Proxy Authentication Required`,
    );
    expect(zh.stdout).toContain('Go 报错 "Proxy Authentication Required"');
    expect(en.stdout).toContain(
      `proxy ${cp.url} wants credentials for realm "Corp Web Gateway" before it opens a tunnel`,
    );
    expect(json).toContain('wants credentials for realm \\"Corp Web Gateway\\" before it opens a tunnel');
  });

  it('a certificate no trusted root signs, with --annotate github: Chinese finding, titles and summary', async () => {
    const h = hermetic({ GOPROXY: tls.url, GOSUMDB: 'off' });
    const summary = (lang: string) => join(h.dir, `summary-${lang}.md`);
    const { zh, en } = await doctorBoth(h, ['--annotate', 'github'], { GITHUB_ACTIONS: 'true' });
    expect(zh.stdout).toMatch(/证书由未知的证书颁发机构签发（签发者：[^）]+）/);
    expect(en.stdout).toMatch(/certificate signed by unknown authority \(issuer: /);
    // Workflow commands stay as GitHub reads them; only the words inside are Chinese.
    const zhAnnotations = zh.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(zhAnnotations.length).toBeGreaterThan(0);
    expect(zhAnnotations.join('\n')).toMatch(/^::error title=gomodctl doctor：\S.*::.*证书由未知的证书颁发机构签发/m);
    expect(en.stdout).toMatch(/^::error title=gomodctl doctor%3A .*::.*certificate signed by unknown authority/m);
    // The step summary, written by a run of its own for each language.
    const withSummary = (l: keyof typeof LANGS) =>
      runCli(['doctor', '--timeout', '1s', '--module', 'example.com/hello@v1.0.0', '--annotate', 'github'], {
        env: { ...h.env, LANG: LANGS[l], GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary(l) },
        cwd: h.dir,
        timeoutMs: 30_000,
      });
    const [zs, es] = await Promise.all([withSummary('zh'), withSummary('en')]);
    expect([zs.exitCode, es.exitCode]).toEqual([1, 1]);
    const zhSummary = readFileSync(summary('zh'), 'utf8');
    expect(zhSummary).toMatch(/^### gomodctl doctor：\d+ 项失败（[^）]+）\n\n\| 原因 \| 模块 \| 问题 \| 修复 \|/);
    expect(zhSummary).toContain('证书由未知的证书颁发机构签发');
    expect(readFileSync(summary('en'), 'utf8')).toMatch(/^### gomodctl doctor: \d+ failed \(/);
    // Commands in CI output are copied into a shell: plain spaces, never the terminal's no-break ones.
    for (const text of [zhSummary, readFileSync(summary('en'), 'utf8'), zhAnnotations.join('\n'), en.stdout])
      expect(text).not.toContain('\u00a0');
  });
});

describe('doctor: GOAUTH runner problems', () => {
  it('a missing helper is said in Chinese, named without its arguments', async () => {
    const minor = goMinor(
      (await execa(TEST_GO, ['env', 'GOVERSION'], { env: makeHermeticGo().env, extendEnv: false })).stdout.trim(),
    );
    if (minor < 24) return; // GOAUTH exists from Go 1.24
    const h = hermetic({
      GOPROXY: tls.base('auth'),
      GOSUMDB: 'off',
      SSL_CERT_FILE: tls.caFile,
      GOAUTH: '/nonexistent/goauth-helper --token=Tok3nSecret',
    });
    const { zh, en } = await doctorBoth(h, ['--timeout', '2s']);
    expect(zh.stdout).toContain('GOAUTH 命令 /nonexistent/goauth-helper …：找不到可执行文件');
    expect(en.stdout).toContain('GOAUTH command /nonexistent/goauth-helper …: executable file not found');
    expect(zh.stdout + zh.stderr).not.toContain('Tok3nSecret');
  });
});

describe.skipIf(Boolean(process.env.GOMODCTL_TEST_GO))('tidy --retry: 500 on the first requests, then served', () => {
  const minorOf = async (h: HermeticGo) =>
    goMinor((await execa(TEST_GO, ['env', 'GOVERSION'], { env: h.env, extendEnv: false })).stdout.trim());

  /** One run on a fresh proxy (it fails its first two requests) and a fresh Go environment. */
  async function tidy(lang: string, json: boolean) {
    const h = hermetic({});
    const p = await prepare(SCENARIOS.find((x) => x.name === 'flaky-500')!, h.dir, await minorOf(h));
    cleanups.push(() => p.proxy.close());
    const args = ['tidy', '--explain', '--retry', '2', '--stall', '1s', '--timeout', '15s', '--go', TEST_GO];
    const r = await runCli([...args, ...(json ? ['--json'] : [])], {
      env: { ...h.env, ...p.env, LANG: lang },
      cwd: p.dir,
      timeoutMs: 30_000,
    });
    // Ports and temporary directories differ from run to run.
    const port = new URL(p.proxy.url).port;
    return { ...r, stdout: r.stdout.split(port).join('PORT').split(h.dir).join('DIR') };
  }

  it('the retry line and the attempts in Chinese, none in English, the same --json', async () => {
    const [zh, en, zj, ej] = await Promise.all([
      tidy(LANGS.zh, false),
      tidy(LANGS.en, false),
      tidy(LANGS.zh, true),
      tidy(LANGS.en, true),
    ]);
    expect([zh.exitCode, en.exitCode, zj.exitCode, ej.exitCode], zh.stderr + en.stderr).toEqual([0, 0, 0, 0]);
    expect(zh.stderr).toMatch(/^gomodctl：第 1 次尝试失败（暂时性失败（server-error））；\S+ 后重试$/m);
    expect(zh.stdout).toMatch(/^ {2}第 1 次尝试：暂时性失败（server-error），\S+ 后重试（\S+）/m);
    expect(zh.stdout).toMatch(/^ {2}第 2 次尝试：成功（\S+）$/m);
    expect(en.stderr).toMatch(/^gomodctl: attempt 1 failed \(transient failure \(server-error\)\); retrying in \S+$/m);
    expect(en.stdout).toMatch(/^ {2}attempt 1: transient failure \(server-error\), retried after \S+ \(\S+\)/m);
    expect(en.stdout + en.stderr).not.toMatch(CJK);
    expect(zj.stdout).not.toMatch(CJK);
    expect(zj.stdout).toContain('"reason": "transient failure (server-error)"');
    expect(withoutDurations(zj.stdout)).toBe(withoutDurations(ej.stdout));
  });
});
