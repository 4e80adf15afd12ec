// Human and JSON output of init/restore plans, results and the backup list.
import { redactSecrets } from '../core/redact.js';
import type { BackupFile, BackupRecord } from '../core/init/backup-model.js';
import type { EnvFileChange, EnvFileOp } from '../core/goenv-file.js';
import type { Output } from './output.js';

/** Everything a plan report shows. */
export interface PlanView {
  command: 'init' | 'restore';
  dryRun: boolean;
  goenvPath: string;
  changes: EnvFileChange[];
  unchanged: string[];
  commands: string[];
  warnings: string[];
  /** Shown before asking for confirmation: "Will run", no dry-run note. */
  preview?: boolean;
  /** Set once applied. */
  backupId?: string;
  /** For restore: the backup being brought back. */
  restoredFrom?: string;
  goWarnings?: string[];
}

/** Said wherever a command or snippet had a password replaced: copying it as printed would store "xxxxx". */
const REDACTED_NOTE =
  'note: the password is shown as xxxxx (gomodctl never prints secrets); copying this would store "xxxxx" — keep credentials in ~/.netrc instead';

const show = (v: string | null) => (v === null ? '(unset)' : v === '' ? '""' : v);

/** Prints the old → new table, the exact commands and the warnings (human form). */
export function renderPlanHuman(out: Output, view: PlanView): void {
  const { c } = out;
  if (view.restoredFrom)
    out.line(
      `${view.dryRun ? 'Would restore' : view.preview ? 'Will restore' : 'Restored'} backup ${view.restoredFrom}`,
    );
  out.line(`GOENV file: ${view.goenvPath}`);
  if (view.changes.length === 0) {
    out.line(c.green('Nothing to change: the GOENV file already has these values.'));
  } else {
    const w = Math.max(...view.changes.map((ch) => ch.name.length));
    for (const ch of view.changes) {
      out.line(`  ${ch.name.padEnd(w)}  ${c.dim(show(ch.before))} → ${c.bold(show(ch.after))}`);
    }
    out.line();
    out.line(view.preview ? 'Will run:' : view.dryRun ? 'Would run:' : 'Ran:');
    for (const cmd of view.commands) out.line(`  ${cmd}`);
    if (view.commands.some((cmd) => redactSecrets(cmd) !== cmd)) out.line(c.yellow(REDACTED_NOTE));
  }
  for (const name of view.unchanged) out.line(c.dim(`  ${name} already has this value`));
  for (const warning of [...view.warnings, ...(view.goWarnings ?? [])])
    out.line(c.yellow(`warning: ${warning.replace(/^warning: /, '')}`));
  if (view.preview) return;
  if (view.dryRun) out.line(c.dim('(dry run: nothing was changed)'));
  else if (view.backupId) {
    out.line(c.green(`Done. Previous values saved as backup ${view.backupId}; undo with: gomodctl restore --yes`));
  }
}

/** The body of the init/restore JSON document, applied or dry run (printDocument redacts it). */
export function planJson(view: PlanView, ops: EnvFileOp[], verified?: Record<string, string>): Record<string, unknown> {
  return {
    dryRun: view.dryRun,
    goenvPath: view.goenvPath,
    changes: view.changes,
    unchanged: view.unchanged,
    ops,
    commands: view.commands,
    warnings: [...view.warnings, ...(view.goWarnings ?? [])],
    applied: !view.dryRun && view.backupId !== undefined,
    ...(view.backupId ? { backupId: view.backupId } : {}),
    ...(view.restoredFrom ? { restoredFrom: view.restoredFrom } : {}),
    ...(verified ? { verified } : {}),
  };
}

function describe(b: BackupRecord): string {
  return b.vars.map((v) => `${v.name}=${show(v.previous)}`).join(' ');
}

/** Prints `restore --list`: newest first, what each backup would bring back. */
export function renderBackupList(out: Output, file: BackupFile, path: string): void {
  if (out.json) {
    out.printDocument('restore', { list: true, backupsPath: path, backups: [...file.backups].reverse() });
    return;
  }
  if (file.backups.length === 0) {
    out.line(`No backups yet (${path}).`);
    return;
  }
  out.line(`Backups in ${path} (newest first); restore brings back the values shown:`);
  for (const b of [...file.backups].reverse()) {
    out.line(`  ${b.id}  ${b.createdAt}  before ${b.command}: ${describe(b)}`);
  }
}

/** Prints an --export snippet (plain text on stdout, or inside the JSON document). */
export function renderExportSnippet(out: Output, format: string, snippet: string, warnings: string[]): void {
  if (out.json) {
    out.printDocument('init', { export: format, snippet, warnings });
    return;
  }
  out.line(snippet.replace(/\n$/, ''));
  for (const w of warnings) out.info(`warning: ${w}`);
  if (/:xxxxx@/.test(snippet)) out.info(REDACTED_NOTE);
}
