// The worked example of the message catalogue: `gomodctl env`, `gomodctl route`, the program's --help and its errors,
// in English and Chinese, as snapshots (temp paths and Go's version normalised; NO_COLOR), against the real go. The
// --json documents are byte-identical in both languages; lines fit 60–80 columns unless a word cannot be broken.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text-width.js';
import { makeHermeticGo, type HermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

const SNAP = join(import.meta.dirname, '__snapshots__', 'i18n');
const LANGS = ['en', 'zh'] as const;
const temps: HermeticGo[] = [];
afterAll(() => {
  for (const h of temps) h.cleanup();
});

/** A hermetic go with a GOENV file that the environment shadows, and a GOPRIVATE that GONOPROXY overrides. */
function setup(extra: NodeJS.ProcessEnv = {}): HermeticGo {
  const h = makeHermeticGo({
    GOPROXY: 'https://goproxy.cn,direct',
    GOSUMDB: 'sum.golang.org',
    GONOSUMDB: undefined,
    GOFLAGS: undefined,
    ...extra,
  });
  temps.push(h);
  mkdirSync(dirname(h.env.GOENV!), { recursive: true });
  writeFileSync(h.env.GOENV!, 'GOPROXY=https://athens.corp.example.com\nGOPRIVATE=*.corp.example.com\n');
  return h;
}

/** Output without what differs between machines and Go releases (1.19 has no GOTOOLCHAIN, GOAUTH). */
function normalise(text: string, h: HermeticGo): string {
  const lines = text
    .replaceAll(h.dir, '<TMP>')
    .replace(/go1\.\d+(\.\d+)?(rc\d+)?/g, 'go1.N')
    .split('\n');
  const out: string[] = [];
  let skipping = false;
  for (const line of lines) {
    if (/^\S/.test(line)) skipping = /^(GOTOOLCHAIN|GOAUTH)\s/.test(line);
    if (!skipping) out.push(line);
  }
  return out.join('\n');
}

type CliOut = Awaited<ReturnType<typeof runCli>>;

async function run(args: string[], lang: string, env: NodeJS.ProcessEnv = {}, h = setup()): Promise<CliOut> {
  const r = await runCli(args, { env: { ...h.env, GOMODCTL_LANG: lang, ...env }, cwd: h.dir });
  return { ...r, stdout: normalise(r.stdout, h), stderr: normalise(r.stderr, h) };
}

/** Lines wider than the terminal that could have been broken: not one word, not a command to copy (never split). */
function overflowing(text: string, columns: number): string[] {
  const unbreakable = (l: string) => !/\S\s+\S/.test(l) || /^(go env |export |\$env:)/.test(l);
  return text.split('\n').filter((l) => displayWidth(l) > columns && !unbreakable(l.trim()));
}

const ROUTE_ARGS = [
  'route',
  'git.corp2.example.com/x/lib@v1.0.0',
  'git.corp.example.com/team/lib@v1.0.0',
  'github.com/pkg/errors',
];

describe.each(LANGS)('language %s', (lang) => {
  it('gomodctl env', async () => {
    const r = await run(['env'], lang, { COLUMNS: '72' });
    expect(r.exitCode, r.stderr).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(join(SNAP, `env.${lang}.txt`));
  });

  it('gomodctl route (public, overridden GOPRIVATE, known VCS host)', async () => {
    const r = await run(ROUTE_ARGS, lang, { COLUMNS: '72', GONOPROXY: 'none', GONOSUMDB: 'none' });
    expect(r.exitCode, r.stderr).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(join(SNAP, `route.${lang}.txt`));
  });

  it('gomodctl route with an invalid GOPROXY and GOSUMDB=off', async () => {
    const r = await run(['route', 'example.com/m@v1.0.0'], lang, { GOPROXY: 'Direct', GOSUMDB: 'off' });
    expect(r.exitCode, r.stderr).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(join(SNAP, `route-invalid.${lang}.txt`));
  });

  it('--help of the program, env and route', async () => {
    const texts = await Promise.all([['--help'], ['env', '--help'], ['route', '--help']].map((a) => run(a, lang)));
    for (const r of texts) expect(r.exitCode).toBe(0);
    await expect(texts.map((r) => r.stdout).join('\n----\n')).toMatchFileSnapshot(join(SNAP, `help.${lang}.txt`));
  });

  it('usage errors: commander (unknown option, command, missing argument, bad choice) and ours', async () => {
    const cases = [['env', '--bogus'], ['bogus'], ['route'], ['--lang', 'fr', 'env'], ['route', 'notapath@v1']];
    const rs = await Promise.all(cases.map((a) => run(a, lang)));
    for (const r of rs) expect(r.exitCode).toBe(2);
    const text = rs.map((r, i) => `$ gomodctl ${cases[i]!.join(' ')}\n${r.stderr}`).join('\n');
    await expect(text).toMatchFileSnapshot(join(SNAP, `errors.${lang}.txt`));
  });

  it.each([60, 64, 72, 80])('env and route fit %i columns', async (columns) => {
    const [env, route] = await Promise.all([
      run(['env'], lang, { COLUMNS: String(columns) }),
      run(ROUTE_ARGS, lang, { COLUMNS: String(columns), GONOPROXY: 'none', GONOSUMDB: 'none' }),
    ]);
    // The table rows (a variable and its value) and the step lines (a URL) are not wrapped: they are data.
    const prose = (t: string) =>
      t
        .split('\n')
        .filter((l) => !/^[A-Z_]+ {2,}|^ {2}\d+\. |^ {7}GET /.test(l))
        .join('\n');
    expect(overflowing(prose(env.stdout), columns)).toEqual([]);
    expect(overflowing(prose(route.stdout), columns)).toEqual([]);
  });
});

describe('machine output does not depend on the language', () => {
  it.each([
    ['env', '--json'],
    [...ROUTE_ARGS, '--json'],
  ])('%s: the JSON is byte-identical in en and zh', async (...args) => {
    const h = setup({ GONOPROXY: 'none', GONOSUMDB: 'none' });
    const [en, zh] = (await Promise.all(LANGS.map((lang) => run(args, lang, {}, h)))) as [CliOut, CliOut];
    expect(en.exitCode).toBe(0);
    expect(zh.stdout).toBe(en.stdout);
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('LANG=zh_CN.UTF-8 speaks Chinese, LANG=en_US.UTF-8 English, LANG=C English with ASCII marks', async () => {
    const h = setup();
    const lang = (LANG: string) => run(['env'], '', { LANG, GOMODCTL_LANG: undefined }, h);
    const [zh, en, c] = await Promise.all([lang('zh_CN.UTF-8'), lang('en_US.UTF-8'), lang('C')]);
    expect(zh.stdout).toMatch(/^Go 模块配置/);
    expect(en.stdout).toMatch(/^Go module configuration/);
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    expect(c.stdout).toMatch(/^Go module configuration/);
    expect(c.stdout).toMatch(/! overrides GOENV value/);
    expect(c.stdout).not.toMatch(/[^\x00-\x7f]/);
  });
});
