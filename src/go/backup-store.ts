// gomodctl's own backups file (<UserConfigDir>/gomodctl/backups.json): locked, atomically replaced, last 20 kept.
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { GomodctlError } from '../core/errors.js';
import { restoreMsg } from '../core/i18n/messages/restore.js';
import { getUserConfigDir } from '../core/goenv-location.js';
import {
  appendBackup,
  emptyBackupFile,
  parseBackupFile,
  MAX_BACKUPS,
  type BackupFile,
  type BackupRecord,
} from '../core/init/backup-model.js';

/** Lock behaviour; the defaults suit a CLI: wait up to 5 s, treat a lock older than 15 s (or its dead owner's) as abandoned. */
interface LockOptions {
  timeoutMs?: number;
  staleMs?: number;
  retryMs?: number;
}

/**
 * Path of the backups file: $GOMODCTL_BACKUPS, else <UserConfigDir>/gomodctl/backups.json (os.UserConfigDir, as Go).
 */
export function getBackupsPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.GOMODCTL_BACKUPS) return env.GOMODCTL_BACKUPS;
  const dir = getUserConfigDir({ platform, env });
  if (!dir) {
    throw new GomodctlError(restoreMsg('file.noConfigDir'), 1, restoreMsg('file.noConfigDirHint'));
  }
  return join(dir, 'gomodctl', 'backups.json');
}

/** Reads the backups file; a missing file is an empty list. */
export async function readBackups(path: string): Promise<BackupFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyBackupFile();
    throw new GomodctlError(restoreMsg('file.unreadable', { path, error: (err as Error).message }), 1);
  }
  return parseBackupFile(text, path);
}

/** Replaces the file atomically: write a temp file in the same directory (mode 0600), then rename over it. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock's owner writes its line right after creating the file; a lock still without one after this was abandoned. */
const UNWRITTEN_MS = 2000;

/**
 * True when an existing lock was left behind: its owner is gone, it never got its owner line (the owner was killed
 * between creating and writing it), or it is older than staleMs.
 */
async function isStale(lock: string, staleMs: number): Promise<boolean> {
  try {
    const [text, st] = await Promise.all([readFile(lock, 'utf8'), stat(lock)]);
    const age = Date.now() - st.mtimeMs;
    if (!text.includes('\n')) return age > UNWRITTEN_MS;
    const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
    if (!pidAlive(pid)) return true;
    return age > staleMs;
  } catch {
    return false; // vanished meanwhile: just retry
  }
}

/** Runs fn while holding `<path>.lock` (created with O_EXCL); waits, breaks stale locks, gives up after timeoutMs. */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, o: LockOptions = {}): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + (o.timeoutMs ?? 5000);
  await mkdir(dirname(path), { recursive: true });
  for (;;) {
    try {
      const fh = await open(lock, 'wx', 0o600);
      await fh.writeFile(`${process.pid}\n${new Date().toISOString()}\n`);
      await fh.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (await isStale(lock, o.staleMs ?? 15_000)) {
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new GomodctlError(restoreMsg('file.locked', { lock }), 1, restoreMsg('file.lockedHint'));
      }
      await new Promise((r) => setTimeout(r, (o.retryMs ?? 20) + Math.random() * 20));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}

/** Adds a record (read → append → keep last 20 → atomic write); the caller must hold withFileLock(path). */
export async function addBackupUnlocked(path: string, record: BackupRecord): Promise<BackupFile> {
  const next = appendBackup(await readBackups(path), record, MAX_BACKUPS);
  await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
  return next;
}
