// `gomodctl restore`: list the backups, or bring the newest (or --id) back through the same plan and apply path.
import { findBackup, restoreOps } from '../core/init/backup-model.js';
import { planEnvOps } from '../core/init/plan.js';
import { restoreMsg } from '../core/i18n/messages/restore.js';
import { getBackupsPath, readBackups } from '../go/backup-store.js';
import { renderBackupList } from '../report/init-render.js';
import { createOutput } from '../report/output.js';
import { askConfirm } from '../report/prompts.js';
import { executePlan, loadForWrite, type InitEnvironment, type RunContext } from './write-plan.js';

/** Normalised `restore` flags. */
interface RestoreOptions {
  list?: boolean;
  id?: string;
  yes?: boolean;
  dryRun?: boolean;
  go?: string;
}

/** `gomodctl restore`: list backups, or bring the newest (or --id) back; the restore is itself backed up. */
export async function runRestore(opts: RestoreOptions, where: InitEnvironment): Promise<number> {
  const out = createOutput({ json: where.json, color: where.color, lang: where.lang });
  const ctx: RunContext = { env: where.env, cwd: where.cwd, out, tty: where.tty, confirm: askConfirm };
  const path = getBackupsPath(ctx.env);
  const file = await readBackups(path);
  if (opts.list) {
    renderBackupList(ctx.out, file, path);
    return 0;
  }
  if (file.backups.length === 0 && opts.id === undefined) {
    // Nothing to undo is not a failure (--help: "0 … nothing to do"): a CI step may run restore unconditionally.
    if (ctx.out.json) ctx.out.printDocument('restore', { restored: null, backupsFile: path, ops: [] });
    else ctx.out.line(`Nothing to restore: ${path} holds no backup yet (gomodctl init takes one before it writes).`);
    return 0;
  }
  const record = findBackup(file, opts.id);
  const { loaded, goenvPath, goBin } = await loadForWrite(ctx, opts.go);
  const wanted = Object.fromEntries(restoreOps(record).map((o) => [o.name, o.op === 'set' ? o.value : null]));
  const plan = planEnvOps(loaded.model, wanted);
  if (record.goenvPath && record.goenvPath !== goenvPath) {
    plan.warnings.push(restoreMsg('otherGoenv', { id: record.id, taken: record.goenvPath, goenv: goenvPath }));
  }
  return executePlan({
    ctx,
    plan,
    goenvPath,
    goBin,
    command: 'restore',
    dryRun: opts.dryRun,
    yes: opts.yes,
    restoredFrom: record.id,
  });
}
