// Human and JSON output of init/restore plans, results and the backup list. Words come from the init and restore
// catalogues; the JSON carries the English text of every message (report/document.ts).
import { code, type Text } from '../core/i18n/message.js';
import { initMsg } from '../core/i18n/messages/init.js';
import { restoreMsg } from '../core/i18n/messages/restore.js';
import { redactSecrets } from '../core/redact.js';
import type { BackupFile, BackupRecord } from '../core/init/backup-model.js';
import type { EnvFileChange, EnvFileOp } from '../core/goenv-file.js';
import { wrap, wrapAfter } from '../core/text-width.js';
import type { Output } from './output.js';

/** Everything a plan report shows. */
export interface PlanView {
  command: 'init' | 'restore';
  dryRun: boolean;
  goenvPath: string;
  changes: EnvFileChange[];
  unchanged: string[];
  commands: string[];
  warnings: Text[];
  /** Shown before asking for confirmation: "Will run", no dry-run note. */
  preview?: boolean;
  /** Set once applied. */
  backupId?: string;
  /** For restore: the backup being brought back. */
  restoredFrom?: string;
  /** Go's own warnings (its stderr lines), verbatim. */
  goWarnings?: string[];
}

/** Said wherever a command or snippet had a password replaced: copying it as printed would store "xxxxx". */
const REDACTED_NOTE = initMsg('plan.redactedNote');

const show = (out: Output, v: string | null) => (v === null ? out.t(initMsg('plan.unset')) : v === '' ? '""' : v);

/** A warning line, wrapped at the terminal's width (redacted before wrapping: a break must not hide a password). */
function warningLine(out: Output, warning: Text): string {
  const text = typeof warning === 'string' ? warning.replace(/^warning: /, '') : warning;
  return out.c.yellow(wrap(redactSecrets(out.t(initMsg('warning', { message: text }))), out.columns));
}

function restoreHeading(view: PlanView, id: string): Text {
  if (view.dryRun) return restoreMsg('wouldRestore', { id });
  return view.preview ? restoreMsg('willRestore', { id }) : restoreMsg('restored', { id });
}

/** Prints the old → new table, the exact commands and the warnings (human form). */
export function renderPlanHuman(out: Output, view: PlanView): void {
  const { c } = out;
  if (view.restoredFrom) out.line(out.t(restoreHeading(view, view.restoredFrom)));
  out.line(out.t(initMsg('plan.goenvFile', { path: view.goenvPath })));
  if (view.changes.length === 0) {
    out.line(c.green(wrap(out.t(initMsg('plan.nothingToChange')), out.columns)));
  } else {
    const w = Math.max(...view.changes.map((ch) => ch.name.length));
    for (const ch of view.changes) {
      out.line(`  ${ch.name.padEnd(w)}  ${c.dim(show(out, ch.before))} → ${c.bold(show(out, ch.after))}`);
    }
    out.line();
    out.line(out.t(initMsg(view.preview ? 'plan.willRun' : view.dryRun ? 'plan.wouldRun' : 'plan.ran')));
    for (const cmd of view.commands) out.line(`  ${cmd}`);
    if (view.commands.some((cmd) => redactSecrets(cmd) !== cmd))
      out.line(c.yellow(wrap(out.t(REDACTED_NOTE), out.columns)));
  }
  for (const name of view.unchanged) out.line(c.dim(`  ${out.t(initMsg('plan.unchanged', { name }))}`));
  for (const warning of [...view.warnings, ...(view.goWarnings ?? [])]) out.line(warningLine(out, warning));
  if (view.preview) return;
  if (view.dryRun) out.line(c.dim(out.t(initMsg('plan.dryRun'))));
  else if (view.backupId) {
    const done = initMsg('plan.done', { id: view.backupId, command: code('gomodctl restore --yes') });
    out.line(c.green(wrap(out.t(done), out.columns)));
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

function describe(out: Output, b: BackupRecord): string {
  const value = (v: string | null) => (v === null ? out.t(restoreMsg('list.unset')) : v === '' ? '""' : v);
  return b.vars.map((v) => `${v.name}=${value(v.previous)}`).join(' ');
}

/** Prints `restore --list`: newest first, what each backup would bring back. */
export function renderBackupList(out: Output, file: BackupFile, path: string): void {
  if (out.json) {
    out.printDocument('restore', { list: true, backupsPath: path, backups: [...file.backups].reverse() });
    return;
  }
  if (file.backups.length === 0) {
    out.line(out.t(restoreMsg('list.none', { path })));
    return;
  }
  out.line(wrap(out.t(restoreMsg('list.heading', { path })), out.columns));
  for (const b of [...file.backups].reverse()) {
    const entry = restoreMsg('list.entry', {
      id: b.id,
      createdAt: b.createdAt,
      command: b.command,
      values: describe(out, b),
    });
    out.line(wrapAfter('  ', out.t(entry), out.columns));
  }
}

/** Prints an --export snippet (plain text on stdout, or inside the JSON document). */
export function renderExportSnippet(out: Output, format: string, snippet: string, warnings: Text[]): void {
  if (out.json) {
    out.printDocument('init', { export: format, snippet, warnings });
    return;
  }
  out.line(snippet.replace(/\n$/, ''));
  for (const w of warnings) out.info(out.t(initMsg('warning', { message: w })));
  if (/:xxxxx@/.test(snippet)) out.info(out.t(REDACTED_NOTE));
}
