// gomodctl restore and the backups file, against the real go with a temporary GOENV (issue #4).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

let h: HermeticGo;
afterEach(() => h?.cleanup());

function fresh(): HermeticGo {
  h = makeHermeticGo({ GOPROXY: undefined, GOSUMDB: undefined, GONOSUMDB: undefined });
  return h;
}

const run = (args: string[]) => runCli(args, { env: h.env, cwd: h.dir, timeoutMs: 30_000 });
const backupsPath = () => join(h.env.XDG_CONFIG_HOME!, 'gomodctl', 'backups.json');
const goenv = () => (existsSync(h.env.GOENV!) ? readFileSync(h.env.GOENV!, 'utf8') : '');
const goW = (...kv: string[]) => execFileSync(TEST_GO, ['env', '-w', ...kv], { env: h.env, timeout: 15_000 });

describe('gomodctl restore', () => {
  it('brings back previous values and unsets variables that were unset; the restore is itself backed up', async () => {
    fresh();
    goW('GOPROXY=https://old.example.com,direct');
    const before = goenv();
    const init = await run(['init', '--yes', '--proxy', 'https://goproxy.cn,direct', '--private', 'corp.example.com']);
    expect(init.exitCode, init.stderr).toBe(0);
    expect(goenv()).toContain('GOPRIVATE=corp.example.com');

    const r = await run(['restore', '--yes']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(goenv()).toBe(before);
    expect(goenv()).not.toContain('GOPRIVATE');
    expect(r.stdout).toContain('GOPRIVATE  corp.example.com → (unset)');

    const list = JSON.parse((await run(['restore', '--list', '--json'])).stdout);
    expect(list.backups.map((b: { command: string }) => b.command)).toEqual(['restore', 'init']);
    // Restoring the restore's backup re-applies the init values.
    const again = await run(['restore', '--yes']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(goenv()).toContain('GOPRIVATE=corp.example.com');
    expect(goenv()).toContain('GOPROXY=https://goproxy.cn,direct');
  });

  it('--id picks an older backup; --dry-run changes nothing', async () => {
    fresh();
    await run(['init', '--yes', '--proxy', 'https://a.example.com']);
    await run(['init', '--yes', '--proxy', 'https://b.example.com']);
    const list = JSON.parse((await run(['restore', '--list', '--json'])).stdout);
    const oldest = list.backups[1].id as string;
    const dry = await run(['restore', '--dry-run', '--id', oldest]);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('go env -u GOPROXY');
    expect(goenv()).toContain('GOPROXY=https://b.example.com');
    const r = await run(['restore', '--yes', '--id', oldest]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(goenv()).not.toContain('GOPROXY');
  });

  it('exit codes: no backup → 0 (nothing to do, as --help says), unknown --id → 2, no terminal without --yes → 2', async () => {
    fresh();
    const none = await run(['restore', '--yes']);
    expect(none.exitCode, none.stderr).toBe(0);
    expect(none.stdout).toMatch(/^Nothing to restore: .*backups\.json holds no backup yet/);
    const noneJson = JSON.parse((await run(['restore', '--yes', '--json'])).stdout);
    expect(noneJson).toMatchObject({ command: 'restore', restored: null, ops: [] });
    expect((await run(['restore', '--help'])).stdout).toMatch(/0 restored, or nothing to do \(no backup yet/);
    await run(['init', '--yes', '--proxy', 'https://a.example.com']);
    const bad = await run(['restore', '--yes', '--id', 'nope']);
    expect(bad.exitCode, bad.stderr).toBe(2);
    expect(bad.stderr).toContain('"nope"');
    const noTty = await run(['restore']);
    expect(noTty.exitCode, noTty.stderr).toBe(2);
    expect(noTty.stderr).toContain('--yes');
    expect(goenv()).toContain('GOPROXY=https://a.example.com');
  });
});

describe('the backups file', () => {
  it('keeps the newest 20', async () => {
    fresh();
    const seed = {
      schemaVersion: 1,
      backups: Array.from({ length: 20 }, (_, i) => ({
        id: `seed-${i}`,
        createdAt: new Date(0).toISOString(),
        command: 'init',
        goenvPath: h.env.GOENV,
        vars: [{ name: 'GOPROXY', previous: null }],
        applied: [{ name: 'GOPROXY', value: `https://s${i}.example.com` }],
      })),
    };
    mkdirSync(dirname(backupsPath()), { recursive: true });
    writeFileSync(backupsPath(), JSON.stringify(seed));
    const r = await run(['init', '--yes', '--proxy', 'https://new.example.com']);
    expect(r.exitCode, r.stderr).toBe(0);
    const file = JSON.parse(readFileSync(backupsPath(), 'utf8'));
    expect(file.backups).toHaveLength(20);
    expect(file.backups[0].id).toBe('seed-1');
    expect(file.backups[19].applied).toEqual([{ name: 'GOPROXY', value: 'https://new.example.com' }]);
  });

  it('two or more concurrent gomodctl processes do not corrupt it', async () => {
    fresh();
    const values = [1, 2, 3, 4].map((i) => `https://p${i}.example.com`);
    const results = await Promise.all(values.map((v) => run(['init', '--yes', '--proxy', v])));
    for (const r of results) expect(r.exitCode, r.stderr).toBe(0);
    const file = JSON.parse(readFileSync(backupsPath(), 'utf8'));
    expect(file.backups).toHaveLength(4);
    // Each backup saw the value the previous writer left: the writes were serialised, none lost.
    const previous = file.backups.map((b: { vars: Array<{ previous: string | null }> }) => b.vars[0]!.previous);
    const applied = file.backups.map((b: { applied: Array<{ value: string }> }) => b.applied[0]!.value);
    expect(previous).toEqual([null, ...applied.slice(0, 3)]);
    expect(goenv()).toBe(`GOPROXY=${applied[3]}\n`);
    expect(readdirSync(dirname(backupsPath()))).toEqual(['backups.json']);
  });

  it('a damaged backups file stops init before anything is written (exit 1)', async () => {
    fresh();
    mkdirSync(dirname(backupsPath()), { recursive: true });
    writeFileSync(backupsPath(), '{not json');
    const r = await run(['init', '--yes', '--proxy', 'https://a.example.com']);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toContain('not valid JSON');
    expect(goenv()).toBe('');
  });
});
