// Issue 10, done when: with LANG=zh_CN.UTF-8, doctor on a failing configuration (a module whose GOPROXY refuses
// connections) prints Chinese check titles, findings, fix explanations and the verdict; with LANG=en_US.UTF-8 it
// prints no Chinese; the --json documents are byte-identical apart from durations (fix notes in English). Same for
// tidy --explain through a proxy answering 404.
// The language comes from LANG alone (GOMODCTL_LANG removed). Lean: one fault proxy and one Go environment per run.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedUrl, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';
import { goMinor, prepare, SCENARIOS, type Prepared } from '../fixtures/tidy/scenarios.js';
import { writeFiles } from '../helpers/needs-lab.js';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
let p: FaultProxy;
let dead: string;
const temps: HermeticGo[] = [];
let tidyScenario: Prepared | undefined;

beforeAll(async () => {
  [p, dead] = await Promise.all([startFaultProxy(), refusedUrl()]);
});
afterAll(async () => {
  await Promise.all([p?.close(), tidyScenario?.proxy.close()]);
  for (const h of temps) h.cleanup();
});

/** A hermetic Go environment whose language is chosen by LANG only; no public mirror is ever probed. */
function hermetic(env: NodeJS.ProcessEnv): HermeticGo {
  const h = makeHermeticGo({ GOMODCTL_MIRRORS: dead, GONOSUMDB: undefined, GOFLAGS: undefined, ...env });
  delete h.env.GOMODCTL_LANG;
  delete h.env.LC_ALL;
  delete h.env.LC_MESSAGES;
  delete h.env.LANGUAGE;
  temps.push(h);
  return h;
}

/** Durations differ between two runs: every *Ms field and a duration in text ("12ms", "1.2s") becomes 0. */
function withoutDurations(json: string): string {
  return json.replace(/("\w*Ms"\s*:\s*)\d+(\.\d+)?/g, '$10').replace(/\b\d+(\.\d+)? ?(ms|s)\b/g, '<T>');
}

describe('doctor in a module, GOPROXY refuses connections', () => {
  let h: HermeticGo;
  let root: string;
  const doctor = (lang: string, args: string[] = []) =>
    runCli(['doctor', '--timeout', '1s', ...args], {
      env: { ...h.env, LANG: lang, NO_COLOR: '1' },
      cwd: root,
      timeoutMs: 30_000,
    });
  beforeAll(() => {
    h = hermetic({ GOPROXY: dead, GOSUMDB: p.sumdb.verifierKey });
    root = join(h.dir, 'project');
    writeFiles(root, {
      'go.mod': 'module example.com/app\n\ngo 1.18\n\nrequire example.com/hello v1.0.0\n',
      'main.go': 'package main\n\nimport _ "example.com/hello"\n\nfunc main() {}\n',
    });
  });

  it('LANG=zh_CN.UTF-8: Chinese titles, findings, fix explanations and verdict; LANG=en_US.UTF-8: no Chinese', async () => {
    const [zh, en] = await Promise.all([doctor('zh_CN.UTF-8'), doctor('en_US.UTF-8')]);
    expect([zh.exitCode, en.exitCode], zh.stderr + en.stderr).toEqual([1, 1]);
    const zhLines = zh.stdout.split('\n');
    // The verdict headline and its per-module line.
    expect(zhLines[0], zh.stdout).toMatch(/^✗ go mod tidy 将会失败：1 个模块无法获取/);
    expect(zh.stdout).toMatch(/example\.com\/hello@v1\.0\.0（模块代理，失败）：连接被 127\.0\.0\.1:\d+ 拒绝/);
    // Check titles (folded into the group heading or printed) and findings.
    expect(zh.stdout).toContain('Go 工具链');
    expect(zh.stdout).toMatch(/✓ go1\.\d+.*，位于 /);
    expect(zh.stdout).toContain('Go 模块配置没有发现问题');
    expect(zh.stdout).toMatch(/✗ http:\/\/127\.0\.0\.1:\d+ \S*\n {6}连接被 127\.0\.0\.1:\d+ 拒绝/);
    expect(zh.stdout).toMatch(/无法说明它是否代理 sum\.gomodctl\.test：连接被 127\.0\.0\.1:\d+ 拒绝/);
    // Fix explanations (fix.note.*): the advice under a failed check, a command to copy kept as it is.
    expect(zh.stdout).toMatch(/\n {6}从当前网络无法访问 127\.0\.0\.1:\d+（连接被拒绝）\n/);
    expect(zh.stdout).toContain(
      '私有模块从来不需要校验和数据库：把它们列进 GOPRIVATE（go env -w GOPRIVATE=corp.example.com）',
    );
    expect(en.stdout).toMatch(/^✗ go mod tidy will fail: 1 module cannot be fetched/);
    expect(en.stdout).toMatch(/connection refused by 127\.0\.0\.1:\d+/);
    expect(en.stdout).toMatch(/\n {6}127\.0\.0\.1:\d+ cannot be reached from this network \(connection refused\)\n/);
    expect(en.stdout).toContain('private modules never need the checksum database: list them in GOPRIVATE');
    expect(en.stdout + en.stderr).not.toMatch(CJK);
  });

  it('--json is the same document in both languages apart from durations', async () => {
    const [zh, en] = await Promise.all([doctor('zh_CN.UTF-8', ['--json']), doctor('en_US.UTF-8', ['--json'])]);
    expect([zh.exitCode, en.exitCode], zh.stderr + en.stderr).toEqual([1, 1]);
    expect(en.stdout).toContain('connection refused by');
    // The fixes' notes are English in the JSON of both languages.
    expect(en.stdout).toMatch(/# 127\.0\.0\.1:\d+ cannot be reached from this network \(connection refused\)/);
    expect(zh.stdout).not.toMatch(CJK);
    expect(withoutDurations(zh.stdout)).toBe(withoutDurations(en.stdout));
  });
});

describe.skipIf(Boolean(process.env.GOMODCTL_TEST_GO))('tidy --explain, the proxy answers 404', () => {
  const tidy = (lang: string, json: boolean) =>
    runCli(['tidy', '--explain', '--stall', '1s', '--timeout', '10s', '--go', TEST_GO, ...(json ? ['--json'] : [])], {
      env: { ...tidyScenario!.env, LANG: lang, NO_COLOR: '1' },
      cwd: tidyScenario!.dir,
      timeoutMs: 30_000,
    });
  beforeAll(async () => {
    const h = hermetic({});
    const minor = goMinor((await runCli(['env', '--json'], { env: h.env })).stdout.match(/go1\.\d+/)?.[0] ?? null);
    tidyScenario = await prepare(SCENARIOS.find((x) => x.name === 'status-404')!, h.dir, minor);
    tidyScenario.env = { ...h.env, ...tidyScenario.env };
    delete tidyScenario.env.GOMODCTL_LANG;
  });

  it('Chinese problem in zh, none in en, the same --json', async () => {
    // One after the other: each run is go mod tidy against the shared module cache of this environment.
    const zh = await tidy('zh_CN.UTF-8', false);
    const en = await tidy('en_US.UTF-8', false);
    expect([zh.exitCode, en.exitCode], zh.stderr + en.stderr).toEqual([1, 1]);
    expect(zh.stdout).toMatch(/\[not-found\] 在 127\.0\.0\.1:\d+ 上未找到 example\.com\/hello（404）/);
    expect(en.stdout).toMatch(/\[not-found\] example\.com\/hello.* was not found at 127\.0\.0\.1:\d+ \(404\)/);
    expect(en.stdout).not.toMatch(CJK);
    const zj = await tidy('zh_CN.UTF-8', true);
    const ej = await tidy('en_US.UTF-8', true);
    expect(ej.stdout).toContain('was not found');
    expect(zj.stdout).not.toMatch(CJK);
    expect(withoutDurations(zj.stdout)).toBe(withoutDurations(ej.stdout));
  });
});
