// `gomodctl init` from flags: flags → plan → export / dry run / apply; without values on a terminal, the wizard.
import { UsageError } from '../core/errors.js';
import { code, type Text } from '../core/i18n/message.js';
import { initMsg } from '../core/i18n/messages/init.js';
import { buildInitPlan, resolveInitValues, type InitRequest } from '../core/init/plan.js';
import { parseExportFormat, renderExport } from '../core/init/export.js';
import { redactSecrets } from '../core/redact.js';
import { loadConfig } from '../go/load-config.js';
import { getGoBinary } from '../go/run-go.js';
import { spawnDoctor } from '../go/self.js';
import { renderExportSnippet } from '../report/init-render.js';
import { createOutput } from '../report/output.js';
import { askConfirm } from '../report/prompts.js';
import { executePlan, loadForWrite, type InitEnvironment, type RunContext } from './write-plan.js';

/** Normalised `init` flags. */
export interface InitOptions extends InitRequest {
  yes?: boolean;
  dryRun?: boolean;
  /** --no-probe: write a preset's proxies without probing them first. */
  noProbe?: boolean;
  export?: string;
  go?: string;
}

const NON_TTY_EXAMPLE =
  'gomodctl init --yes --proxy https://goproxy.cn,direct --private corp.example.com --sumdb sum.golang.google.cn';

/** Runs `gomodctl init`: the wizard on a terminal when no value was given, else the plan from flags. */
export async function runInit(opts: InitOptions, where: InitEnvironment): Promise<number> {
  const out = createOutput({ json: where.json, color: where.color, lang: where.lang });
  const ctx: RunContext = { env: where.env, cwd: where.cwd, out, tty: where.tty, confirm: askConfirm };
  if (hasValueFlags(opts) || opts.export !== undefined) return runInitFromFlags(opts, ctx);
  if (opts.yes)
    throw new UsageError(initMsg('yesNeedsValues', { example: code('gomodctl init --yes --preset china') }));
  if (!where.tty || where.json) throw new UsageError(initMsg('needsTerminal', { example: code(NON_TTY_EXAMPLE) }));
  const { runWizard } = await import('./init-wizard.js');
  return runWizard(opts, { ...ctx, runDoctor: () => spawnDoctor({ ...ctx.env, GOMODCTL_LANG: out.lang }, ctx.cwd) });
}

/** True when the user gave any value to write. */
function hasValueFlags(o: InitRequest): boolean {
  return o.proxy !== undefined || o.private !== undefined || o.sumdb !== undefined || o.preset !== undefined;
}

/** `gomodctl init` without the wizard: flags → plan → export / dry run / apply. */
async function runInitFromFlags(opts: InitOptions, ctx: RunContext): Promise<number> {
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
  // Probe only when the plan can be applied: without a terminal and without --yes executePlan refuses (exit 2)
  // before anything would be written, and nothing should reach the network for that.
  const canApply = Boolean(opts.yes) || (ctx.tty && !ctx.out.json);
  if (opts.preset !== undefined && !opts.dryRun && !opts.noProbe && canApply) {
    const { checkProxyBeforeWrite } = await import('./init-probe-gate.js');
    await checkProxyBeforeWrite({ plan, yes: Boolean(opts.yes), ctx, goVersion: loaded.go?.version ?? null });
  }
  return executePlan({ ctx, plan, goenvPath, goBin, command: 'init', dryRun: opts.dryRun, yes: opts.yes });
}

/** Module variables set on this machine (environment or GOENV file), for `init --export` without values. */
async function currentValues(
  ctx: RunContext,
  go: string | undefined,
): Promise<{ values: Record<string, string | null>; warnings: Text[] }> {
  const loaded = await loadConfig({ go: getGoBinary(go, ctx.env), env: ctx.env, cwd: ctx.cwd });
  const values: Record<string, string | null> = {};
  for (const name of ['GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOSUMDB']) {
    const v = loaded.model.vars[name];
    if (v && v.value !== '' && (v.source === 'env' || v.source === 'goenv')) values[name] = v.value;
  }
  const warnings = Object.keys(values).length ? [] : [initMsg('export.nothingSet')];
  return { values, warnings };
}
