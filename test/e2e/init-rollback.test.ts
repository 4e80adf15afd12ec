// The write transaction: if `go env -u` fails after `go env -w` succeeded, the GOENV file is put back byte for byte.
import { readdirSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyWithBackup } from '../../src/go/init-apply.js';
import { readBackups, withFileLock } from '../../src/go/backup-store.js';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';

let h: HermeticGo;
afterEach(() => h?.cleanup());

function setup(initial: string | null) {
  h = makeHermeticGo({ GOPROXY: undefined, GOSUMDB: undefined });
  const goenvPath = h.env.GOENV!;
  mkdirSync(dirname(goenvPath), { recursive: true });
  if (initial !== null) writeFileSync(goenvPath, initial);
  return { goenvPath, backupsPath: join(h.dir, 'config', 'gomodctl', 'backups.json') };
}

describe('applyWithBackup', () => {
  it.each([
    ['an existing file', '# keep me\nGOPROXY=https://old.example.com\nGOPRIVATE=x.example.com\n'],
    ['no file yet', null],
  ])('rolls back %s when go env fails half-way', async (_n, initial) => {
    const { goenvPath, backupsPath } = setup(initial);
    const go = { go: TEST_GO, env: h.env, cwd: h.dir, timeoutMs: 15_000 };
    const failing = applyWithBackup({
      go,
      goenvPath,
      backupsPath,
      command: 'init',
      // -w succeeds, then -u of an unknown variable fails: "go: unknown go command variable NOTAVAR".
      ops: [
        { op: 'set', name: 'GOPROXY', value: 'https://new.example.com' },
        { op: 'unset', name: 'NOTAVAR' },
      ],
    });
    await expect(failing).rejects.toThrow(/unknown go command variable NOTAVAR.*left as it was/s);
    expect(readdirSync(dirname(goenvPath)).filter((f) => f.includes('.gomodctl-'))).toEqual([]); // staged copy removed
    if (initial === null) expect(existsSync(goenvPath)).toBe(false);
    else expect(readFileSync(goenvPath, 'utf8')).toBe(initial);
    // The backup was taken first and is kept: it records what was there.
    const file = await readBackups(backupsPath);
    expect(file.backups[0]!.vars[0]).toEqual({
      name: 'GOPROXY',
      previous: initial === null ? null : 'https://old.example.com',
    });
    expect(existsSync(`${backupsPath}.lock`)).toBe(false);
  });

  it('waits for another holder of the lock, and breaks a stale lock left by a dead process', async () => {
    const { goenvPath, backupsPath } = setup(null);
    mkdirSync(dirname(backupsPath), { recursive: true });
    writeFileSync(`${backupsPath}.lock`, '999999999\n2020-01-01T00:00:00.000Z\n'); // no such pid
    const go = { go: TEST_GO, env: h.env, cwd: h.dir, timeoutMs: 15_000 };
    const order: string[] = [];
    const held = withFileLock(backupsPath, async () => {
      order.push('held');
      await new Promise((r) => setTimeout(r, 300));
      order.push('released');
    });
    await new Promise((r) => setTimeout(r, 50));
    const applied = applyWithBackup({
      go,
      goenvPath,
      backupsPath,
      command: 'init',
      ops: [{ op: 'set', name: 'GOPROXY', value: 'off' }],
    }).then((r) => (order.push('applied'), r));
    await Promise.all([held, applied]);
    expect(order).toEqual(['held', 'released', 'applied']);
    expect(readFileSync(goenvPath, 'utf8')).toBe('GOPROXY=off\n');
  });

  it('breaks a lock whose owner was killed before it wrote its line (an empty file), once it is 2 s old', async () => {
    const { backupsPath } = setup(null);
    mkdirSync(dirname(backupsPath), { recursive: true });
    const lock = `${backupsPath}.lock`;
    writeFileSync(lock, '');
    // Fresh: its owner may be writing it now; wait for it, then give up.
    await expect(withFileLock(backupsPath, async () => 1, { timeoutMs: 300 })).rejects.toThrow(/locked by another/);
    const old = new Date(Date.now() - 3000);
    utimesSync(lock, old, old);
    await expect(withFileLock(backupsPath, async () => 2, { timeoutMs: 300 })).resolves.toBe(2);
    expect(existsSync(lock)).toBe(false);
  });

  it('gives up on a live lock after the timeout with an actionable message', async () => {
    const { backupsPath } = setup(null);
    mkdirSync(dirname(backupsPath), { recursive: true });
    writeFileSync(`${backupsPath}.lock`, `${process.pid}\n${new Date().toISOString()}\n`);
    await expect(withFileLock(backupsPath, async () => 1, { timeoutMs: 300 })).rejects.toThrow(
      /locked by another gomodctl/,
    );
  });
});
