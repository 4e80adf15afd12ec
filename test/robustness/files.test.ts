// Guard: `init --yes` and `restore --yes` killed (SIGKILL to the whole process group: gomodctl and its `go env`) at
// any point leave the GOENV file byte-for-byte OLD or NEW, never half-written or half-applied; the backups file
// stays valid JSON; a later run still works (stale lock); two gomodctl processes writing at once corrupt nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';
import { killTagged, spawnTagged, waitFor } from './support.js';

// OLD has GOPROXY/GOPRIVATE; NEW changes both and adds GOSUMDB, so restore needs `go env -w` AND `go env -u`.
const OLD = 'GOPROXY=https://old.example.com\nGOPRIVATE=old.invalid\n';
const INIT = [
  'init',
  '--yes',
  '--proxy',
  'https://new.example.com',
  '--private',
  'new.invalid',
  '--sumdb',
  'sum.golang.google.cn',
  '--go',
  TEST_GO,
];
const DELAYS = [0, 120, 240, 330, 420, 520, 640];

let h: HermeticGo | undefined;
afterEach(() => h?.cleanup());

function fresh(): HermeticGo {
  h = makeHermeticGo({ GOPROXY: undefined, GOSUMDB: undefined, GONOSUMDB: undefined });
  mkdirSync(dirname(h.env.GOENV!), { recursive: true });
  return h;
}

const goenv = (e: HermeticGo): string => (existsSync(e.env.GOENV!) ? readFileSync(e.env.GOENV!, 'utf8') : '');
const backupsPath = (e: HermeticGo): string => join(e.env.XDG_CONFIG_HOME!, 'gomodctl', 'backups.json');

function expectValidBackups(e: HermeticGo): void {
  if (!existsSync(backupsPath(e))) return;
  const doc = JSON.parse(readFileSync(backupsPath(e), 'utf8')) as { schemaVersion: number; backups: unknown[] };
  expect(doc.schemaVersion).toBe(1);
  expect(Array.isArray(doc.backups)).toBe(true);
}

/** The GOENV bytes a completed `init` produces from OLD (go formats the file, so measure rather than guess). */
async function newBytes(): Promise<string> {
  const e = fresh();
  writeFileSync(e.env.GOENV!, OLD);
  const r = await runCli(INIT, { env: e.env, cwd: e.dir, timeoutMs: 30_000 });
  expect(r.exitCode, r.stderr).toBe(0);
  return goenv(e);
}

/** Kills the whole group of a tagged run with SIGKILL (gomodctl and the go it runs). */
function killGroup(pid: number, tag: string): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
  killTagged(tag);
}

/**
 * A go that is the real one, except that after its first `go env -w` has exited it marks `mark` and waits there to
 * be killed (exec sleep: the same process gomodctl awaits). The state then is exactly what a crash between the first
 * write and the next step leaves, whatever the machine's load (no polling for a process that lives 8 ms).
 */
function pausingGo(e: HermeticGo): { go: string; mark: string } {
  const go = join(e.dir, 'go-pausing');
  const mark = join(e.dir, 'first-write-done');
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    go,
    `#!/bin/sh\n${q(TEST_GO)} "$@"\nrc=$?\nif [ "$1" = env ] && [ "$2" = -w ] && [ ! -e ${q(mark)} ]; then : > ${q(mark)}; exec sleep 60; fi\nexit $rc\n`,
    { mode: 0o755 },
  );
  return { go, mark };
}

/** Spawns args and SIGKILLs the group at `when`: a delay in ms, or right after the first `go env -w` has exited. */
async function interrupt(e: HermeticGo, args: string[], when: number | 'between-writes'): Promise<boolean> {
  let seen = true;
  if (when === 'between-writes') {
    const p = pausingGo(e);
    const run = spawnTagged(
      args.map((a) => (a === TEST_GO ? p.go : a)),
      e.env,
      { cwd: e.dir, hardMs: 30_000 },
    );
    seen = (await waitFor(() => existsSync(p.mark) || undefined, 20_000, 5)) === true;
    killGroup(run.pid, run.tag);
    await run.child;
    return seen;
  }
  const run = spawnTagged(args, e.env, { cwd: e.dir, hardMs: 30_000 });
  await new Promise((r) => setTimeout(r, when));
  killGroup(run.pid, run.tag);
  await run.child;
  return seen;
}

describe('files: interrupted init/restore leave GOENV old or new', () => {
  it('init --yes killed at many points', async () => {
    const NEW = await newBytes();
    expect(NEW).not.toBe(OLD);
    for (const when of [...DELAYS, 'between-writes' as const]) {
      const e = fresh();
      writeFileSync(e.env.GOENV!, OLD);
      expect(await interrupt(e, INIT, when), 'the `go env -w` was seen').toBe(true);
      expect([OLD, NEW], `GOENV after SIGKILL at ${when}`).toContain(goenv(e));
      expectValidBackups(e);
      // A later run is not blocked by the dead run's lock and completes the change.
      const again = await runCli(INIT, { env: e.env, cwd: e.dir, timeoutMs: 30_000 });
      expect(again.exitCode, `init after SIGKILL at ${when}: ${again.stderr}`).toBe(0);
      expect(goenv(e)).toBe(NEW);
      e.cleanup();
    }
  });

  it('restore --yes killed at many points (it must write and unset)', async () => {
    const NEW = await newBytes();
    const bad: string[] = [];
    for (const when of [...DELAYS, 'between-writes' as const]) {
      const e = fresh();
      writeFileSync(e.env.GOENV!, OLD);
      const init = await runCli(INIT, { env: e.env, cwd: e.dir, timeoutMs: 30_000 });
      expect(init.exitCode, init.stderr).toBe(0);
      const seen = await interrupt(e, ['restore', '--yes', '--go', TEST_GO], when);
      expect(seen, 'the kill point between `go env -w` and `go env -u` was reached').toBe(true);
      const got = goenv(e);
      // go may rewrite OLD's bytes on restore; compare by content: exactly OLD's variables or exactly NEW.
      const vars = (t: string) => t.split('\n').filter(Boolean).sort().join('\n');
      if (![vars(OLD), vars(NEW)].includes(vars(got))) bad.push(`killed at ${when}: ${JSON.stringify(got)}`);
      expectValidBackups(e);
      e.cleanup();
    }
    expect(bad, 'GOENV half-applied after an interrupted restore').toEqual([]);
  });
});

describe('files: concurrent writers', () => {
  it('four init --yes at once: every run succeeds or fails cleanly; backups file valid with every successful run', async () => {
    const e = fresh();
    writeFileSync(e.env.GOENV!, OLD);
    const proxies = [1, 2, 3, 4].map((i) => `https://p${i}.example.com`);
    const rs = await Promise.all(
      proxies.map((px) =>
        runCli(['init', '--yes', '--proxy', px, '--go', TEST_GO], { env: e.env, cwd: e.dir, timeoutMs: 40_000 }),
      ),
    );
    const ok = rs.filter((r) => r.exitCode === 0).length;
    for (const r of rs) expect([0, 1], r.stderr).toContain(r.exitCode);
    expect(ok).toBeGreaterThan(0);
    const doc = JSON.parse(readFileSync(backupsPath(e), 'utf8')) as { backups: Array<{ id: string }> };
    expect(doc.backups).toHaveLength(ok);
    expect(new Set(doc.backups.map((b) => b.id)).size).toBe(ok);
    const proxyLine = goenv(e)
      .split('\n')
      .find((l) => l.startsWith('GOPROXY='));
    expect(proxies.map((px) => `GOPROXY=${px}`)).toContain(proxyLine);
    expect(goenv(e)).toContain('GOPRIVATE=old.invalid');
  });
});
