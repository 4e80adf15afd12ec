// The wizard in a REAL pseudo-terminal (tmux): type answers like a user, then check the GOENV file go reads.
import { execFileSync } from 'node:child_process';
import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedUrl, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { BIN } from '../helpers/run-cli.js';
import { displayWidth } from '../../src/core/text-width.js';

const SOCKET = `gomodctl-e2e-${process.pid}`;
// -u: the terminal is UTF-8 whatever the locale of this process (the Chinese test needs it).
const tmux = (...args: string[]) =>
  execFileSync('tmux', ['-u', '-L', SOCKET, ...args], { encoding: 'utf8', timeout: 5000 });
const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { timeout: 5000 });
    return true;
  } catch {
    return false;
  }
})();

let proxy: FaultProxy;
let h: HermeticGo;
let hz: HermeticGo | undefined;
beforeAll(async () => {
  proxy = await startFaultProxy();
});
afterAll(async () => {
  try {
    tmux('kill-server');
  } catch {
    /* already gone */
  }
  await proxy?.close();
  h?.cleanup();
  hz?.cleanup();
});

const screen = () => tmux('capture-pane', '-p', '-t', 'w', '-S', '-200');

async function waitFor(re: RegExp, ms = 15_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const s = screen();
    if (re.test(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${re} on screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const keys = (...k: string[]) => tmux('send-keys', '-t', 'w', ...k);
const type = (text: string) => tmux('send-keys', '-t', 'w', '-l', text);

/** A hermetic home for the wizard (mirrors: the test proxy and a refused port) with a go.mod needing a private host. */
async function wizardHome(extra: Record<string, string | undefined> = {}): Promise<HermeticGo> {
  const home = makeHermeticGo({
    GOPROXY: undefined,
    GOSUMDB: undefined,
    GONOSUMDB: undefined,
    GOMODCTL_MIRRORS: `good=${proxy.url},dead=${await refusedUrl()}`,
    GOMODCTL_CANARY_MODULE: 'example.com/hello',
    GOMODCTL_DIRECT_URL: 'https://origin.invalid/',
    GOMODCTL_PROBE_TIMEOUT_MS: '1500',
    TERM: 'xterm-256color',
    ...extra,
  });
  writeFileSync(join(home.dir, 'go.mod'), 'module example.com/app\n\ngo 1.19\n\nrequire git.corp/infra/log v1.2.0\n');
  return home;
}

/** A script that runs `gomodctl init` in `home` under `env -i` (only the hermetic variables), then waits. */
function wizardScript(home: HermeticGo): string {
  const exports = Object.entries(home.env)
    .map(([k, v]) => `export ${k}='${String(v).replace(/'/g, `'\\''`)}'`)
    .join('\n');
  const script = join(home.dir, 'run.sh');
  writeFileSync(
    script,
    `${exports}\ncd '${home.dir}'\n'${process.execPath}' '${BIN}' init\necho "EXIT=$?"\nsleep 120\n`,
  );
  return script;
}

// CI installs tmux (.ci/run): there a missing tmux must fail, not quietly skip the only real-terminal test.
describe.skipIf(!hasTmux && !process.env.CI)('init wizard in a real terminal', () => {
  it('reaches a working configuration against the test proxy', async () => {
    h = await wizardHome();
    const script = wizardScript(h);
    const started = Date.now();
    tmux('new-session', '-d', '-s', 'w', '-x', '200', '-y', '50', `env -i sh '${script}'`);

    await waitFor(/own proxy URL/);
    keys('Enter');
    const table = await waitFor(/Proxies to use/);
    expect(table).toMatch(/good .* ok/);
    expect(table).toMatch(/dead .*unreachable: refused/);
    keys('Enter'); // the recommended (working) mirror is pre-checked
    await waitFor(/End with direct/);
    keys('Enter'); // default No: origin is unreachable
    await waitFor(/Private module patterns/);
    keys('Enter'); // git.corp, suggested from go.mod, is preselected
    await waitFor(/More patterns/);
    keys('Enter');
    await waitFor(/Checksum database/);
    keys('Down', 'Down', 'Enter'); // custom (the menu lists keep sum.golang.org, sum.golang.google.cn, custom, off)
    await waitFor(/GOSUMDB value/);
    type(proxy.sumdb.gosumdb());
    keys('Enter');
    await waitFor(/private proxy need a login/);
    keys('Enter'); // No
    const preview = await waitFor(/Apply these changes/);
    expect(preview).toContain(`GOPROXY    (unset) → ${proxy.url}`);
    keys('Enter');
    await waitFor(/Run gomodctl doctor now/);
    keys('n', 'Enter');
    const end = await waitFor(/EXIT=\d+/, 30_000);
    expect(end, end).toContain('EXIT=0');
    expect(Date.now() - started).toBeLessThan(60_000);

    const env = JSON.parse(
      execFileSync(TEST_GO, ['env', '-json', 'GOPROXY', 'GOPRIVATE', 'GOSUMDB'], {
        env: h.env,
        encoding: 'utf8',
        timeout: 15_000,
      }),
    );
    expect(env).toEqual({ GOPROXY: proxy.url, GOPRIVATE: 'git.corp', GOSUMDB: proxy.sumdb.gosumdb() });
    // Async: the fault proxy runs in this process, so a sync spawn would block it from answering.
    const dl = await execa(TEST_GO, ['mod', 'download', '-json', 'example.com/hello@v1.0.0'], {
      env: h.env,
      extendEnv: false,
      cwd: h.env.HOME,
      timeout: 30_000,
    });
    expect(JSON.parse(dl.stdout)).toMatchObject({ Path: 'example.com/hello', Version: 'v1.0.0' });
  });

  it('runs in Chinese at 80 columns: no line wider than the terminal, no question broken inside a word', async () => {
    hz = await wizardHome({ GOMODCTL_LANG: undefined, LANG: 'zh_CN.UTF-8' });
    const script = wizardScript(hz);
    try {
      tmux('kill-session', '-t', 'w'); // the English test's session
    } catch {
      /* none */
    }
    tmux('new-session', '-d', '-s', 'w', '-x', '80', '-y', '60', `env -i sh '${script}'`);

    await waitFor(/自己的模块代理/);
    keys('Enter');
    const table = await waitFor(/要使用的模块代理/);
    expect(table).toMatch(/good .* 正常/);
    expect(table).toMatch(/dead .*无法访问：refused/);
    expect(table).toMatch(/空格 选择|space 选择/);
    keys('Enter');
    await waitFor(/最后加上 direct/);
    keys('Enter');
    await waitFor(/私有模块的模式/);
    keys('Enter'); // the suggested pattern is preselected
    await waitFor(/更多模式/);
    keys('Enter');
    await waitFor(/校验和数据库（GOSUMDB）/);
    keys('Down', 'Down', 'Enter'); // 自定义
    await waitFor(/GOSUMDB 的值/);
    type(proxy.sumdb.gosumdb());
    keys('Enter');
    await waitFor(/有私有模块代理需要登录吗/);
    keys('Enter');
    const preview = await waitFor(/应用这些修改吗/);
    expect(preview).toContain(`GOPROXY    （未设置） → ${proxy.url}`);
    keys('Enter');
    await waitFor(/现在运行 gomodctl doctor/);
    keys('n', 'Enter');
    await waitFor(/EXIT=\d+/, 30_000);
    // -J joins the lines the terminal wrapped: a line wider than 80 columns would show here.
    const joined = tmux('capture-pane', '-p', '-J', '-t', 'w', '-S', '-200');
    expect(joined, joined).toContain('EXIT=0');
    const wide = joined.split('\n').filter((l) => displayWidth(l.trimEnd()) > 80);
    // Commands to copy and the old → new rows (a variable and its values) are data: never wrapped.
    expect(wide.filter((l) => !/^\s*go env -w |^ {2}[A-Z]+ +.* → /.test(l))).toEqual([]);
    // The long question is wrapped between characters by gomodctl, not cut by inquirer inside "direct".
    expect(joined).toMatch(/最后加上 direct/);
    expect(joined).toContain('随时可以用这个命令检查结果：gomodctl doctor');
    expect(joined).toMatch(/有私有模块代理需要登录吗？ 否/);
  });
});
