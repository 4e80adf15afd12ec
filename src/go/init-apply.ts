// Applies a plan as one transaction: lock → back up → `go env -w`/`-u` → re-read and verify → roll back on failure.
import type { Message } from '../core/i18n/message.js';
import { initMsg } from '../core/i18n/messages/init.js';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { GomodctlError } from '../core/errors.js';
import { makeBackupRecord, newBackupId, type BackupRecord } from '../core/init/backup-model.js';
import { parseGoenvFile } from '../core/goenv-file.js';
import type { EnvFileOp } from '../core/goenv-file.js';
import { addBackupUnlocked, withFileLock } from './backup-store.js';
import { applyGoEnvOps, getGoEnvJson, type GoRunOptions } from './run-go.js';

/** Several problems as one message ("a; b; c"), in whichever language it is printed. */
function joined(problems: Message[]): Message {
  return problems.slice(1).reduce((first, rest) => initMsg('apply.join', { first, rest }), problems[0]!);
}

/** What happened when a plan was applied. */
interface ApplyResult {
  backup: BackupRecord;
  /**
   * Go's own stderr lines (e.g. the "does not override conflicting OS environment variable" warning,
   * cmd/go/internal/envcmd/env.go runEnvW).
   */
  warnings: string[];
  /** Values `go env -json` reports after the write, with the OS environment's copies of these names removed. */
  verified: Record<string, string>;
}

/** The GOENV file's variables as Go reads them (one parser: core/goenv-file.ts); none when there is no file. */
function goenvEntries(text: string | null): Record<string, string> {
  return Object.fromEntries(parseGoenvFile(text ?? ''));
}

/** Reads a file's bytes as text, or null when it does not exist. */
async function readGoenvText(path: string | null): Promise<string | null> {
  if (!path) return null;
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new GomodctlError(initMsg('apply.unreadable', { path, error: (err as Error).message }), 1);
  }
}

/**
 * A private copy of the GOENV file next to it: `go env -w/-u` edit the copy (GOENV=copy), and only a verified copy
 * replaces the real file with one rename. Go itself rewrites the file in place (non-atomic: envcmd/env.go
 * updateEnvFile), so an interrupted gomodctl would otherwise leave it half-written or with only the -w half of a change
 * applied.
 */
async function stageCopy(goenvPath: string, text: string | null): Promise<string> {
  await mkdir(dirname(goenvPath), { recursive: true });
  const tmp = join(dirname(goenvPath), `.${basename(goenvPath)}.gomodctl-${randomBytes(4).toString('hex')}.tmp`);
  const mode = await stat(goenvPath).then(
    (s) => s.mode & 0o777,
    () => 0o644,
  );
  await writeFile(tmp, text ?? '', { mode });
  return tmp;
}

/**
 * Environment without the OS copies of `names`, so `go env` reports what the GOENV file now says (a non-empty
 * environment value wins: cfg.go Getenv).
 */
function withoutNames(env: NodeJS.ProcessEnv, names: string[]): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const n of names) delete copy[n];
  return copy;
}

/** Checks the file and `go env -json` against the ops; returns a sentence per mismatch. */
async function verify(
  go: GoRunOptions,
  goenvPath: string,
  ops: EnvFileOp[],
): Promise<{ problems: Message[]; seen: Record<string, string> }> {
  const entries = goenvEntries(await readGoenvText(goenvPath));
  const names = ops.map((o) => o.name);
  const seen = await getGoEnvJson({ ...go, env: withoutNames(go.env, names) }, names);
  const problems: Message[] = [];
  for (const o of ops) {
    if (o.op === 'set' && (entries[o.name] !== o.value || seen[o.name] !== o.value)) {
      problems.push(initMsg('apply.readsBack', { name: o.name, value: seen[o.name] ?? '' }));
    }
    if (o.op === 'unset' && o.name in entries) problems.push(initMsg('apply.stillSet', { name: o.name }));
  }
  return { problems, seen };
}

/**
 * Backs up the previous state of every variable in `ops`, applies them with one `go env -w` and one
 * `go env -u`, verifies by re-reading, and restores the GOENV file byte for byte if anything fails.
 * Holds the backups lock throughout, so two gomodctl processes never interleave their writes.
 */
export async function applyWithBackup(p: {
  go: GoRunOptions;
  goenvPath: string;
  ops: EnvFileOp[];
  command: 'init' | 'restore';
  backupsPath: string;
  now?: Date;
}): Promise<ApplyResult> {
  return withFileLock(
    p.backupsPath,
    async () => {
      const before = await readGoenvText(p.goenvPath);
      const now = p.now ?? new Date();
      const backup = makeBackupRecord({
        id: newBackupId(now, randomBytes(3).toString('hex')),
        now,
        command: p.command,
        goenvPath: p.goenvPath,
        fileEntries: goenvEntries(before),
        ops: p.ops,
      });
      await addBackupUnlocked(p.backupsPath, backup);
      const tmp = await stageCopy(p.goenvPath, before);
      const staged = { ...p.go, env: { ...p.go.env, GOENV: tmp } };
      try {
        const { warnings } = await applyGoEnvOps(staged, p.ops);
        const { problems, seen } = await verify(staged, tmp, p.ops);
        if (problems.length) throw new GomodctlError(initMsg('apply.verifyFailed', { problems: joined(problems) }), 1);
        await rename(tmp, p.goenvPath); // the one step that changes the real file: old or new, never half
        return { backup, warnings, verified: seen };
      } catch (err) {
        await rm(tmp, { force: true });
        const e = err instanceof GomodctlError ? err : new GomodctlError(String((err as Error)?.message ?? err), 1);
        throw new GomodctlError(initMsg('apply.leftAsItWas', { error: e.text }), e.exitCode, e.hint);
      }
    },
    { timeoutMs: 20_000, staleMs: 60_000 },
  );
}
