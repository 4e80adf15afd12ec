// `gomodctl init` and `gomodctl restore`: load the model, compute the plan, then stop (dry run / export) or apply.
import { UsageError } from '../core/errors.js';
import {
  buildInitPlan,
  planCommands,
  planEnvOps,
  resolveInitValues,
  type InitPlan,
  type InitRequest,
} from '../core/init/plan.js';
import { parseExportFormat, renderExport } from '../core/init/export.js';
import { findBackup, restoreOps } from '../core/init/backup-model.js';
import {
  planJson,
  renderBackupList,
  renderExportSnippet,
  renderPlanHuman,
  type PlanView,
} from '../report/init-render.js';
import { redactSecrets } from '../core/redact.js';
import type { Output } from '../report/output.js';
import { getBackupsPath, readBackups } from './backup-store.js';
import { applyWithBackup } from './init-apply.js';
import { loadConfig, type LoadedConfig } from './load-config.js';
import { getGoBinary } from './run-go.js';

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

/** Normalised `init` flags. */
export interface InitOptions extends InitRequest {
  yes?: boolean;
  dryRun?: boolean;
  export?: string;
  go?: string;
}

/** True when the user gave any value to write. */
export function hasValueFlags(o: InitRequest): boolean {
  return o.proxy !== undefined || o.private !== undefined || o.sumdb !== undefined || o.preset !== undefined;
}

/** Loads the model; a missing Go is fatal for writing (go env -w is the only writer we use). */
export async function loadForWrite(
  ctx: RunContext,
  go: string | undefined,
): Promise<{ loaded: LoadedConfig; goenvPath: string; goBin: string }> {
  const goBin = getGoBinary(go, ctx.env);
  const loaded = await loadConfig({ go: goBin, env: ctx.env, cwd: ctx.cwd });
  if (!loaded.go)
    throw new UsageError(
      `cannot run "${goBin}"; install Go or pass the binary with --go (e.g. --go /usr/local/go/bin/go).`,
    );
  if (loaded.go.goenv === 'off' || !loaded.go.goenv) {
    throw new UsageError(
      'GOENV=off: Go has no env file to write; unset GOENV or set it to a file path (e.g. GOENV=$HOME/.config/go/env).',
    );
  }
  return { loaded, goenvPath: loaded.go.goenv, goBin };
}

/** Refuses to write without a TTY and without --yes (exit 2), naming the flag to pass. */
export function requireConsent(ctx: RunContext, yes: boolean | undefined, what: string): void {
  if (yes || ctx.tty) return;
  throw new UsageError(
    `${what} needs confirmation but there is no terminal; pass --yes to apply, or --dry-run to only show the plan.`,
  );
}

/** Shows the plan, asks (on a TTY without --yes), applies with backup, reports. Returns the exit code. */
export async function executePlan(p: {
  ctx: RunContext;
  plan: InitPlan;
  goenvPath: string;
  goBin: string;
  command: 'init' | 'restore';
  dryRun?: boolean;
  yes?: boolean;
  restoredFrom?: string;
}): Promise<number> {
  const { ctx, plan } = p;
  const view: PlanView = {
    command: p.command,
    dryRun: Boolean(p.dryRun),
    goenvPath: p.goenvPath,
    changes: plan.changes,
    unchanged: plan.unchanged,
    commands: planCommands(plan.ops),
    warnings: plan.warnings,
    ...(p.restoredFrom ? { restoredFrom: p.restoredFrom } : {}),
  };
  if (p.dryRun || plan.ops.length === 0) {
    if (ctx.out.json) ctx.out.printJson(planJson(view, plan.ops));
    else renderPlanHuman(ctx.out, view);
    return 0;
  }
  requireConsent(ctx, p.yes, `gomodctl ${p.command}`);
  if (!p.yes && ctx.tty) {
    renderPlanHuman(ctx.out, { ...view, preview: true });
    const ok = ctx.confirm ? await ctx.confirm('Apply these changes?') : false;
    if (!ok) {
      ctx.out.line('Nothing was changed.');
      return 1;
    }
  }
  const res = await applyWithBackup({
    go: { go: p.goBin, env: ctx.env, cwd: ctx.cwd, timeoutMs: 15_000 },
    goenvPath: p.goenvPath,
    ops: plan.ops,
    command: p.command,
    backupsPath: getBackupsPath(ctx.env),
  });
  const done: PlanView = { ...view, backupId: res.backup.id, goWarnings: res.warnings };
  if (ctx.out.json) ctx.out.printJson(planJson(done, plan.ops, res.verified));
  else renderPlanHuman(ctx.out, done);
  return 0;
}

/** `gomodctl init` without the wizard: flags → plan → export / dry run / apply. */
export async function runInitFromFlags(opts: InitOptions, ctx: RunContext): Promise<number> {
  const format = opts.export !== undefined ? parseExportFormat(opts.export) : undefined;
  if (format) {
    const { values, warnings } = hasValueFlags(opts) ? resolveInitValues(opts) : await currentValues(ctx, opts.go);
    const vars = Object.entries(values).flatMap(
      ([k, v]): Array<[string, string]> => (v === null ? [] : [[k, redactSecrets(v)]]),
    );
    renderExportSnippet(ctx.out, format, renderExport(format, vars), warnings);
    return 0;
  }
  resolveInitValues(opts); // validate every value before Go is even started
  const { loaded, goenvPath, goBin } = await loadForWrite(ctx, opts.go);
  const plan = buildInitPlan(loaded.model, opts);
  return executePlan({ ctx, plan, goenvPath, goBin, command: 'init', dryRun: opts.dryRun, yes: opts.yes });
}

/** Module variables set on this machine (environment or GOENV file), for `init --export` without values. */
async function currentValues(
  ctx: RunContext,
  go: string | undefined,
): Promise<{ values: Record<string, string | null>; warnings: string[] }> {
  const loaded = await loadConfig({ go: getGoBinary(go, ctx.env), env: ctx.env, cwd: ctx.cwd });
  const values: Record<string, string | null> = {};
  for (const name of ['GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOSUMDB']) {
    const v = loaded.model.vars[name];
    if (v && v.value !== '' && (v.source === 'env' || v.source === 'goenv')) values[name] = v.value;
  }
  const warnings = Object.keys(values).length
    ? []
    : ['no module variable is set here (all defaults); pass --proxy/--private/--sumdb/--preset to export values'];
  return { values, warnings };
}

/** Normalised `restore` flags. */
export interface RestoreOptions {
  list?: boolean;
  id?: string;
  yes?: boolean;
  dryRun?: boolean;
  go?: string;
}

/** `gomodctl restore`: list backups, or bring the newest (or --id) back; the restore is itself backed up. */
export async function runRestore(opts: RestoreOptions, ctx: RunContext): Promise<number> {
  const path = getBackupsPath(ctx.env);
  const file = await readBackups(path);
  if (opts.list) {
    renderBackupList(ctx.out, file, path);
    return 0;
  }
  const record = findBackup(file, opts.id);
  const { loaded, goenvPath, goBin } = await loadForWrite(ctx, opts.go);
  const wanted = Object.fromEntries(restoreOps(record).map((o) => [o.name, o.op === 'set' ? o.value : null]));
  const plan = planEnvOps(loaded.model, wanted);
  if (record.goenvPath && record.goenvPath !== goenvPath) {
    plan.warnings.push(`backup ${record.id} was taken for GOENV file ${record.goenvPath}; restoring into ${goenvPath}`);
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
