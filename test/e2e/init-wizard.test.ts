// The init wizard's flow with prompts answered programmatically, against loopback mirrors and the real go.
import { execFileSync } from 'node:child_process';
import { execa } from 'execa';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runWizard } from '../../src/app/init-wizard.js';
import type { WizardPrompts } from '../../src/report/prompts.js';
import { createOutput } from '../../src/report/output.js';
import { refusedUrl, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { displayWidth } from '../../src/core/text-width.js';

let proxy: FaultProxy;
let dead: string;
let h: HermeticGo;
beforeAll(async () => {
  proxy = await startFaultProxy();
  dead = await refusedUrl();
});
afterAll(() => proxy?.close());
afterEach(() => h?.cleanup());

type Answer =
  | unknown
  | ((o: { choices?: Array<{ name: string; value: unknown; checked?: boolean }>; default?: unknown }) => unknown);

/** Prompts that answer by matching the question text, in order; every question asked is recorded. */
function scripted(script: Array<[RegExp, Answer]>): WizardPrompts & { asked: string[]; remaining(): number } {
  const asked: string[] = [];
  const answer = async (o: { message: string }) => {
    asked.push(o.message);
    const next = script.shift();
    if (!next?.[0].test(o.message)) throw new Error(`unexpected question "${o.message}" (expected ${next?.[0]})`);
    return typeof next[1] === 'function' ? (next[1] as (x: unknown) => unknown)(o) : next[1];
  };
  const remaining = () => script.length; // every scripted answer (and the assertions inside it) must have been used
  return {
    asked,
    remaining,
    select: answer,
    checkbox: answer,
    input: answer,
    confirm: answer,
    password: answer,
  } as WizardPrompts & { asked: string[]; remaining(): number };
}

function setup() {
  h = makeHermeticGo({
    GOPROXY: undefined,
    GOSUMDB: undefined,
    GONOSUMDB: undefined,
    GOMODCTL_MIRRORS: `good=${proxy.url},broken=${proxy.base('status/500')},dead=${dead}`,
    GOMODCTL_CANARY_MODULE: 'example.com/hello',
    GOMODCTL_DIRECT_URL: 'https://origin.invalid/',
    GOMODCTL_PROBE_TIMEOUT_MS: '1500',
  });
  writeFileSync(
    join(h.dir, 'go.mod'),
    'module example.com/app\n\ngo 1.19\n\nrequire (\n\texample.com/hello v1.0.0\n\tgit.corp/infra/log v1.2.0\n)\n',
  );
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (b) => (text += String(b)));
  const out = createOutput({
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stdout as unknown as NodeJS.WriteStream,
    env: { NO_COLOR: '1' },
  });
  return { ctx: { env: h.env, cwd: h.dir, out, tty: true }, text: () => text };
}

describe('init wizard flow', () => {
  it('probes the loopback catalog, ranks it, and writes a configuration that downloads from the test proxy', async () => {
    const { ctx, text } = setup();
    const prompts = scripted([
      [/own proxy URL/, ''],
      [
        /Proxies to use/,
        (o: { choices: Array<{ value: unknown; checked?: boolean }> }) => {
          expect(o.choices.map((c) => c.value)).toEqual([proxy.url, proxy.base('status/500'), dead]);
          expect(o.choices.map((c) => Boolean(c.checked))).toEqual([true, false, false]);
          return [proxy.url];
        },
      ],
      [/End with direct/, (o: { default?: unknown }) => (expect(o.default).toBe(false), false)],
      [
        /Private module patterns/,
        (o: { choices: Array<{ name: string; value: unknown }> }) => {
          expect(o.choices.map((c) => c.name)).toEqual([
            expect.stringMatching(/^git\.corp .*matches git\.corp\/infra\/log$/),
          ]);
          return ['git.corp'];
        },
      ],
      [/More patterns/, ''],
      [/Checksum database/, 'custom'],
      [/GOSUMDB value/, proxy.sumdb.gosumdb()],
      [/private proxy need a login/, false],
      [/Apply these changes/, true],
    ]);
    const code = await runWizard({}, { ...ctx, prompts });
    expect(prompts.remaining()).toBe(0);
    expect(code, text()).toBe(0);
    const t = text();
    expect(t).toMatch(/good .* ok/);
    expect(t).toMatch(/broken .*HTTP 500/);
    expect(t).toMatch(/dead .*unreachable: refused/);
    expect(t).toMatch(/direct .*origin unreachable/);
    expect(t).toContain(`go env -w GOPROXY=${proxy.url}`);
    const env = JSON.parse(
      execFileSync(TEST_GO, ['env', '-json', 'GOPROXY', 'GOPRIVATE', 'GOSUMDB'], {
        env: h.env,
        encoding: 'utf8',
        timeout: 15_000,
      }),
    );
    expect(env).toEqual({ GOPROXY: proxy.url, GOPRIVATE: 'git.corp', GOSUMDB: proxy.sumdb.gosumdb() });
    // The configuration works: go downloads and verifies a module through it.
    // Async: the fault proxy runs in this process, so a sync spawn would block it from answering.
    const dl = await execa(TEST_GO, ['mod', 'download', '-json', 'example.com/hello@v1.0.0'], {
      env: h.env,
      extendEnv: false,
      cwd: h.env.HOME,
      timeout: 30_000,
    });
    expect(JSON.parse(dl.stdout)).toMatchObject({ Path: 'example.com/hello', Version: 'v1.0.0' });
  });

  it('offers | between several proxies and writes a .netrc entry with mode 0600', async () => {
    const { ctx } = setup();
    const prompts = scripted([
      [/own proxy URL/, ''],
      [/Proxies to use/, [proxy.url, proxy.base('status/500')]],
      [/Separator/, '|'],
      [/End with direct/, false],
      [/Private module patterns/, []],
      [/More patterns/, 'corp.example.com'],
      [/Checksum database/, 'keep'],
      [/private proxy need a login/, true],
      [/https URL/, 'https://goproxy.corp.example.com:8443'],
      [/Login/, 'bot'],
      [/Password/, 'tok3n'],
      [/Append this login/, true],
    ]);
    const code = await runWizard({ dryRun: true }, { ...ctx, prompts });
    expect(prompts.remaining()).toBe(0);
    expect(code).toBe(0);
    const netrc = join(h.env.HOME!, '.netrc');
    expect(readFileSync(netrc, 'utf8')).toBe(
      'machine goproxy.corp.example.com:8443 login bot password tok3n\nmachine goproxy.corp.example.com login bot password tok3n\n',
    );
    expect(statSync(netrc).mode & 0o777).toBe(0o600);
  });
  it('issue 8: a proxy typed without a scheme gets https:// (said), suggestions are preselected, declining writes nothing', async () => {
    const { ctx, text } = setup();
    const host = new URL(proxy.url).host;
    const goenv = () => (existsSync(h.env.GOENV!) ? readFileSync(h.env.GOENV!, 'utf8') : '');
    const before = goenv();
    const prompts = scripted([
      [/own proxy URL/, host],
      [
        /Proxies to use/,
        (o: { choices: Array<{ value: unknown }> }) => {
          expect(o.choices.map((c) => c.value)).toContain(`https://${host}`);
          return [proxy.url];
        },
      ],
      [/End with direct/, false],
      [
        /Private module patterns/,
        (o: { choices: Array<{ value: unknown; checked?: boolean }> }) => {
          expect(o.choices).toEqual([expect.objectContaining({ value: 'git.corp', checked: true })]);
          return ['git.corp'];
        },
      ],
      [/More patterns/, ''],
      [/Checksum database/, 'keep'],
      [/private proxy need a login/, false],
      [/Apply these changes/, false],
    ]);
    const code = await runWizard({}, { ...ctx, prompts });
    expect(prompts.remaining()).toBe(0);
    expect(code, text()).toBe(1); // init --help: 1 … or you answered no to "Apply these changes?"
    expect(text()).toContain(
      `No scheme given: using https://${host} (Go adds https:// to a GOPROXY entry without one).`,
    );
    expect(text()).toContain('Nothing was changed.');
    expect(goenv()).toBe(before);
  });

  it('issue 8: Ctrl-C in a question says nothing was changed and ends as an interrupted prompt', async () => {
    const { ctx, text } = setup();
    const interrupt = () => {
      throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    };
    const prompts = scripted([
      [/own proxy URL/, ''],
      [/Proxies to use/, interrupt],
    ]);
    await expect(runWizard({}, { ...ctx, prompts })).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(text()).toContain('Interrupted: nothing was changed.');
  });
});

/** Prompts that answer in order (the questions are in the user's language) and record each question with its choices. */
function inOrder(answers: unknown[]): WizardPrompts & { transcript: string[] } {
  const transcript: string[] = [];
  const answer = async (o: { message: string; choices?: Array<{ name: string; checked?: boolean }> }) => {
    transcript.push(`? ${o.message}`);
    for (const c of o.choices ?? []) transcript.push(`  ${c.checked ? '[x]' : '[ ]'} ${c.name}`);
    if (answers.length === 0) throw new Error(`unexpected question "${o.message}"`);
    return answers.shift();
  };
  return { transcript, select: answer, checkbox: answer, input: answer, confirm: answer, password: answer } as never;
}

describe.each(['en', 'zh'] as const)('the wizard in %s', (lang) => {
  it('asks, shows the mirror table and previews the plan (dry run), lines within 80 columns', async () => {
    const { ctx } = setup();
    const stdout = new PassThrough();
    let shown = '';
    stdout.on('data', (b) => (shown += String(b)));
    const o = createOutput({
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: stdout as unknown as NodeJS.WriteStream,
      env: { NO_COLOR: '1', COLUMNS: '80' },
      lang,
    });
    const prompts = inOrder(['', [proxy.url], false, ['git.corp'], '', 'off', true, false]);
    const code = await runWizard({ dryRun: true }, { ...ctx, out: o, prompts });
    expect(code, shown).toBe(0);
    const screen = `${shown}\n----\n${prompts.transcript.join('\n')}\n`
      .replaceAll(h.dir, '<TMP>')
      .replaceAll(proxy.url, '<PROXY>')
      .replaceAll(dead, '<DEAD>')
      .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<PORT>')
      .replace(/go1\.\d+(\.\d+)?/g, 'go1.N')
      // Go 1.21+ reads its defaults from $GOROOT/go.env; Go 1.19 has them built in
      .replace(/\(\$GOROOT\/go\.env\)/g, '(default)')
      .replace(/（\$GOROOT\/go\.env）/g, '（默认值）')
      // latencies by phase (ms) vary from run to run
      .replace(
        /^( {2}\S+ +)((?: +(?:\d+|-)){4})/gm,
        (_, head: string, phases: string) => head + phases.replace(/\d+/g, (d) => 'N'.padStart(d.length)),
      );
    await expect(screen).toMatchFileSnapshot(join(import.meta.dirname, '__snapshots__', 'i18n', `wizard.${lang}.txt`));
    const wide = shown.split('\n').filter((l) => displayWidth(l) > 80 && /\S\s+\S/.test(l.trim()));
    expect(wide.filter((l) => !/^ {2}go env /.test(l))).toEqual([]);
  });
});
