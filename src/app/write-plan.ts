// Shared by init, the init wizard and restore: load the model for writing, show the plan, ask, apply with a backup.
import { code, type Lang } from '../core/i18n/message.js';
import { initMsg } from '../core/i18n/messages/init.js';
import type { LoadedConfig } from '../core/loaded-config.js';
import { UsageError } from '../core/errors.js';
import { planFixes, type InitPlan } from '../core/init/plan.js';
import { getBackupsPath } from '../go/backup-store.js';
import { applyWithBackup } from '../go/init-apply.js';
import { loadConfig } from '../go/load-config.js';
import { getGoBinary } from '../go/run-go.js';
import { renderPlanCommands } from '../report/fix-render.js';
import { planJson, renderPlanHuman, type PlanView } from '../report/init-render.js';
import type { Output } from '../report/output.js';

/** Where init/restore are started from: the process environment, directory, output mode and terminal state. */
export interface InitEnvironment {
  env: NodeJS.ProcessEnv;
  cwd: string;
  json: boolean;
  color?: boolean;
  /** The language of human output; English when absent. */
  lang?: Lang;
  /** stdin and stdout are both terminals. */
  tty: boolean;
}

/** Where init/restore run: environment, terminal state, output, and how to ask for confirmation. */
export interface RunContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  out: Output;
  /** stdin and stdout are both terminals. */
  tty: boolean;
  /** Asks a yes/no question (only called on a TTY); injected for tests. */
  confirm?: (message: string) => Promise<boolean>;
}

/** Loads the model; a missing Go is fatal for writing (go env -w is the only writer we use). */
export async function loadForWrite(
  ctx: RunContext,
  go: string | undefined,
): Promise<{ loaded: LoadedConfig; goenvPath: string; goBin: string }> {
  const goBin = getGoBinary(go, ctx.env);
  const loaded = await loadConfig({ go: goBin, env: ctx.env, cwd: ctx.cwd });
  if (!loaded.go) throw new UsageError(initMsg('goMissing', { go: goBin }));
  if (loaded.go.goenv === 'off' || !loaded.go.goenv) {
    throw new UsageError(initMsg('goenvOff'));
  }
  return { loaded, goenvPath: loaded.go.goenv, goBin };
}

/** Refuses to write without a TTY and without --yes (exit 2), naming the flag to pass. */
function requireConsent(ctx: RunContext, yes: boolean | undefined, what: string): void {
  if (yes || ctx.tty) return;
  throw new UsageError(initMsg('needsConsent', { command: code(what) }));
}

/** What executePlan shows and applies. */
interface PlanRun {
  ctx: RunContext;
  plan: InitPlan;
  goenvPath: string;
  goBin: string;
  command: 'init' | 'restore';
  dryRun?: boolean;
  yes?: boolean;
  restoredFrom?: string;
}

/** The plan report: old → new, the exact commands, the warnings. */
function planView(p: PlanRun): PlanView {
  return {
    command: p.command,
    dryRun: Boolean(p.dryRun),
    goenvPath: p.goenvPath,
    changes: p.plan.changes,
    unchanged: p.plan.unchanged,
    commands: renderPlanCommands(planFixes(p.plan.ops)),
    warnings: p.plan.warnings,
    ...(p.restoredFrom ? { restoredFrom: p.restoredFrom } : {}),
  };
}

/** On a terminal without --yes: shows the plan and asks; false when the user declined. */
async function confirmed(p: PlanRun, view: PlanView): Promise<boolean> {
  requireConsent(p.ctx, p.yes, `gomodctl ${p.command}`);
  if (p.yes || !p.ctx.tty) return true;
  renderPlanHuman(p.ctx.out, { ...view, preview: true });
  return p.ctx.confirm ? p.ctx.confirm(p.ctx.out.t(initMsg('confirmApply'))) : false;
}

/** Shows the plan, asks (on a TTY without --yes), applies with backup, reports. Returns the exit code. */
export async function executePlan(p: PlanRun): Promise<number> {
  const { ctx, plan } = p;
  const view = planView(p);
  if (p.dryRun || plan.ops.length === 0) {
    if (ctx.out.json) ctx.out.printDocument(p.command, planJson(view, plan.ops));
    else renderPlanHuman(ctx.out, view);
    return 0;
  }
  if (!(await confirmed(p, view))) {
    ctx.out.line(ctx.out.t(initMsg('nothingChanged')));
    return 1;
  }
  const res = await applyWithBackup({
    go: { go: p.goBin, env: ctx.env, cwd: ctx.cwd, timeoutMs: 15_000 },
    goenvPath: p.goenvPath,
    ops: plan.ops,
    command: p.command,
    backupsPath: getBackupsPath(ctx.env),
  });
  const done: PlanView = { ...view, backupId: res.backup.id, goWarnings: res.warnings };
  if (ctx.out.json) ctx.out.printDocument(p.command, planJson(done, plan.ops, res.verified));
  else renderPlanHuman(ctx.out, done);
  return 0;
}
