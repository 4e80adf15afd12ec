// Pure backup records: what init/restore saves before writing, and how a restore is computed from it.
import { GomodctlError, UsageError } from '../errors.js';
import type { EnvFileOp } from '../goenv-file.js';
import { code } from '../i18n/message.js';
import { restoreMsg } from '../i18n/messages/restore.js';
import { redactSecrets } from '../redact.js';

/** How many backups the file keeps (oldest dropped first). */
export const MAX_BACKUPS = 20;

/** The GOENV-file state of one variable before a write; null = it was not in the file (restore unsets it). */
interface BackupVar {
  name: string;
  previous: string | null;
}

/** One backup, taken right before `go env -w/-u` ran. */
export interface BackupRecord {
  id: string;
  /** ISO-8601 time the backup was taken. */
  createdAt: string;
  /** Which command wrote after taking it. */
  command: 'init' | 'restore';
  /** GOENV file the values belong to. */
  goenvPath: string | null;
  vars: BackupVar[];
  /** What was written right after (null = unset), for `restore --list`. */
  applied: Array<{ name: string; value: string | null }>;
}

/** The whole backups file (schemaVersion 1). */
export interface BackupFile {
  schemaVersion: 1;
  backups: BackupRecord[];
}

/** An empty backups file. */
export function emptyBackupFile(): BackupFile {
  return { schemaVersion: 1, backups: [] };
}

/** A sortable, unique-enough id: UTC time to the millisecond plus a random suffix, e.g. 20261125T155233123Z-k3f9. */
export function newBackupId(now: Date, random: string): string {
  const ts = now.toISOString().replace(/[-:.]/g, '');
  return `${ts}-${random.replace(/[^a-z0-9]/gi, '').slice(0, 6) || '0'}`;
}

/** Records the previous GOENV-file value of every variable an operation list touches. */
export function makeBackupRecord(p: {
  id: string;
  now: Date;
  command: 'init' | 'restore';
  goenvPath: string | null;
  /** GOENV file entries before the write (key → value). */
  fileEntries: Record<string, string>;
  ops: EnvFileOp[];
}): BackupRecord {
  const has = (k: string) => Object.hasOwn(p.fileEntries, k);
  return {
    id: p.id,
    createdAt: p.now.toISOString(),
    command: p.command,
    goenvPath: p.goenvPath,
    vars: p.ops.map((o) => ({ name: o.name, previous: has(o.name) ? p.fileEntries[o.name]! : null })),
    // Only `vars` is needed to restore; what was written is kept for --list, with passwords redacted.
    applied: p.ops.map((o) => ({ name: o.name, value: o.op === 'set' ? redactSecrets(o.value) : null })),
  };
}

/** Appends a record and keeps only the newest `max`. */
export function appendBackup(file: BackupFile, record: BackupRecord, max = MAX_BACKUPS): BackupFile {
  const backups = [...file.backups, record];
  return { schemaVersion: 1, backups: backups.slice(Math.max(0, backups.length - max)) };
}

/** The operations that bring a backup's variables back: `-w` for values, `-u` for ones that were unset. */
export function restoreOps(record: BackupRecord): EnvFileOp[] {
  return record.vars.map((v) =>
    v.previous === null ? { op: 'unset', name: v.name } : { op: 'set', name: v.name, value: v.previous },
  );
}

/** Finds the backup to restore: the given id, or the newest. */
export function findBackup(file: BackupFile, id?: string): BackupRecord {
  if (file.backups.length === 0) {
    throw new GomodctlError(restoreMsg('noBackup'), 1, restoreMsg('noBackupHint'));
  }
  if (id === undefined) return file.backups[file.backups.length - 1]!;
  const found = file.backups.find((b) => b.id === id);
  if (!found) {
    const newest = file.backups[file.backups.length - 1]!.id;
    throw new UsageError(restoreMsg('unknownId', { id, list: code('"gomodctl restore --list"'), newest }));
  }
  return found;
}

function isRecord(x: unknown): x is BackupRecord {
  const r = x as BackupRecord;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'string' &&
    typeof r.createdAt === 'string' &&
    Array.isArray(r.vars) &&
    r.vars.every((v) => typeof v?.name === 'string' && (v.previous === null || typeof v.previous === 'string')) &&
    Array.isArray(r.applied)
  );
}

/** Parses the backups file; damaged content is an error naming the file (never silently dropped). */
export function parseBackupFile(text: string, path: string): BackupFile {
  if (text.trim() === '') return emptyBackupFile();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new GomodctlError(restoreMsg('file.notJson', { path }), 1, restoreMsg('file.moveAway'));
  }
  const f = doc as BackupFile;
  if (f?.schemaVersion !== 1 || !Array.isArray(f.backups) || !f.backups.every(isRecord)) {
    throw new GomodctlError(restoreMsg('file.unknownFormat', { path }), 1, restoreMsg('file.moveAway'));
  }
  return { schemaVersion: 1, backups: f.backups };
}
