// `gomodctl init` (dry run, applied, errors) and `gomodctl restore` (list, dry run) in English and Chinese, as
// snapshots against the real go (temp paths, backup ids and times normalised; NO_COLOR). The --json documents are
// byte-identical in both languages; lines fit 60–80 columns unless a line is one word or a command to copy; under
// LANG=C the output is English and ASCII. One hermetic go per language, shared by the file's tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { displayWidth } from '../../src/core/text-width.js';
import { makeHermeticGo, type HermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

const SNAP = join(import.meta.dirname, '__snapshots__', 'i18n');
const LANGS = ['en', 'zh'] as const;
type Lang = (typeof LANGS)[number];
const homes = {} as Record<Lang, HermeticGo>;

/** A GOENV file with a GOPROXY, an environment that shadows GOSUMDB and sets GONOPROXY (both warned about). */
function setup(): HermeticGo {
  const h = makeHermeticGo({ GOPROXY: undefined, GOSUMDB: 'sum.golang.org', GONOPROXY: 'none', GONOSUMDB: undefined });
  mkdirSync(dirname(h.env.GOENV!), { recursive: true });
  writeFileSync(h.env.GOENV!, 'GOPROXY=https://athens.corp.example.com\n');
  return h;
}

beforeAll(async () => {
  for (const lang of LANGS) homes[lang] = setup();
  // One applied init per home, so that restore has a backup to list and bring back.
  await Promise.all(
    LANGS.map((lang) =>
      runCli(['init', '--preset', 'china', '--yes', '--no-probe'], {
        env: { ...homes[lang].env, GOMODCTL_LANG: lang },
      }),
    ),
  );
});
afterAll(() => {
  for (const lang of LANGS) homes[lang]?.cleanup();
});

/** Output without what differs between runs and machines: temp paths, backup ids and times. */
function normalise(text: string, h: HermeticGo): string {
  return text
    .replaceAll(h.dir, '<TMP>')
    .replace(/\d{8}T\d{9}Z-[a-z0-9]+/g, '<BACKUP>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, '<TIME>');
}

async function run(args: string[], lang: Lang | '', env: NodeJS.ProcessEnv = {}, h = homes[lang || 'en']) {
  const r = await runCli(args, { env: { ...h.env, GOMODCTL_LANG: lang, ...env }, cwd: h.dir });
  return { ...r, stdout: normalise(r.stdout, h), stderr: normalise(r.stderr, h) };
}

/** Lines wider than the terminal that could have been broken: not one word, not a command to copy. */
function overflowing(text: string, columns: number): string[] {
  const unbreakable = (l: string) => !/\S\s+\S/.test(l) || /^(go env |gomodctl:? )/.test(l);
  return text.split('\n').filter((l) => displayWidth(l) > columns && !unbreakable(l.trim()));
}

const DRY_RUN = ['init', '--preset', 'china-fallback', '--private', 'corp.example.com,Corp.Example.org', '--dry-run'];
const ERRORS = [
  ['init', '--preset', 'chin'],
  ['init', '--private', 'corp.example.com, github.com/acme', '--yes'],
  ['init', '--proxy', 'https://goproxy.cn,direct', '--no-direct', '--yes'],
  ['init'],
  ['init', '--preset', 'global'],
  ['restore', '--id', 'nope'],
];

// Concurrent: the tests only read the shared homes (dry runs, lists, refusals); snapshots use the test's expect.
describe.concurrent.each(LANGS)('language %s', (lang) => {
  it('init --dry-run: the plan, the command, the warnings', async ({ expect }) => {
    const r = await run(DRY_RUN, lang, { COLUMNS: '72' });
    expect(r.exitCode, r.stderr).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(join(SNAP, `init-dry-run.${lang}.txt`));
  });

  it('restore --list and restore --dry-run', async ({ expect }) => {
    const [list, dry] = await Promise.all([
      run(['restore', '--list'], lang, { COLUMNS: '72' }),
      run(['restore', '--dry-run'], lang, { COLUMNS: '72' }),
    ]);
    expect(list.exitCode, list.stderr).toBe(0);
    expect(dry.exitCode, dry.stderr).toBe(0);
    await expect(`${list.stdout}----\n${dry.stdout}`).toMatchFileSnapshot(join(SNAP, `restore.${lang}.txt`));
  });

  it('errors of init and restore', async ({ expect }) => {
    const rs = await Promise.all(ERRORS.map((a) => run(a, lang)));
    for (const r of rs) expect(r.exitCode).toBe(2);
    const text = rs.map((r, i) => `$ gomodctl ${ERRORS[i]!.join(' ')}\n${r.stderr}`).join('\n');
    await expect(text).toMatchFileSnapshot(join(SNAP, `init-errors.${lang}.txt`));
  });

  it.for([60, 80])('init --dry-run and restore --list fit %i columns', async (columns, { expect }) => {
    const rs = await Promise.all([
      run(DRY_RUN, lang, { COLUMNS: String(columns) }),
      run(['restore', '--list'], lang, { COLUMNS: String(columns) }),
    ]);
    // The old → new rows are data (a variable and its values), not prose.
    for (const r of rs) expect(overflowing(r.stdout.replace(/^ {2}[A-Z]+ .*→.*$/gm, ''), columns)).toEqual([]);
  });
});

describe.concurrent('machine output does not depend on the language', () => {
  it.for([DRY_RUN, ['restore', '--dry-run'], ['restore', '--list']])(
    '%s …: the JSON is byte-identical in en and zh',
    async (args, { expect }) => {
      const h = homes.en;
      const [en, zh] = await Promise.all(LANGS.map((lang) => run([...args, '--json'], lang, {}, h)));
      expect(en!.exitCode, en!.stderr).toBe(0);
      expect(zh!.stdout).toBe(en!.stdout);
      expect(en!.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('LANG=zh_CN.UTF-8 speaks Chinese; LANG=C English in ASCII (→ becomes ->)', async ({ expect }) => {
    const [zh, c] = await Promise.all(
      ['zh_CN.UTF-8', 'C'].map((LANG) => run(DRY_RUN, '', { LANG, GOMODCTL_LANG: undefined })),
    );
    expect(zh!.stdout).toMatch(/^GOENV 配置文件：/);
    expect(c!.stdout).toMatch(/^GOENV file: /);
    expect(c!.stdout).toContain(' -> ');
    expect(c!.stdout).not.toMatch(/[^\x00-\x7f]/);
  });
});
