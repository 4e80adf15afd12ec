// `doctor --fix / --verify / --mirror`: searches verified fixes for a failing verdict (core/verdict/choose-fix.ts),
// proves the best with the real `go mod download` (--verify), and applies it (--fix): GOENV-file settings through
// init's backup and atomic apply (undone by `gomodctl restore`), environment-only settings printed as exports and,
// in GitHub Actions, appended to $GITHUB_ENV. Asks on a terminal; --yes for CI; refuses otherwise (exit 2).
import { appendFile } from 'node:fs/promises';
import { GomodctlError, UsageError } from '../core/errors.js';
import type { Fix } from '../core/fix/fix.js';
import { fixMsg } from '../core/i18n/messages/fix.js';
import { parseMirrorList, selectCatalog, type Mirror } from '../core/init/mirrors.js';
import { planEnvOps, planFixes } from '../core/init/plan.js';
import type { LoadedConfig } from '../core/loaded-config.js';
import type { Need } from '../core/needs/types.js';
import { goenvTextOf } from '../core/verdict/apply-fixes.js';
import { chooseFix, type FixSearch, type VerifiedFix } from '../core/verdict/choose-fix.js';
import type { Env } from '../core/verdict/reach.js';
import type { RouteProbe, Verdict } from '../core/verdict/types.js';
import { envRouteProbes } from '../probes/env-route-probes.js';

// The engine's doctor loads this file lazily and needs the candidates' probers too.
export { envRouteProbes };
import { getBackupsPath } from '../go/backup-store.js';
import { applyWithBackup } from '../go/init-apply.js';
import { verifyFixWithGo } from '../go/verify-fix.js';
import { renderFix, renderPlanCommands } from '../report/fix-render.js';
import { fixSearchJson, renderFixSearch, type Demotion } from '../report/fix-search-report.js';
import { renderPlanHuman } from '../report/init-render.js';
import type { Output } from '../report/output.js';

/** The fix flags of `gomodctl doctor`. */
export interface DoctorFixFlags {
  fix: boolean;
  yes: boolean;
  verify: boolean;
  /** `--mirror URL`, repeatable (validated by the command). */
  mirrors: string[];
  /** stdin and stdout are both terminals (doctor asks before applying). */
  tty: boolean;
}

/** Everything applyTopFix needs: the verdict and what it was computed from, and where to print and ask. */
interface TopFixContext {
  verdict: Verdict;
  loaded: LoadedConfig;
  env: NodeJS.ProcessEnv;
  needs: Need[];
  goVersion: string;
  /** The run's probe (probes/route-probe.ts, cached per URL): candidates reuse what the verdict already asked. */
  probe: RouteProbe;
  /** Probes for candidates that change how the network is reached (envRouteProbes); without it they are skipped. */
  probeFor?: (env: Env) => RouteProbe;
  goBin: string;
  cwd: string;
  out: Output;
  flags: DoctorFixFlags;
  timeoutMs: number;
  /** Print the failing modules before the fixes (false when the doctor's verdict already listed them). */
  showFailures?: boolean;
  /** Asks a yes/no question on the terminal (injected for tests); @inquirer/prompts confirm by default. */
  confirm?: (message: string) => Promise<boolean>;
}

/** The fix flags of a plain `gomodctl doctor`: search and print verified fixes, change nothing. */
export function noFixFlags(): DoctorFixFlags {
  return { fix: false, yes: false, verify: false, mirrors: [], tty: false };
}

/** The mirrors a fix may propose: the known list ($GOMODCTL_MIRRORS overrides it) and every --mirror. */
function fixMirrors(env: NodeJS.ProcessEnv, flagged: string[]): Mirror[] {
  return [...selectCatalog(env.GOMODCTL_MIRRORS), ...flagged.flatMap((m) => parseMirrorList(m, '--mirror'))];
}

const withVerifiedBy = (v: VerifiedFix, by: string[]): VerifiedFix => ({
  ...v,
  fixes: v.fixes.map((f) => ({ ...f, verifiedBy: by })),
});

/** --verify: the best candidates in turn (at most 3) through the real download; the first that passes leads. */
async function verifyWithGo(c: TopFixContext, search: FixSearch): Promise<{ search: FixSearch; demoted: Demotion[] }> {
  const modules = [
    ...new Set(
      c.verdict.failures.flatMap((f) =>
        f.need.version && f.need.why !== 'toolchain' ? [`${f.need.module}@${f.need.version}`] : [],
      ),
    ),
  ];
  const demoted: Demotion[] = [];
  const verified = [...search.verified];
  const tries = Math.min(3, verified.length);
  for (let k = 0; k < tries; k++) {
    const v = verified[0]!;
    // Go itself would send a private-looking path out under this fix: the real download must not run.
    const leak = v.verdict.outcomes.find((o) => o.outcome === 'leak');
    if (leak) {
      demoted.push({ id: v.id, fixes: v.fixes, reason: leak.message ?? '' });
      verified.shift();
      continue;
    }
    const r = await verifyFixWithGo({
      go: c.goBin,
      cwd: c.cwd,
      env: v.config.env as NodeJS.ProcessEnv,
      goenvText: goenvTextOf(v.config.model),
      modules,
      timeoutMs: Math.max(10_000, c.timeoutMs * 3),
    });
    if (r.ok) {
      verified[0] = withVerifiedBy(v, ['probe', 'go mod download']);
      break;
    }
    demoted.push({
      id: v.id,
      fixes: v.fixes,
      reason: r.timedOut ? fixMsg('fix.downloadTimedOut') : (r.stderrTail.at(-1) ?? `exit ${r.exitCode}`), // Go's words
    });
    verified.shift();
  }
  return { search: { ...search, verified }, demoted };
}

/** Asks before changing anything; false when declined or interrupted. Throws (exit 2) without a terminal or --yes. */
async function consent(c: TopFixContext): Promise<boolean> {
  if (c.flags.yes) return true;
  if (!c.flags.tty) throw new UsageError(fixMsg('fix.needsConsent'));
  const ask = c.confirm ?? (await import('../report/prompts.js')).askConfirm;
  try {
    return await ask(c.out.t(fixMsg('fix.confirm')));
  } catch (err) {
    if ((err as Error)?.name === 'ExitPromptError') return false; // Ctrl-C: nothing was changed
    throw err;
  }
}

/** Writes the GOENV-file part with a backup (one `go env -w`/`-u`, verified, atomic); null when there is none. */
async function applyGoenvPart(c: TopFixContext, fixes: Fix[]): Promise<Record<string, unknown> | null> {
  const wanted: Record<string, string | null> = {};
  for (const f of fixes) {
    if (f.kind === 'set' && f.scope === 'goenv') wanted[f.variable] = f.value ?? '';
    if (f.kind === 'unset' && f.scope === 'goenv') wanted[f.variable] = null;
  }
  if (Object.keys(wanted).length === 0) return null;
  const goenvPath = c.loaded.go?.goenv;
  if (!goenvPath || goenvPath === 'off') throw new UsageError('GOENV=off: Go has no env file to write; unset GOENV.');
  const plan = planEnvOps(c.loaded.model, wanted);
  const res = await applyWithBackup({
    go: { go: c.goBin, env: c.env, cwd: c.cwd, timeoutMs: 15_000 },
    goenvPath,
    ops: plan.ops,
    command: 'init',
    backupsPath: getBackupsPath(c.env),
  });
  if (!c.out.json) {
    const commands = renderPlanCommands(planFixes(plan.ops));
    const view = {
      command: 'init' as const,
      dryRun: false,
      goenvPath,
      changes: plan.changes,
      unchanged: plan.unchanged,
    };
    renderPlanHuman(c.out, {
      ...view,
      commands,
      warnings: plan.warnings,
      backupId: res.backup.id,
      goWarnings: res.warnings,
    });
  }
  return { goenvPath, backupId: res.backup.id, changes: plan.changes };
}

/** Prints the environment part as exports; in GitHub Actions appends `NAME=value` lines to $GITHUB_ENV. */
/** What the environment part did: the lines to run, and how many went to $GITHUB_ENV. */
interface EnvPart {
  exports: string[];
  githubEnv?: number;
}

async function applyEnvPart(c: TopFixContext, top: VerifiedFix): Promise<EnvPart | null> {
  const fixes = top.fixes.filter((f) => (f.kind === 'set' || f.kind === 'unset') && f.scope === 'env');
  if (fixes.length === 0) return null;
  const exports = fixes.map((f) => renderFix(f, 'posix')); // English, as the JSON document carries them
  if (!c.out.json) {
    c.out.line(c.out.t(fixMsg('fix.exportHeading')));
    for (const f of fixes) c.out.line(`  ${renderFix(f, 'posix', c.out)}`); // notes in the run's language
  }
  const file = c.env.GITHUB_ACTIONS === 'true' ? c.env.GITHUB_ENV : undefined;
  if (!file) return { exports };
  // The value Go will see after the fix (an append is already joined with what is there); unset = empty.
  const lines = fixes.map(
    (f) => `${(f as { variable: string }).variable}=${top.config.env[(f as { variable: string }).variable] ?? ''}`,
  );
  await appendFile(file, `${lines.join('\n')}\n`).catch((err: Error) => {
    throw new GomodctlError(fixMsg('fix.githubEnvFailed', { file, reason: err.message }), 1);
  });
  if (!c.out.json) c.out.line(c.out.t(fixMsg('fix.githubEnv', { count: lines.length })));
  return { exports, githubEnv: lines.length };
}

/** What applyTopFix did: the exit code, and the document part doctor's JSON carries under "fix". */
interface TopFixResult {
  exitCode: number;
  json: Record<string, unknown>;
}

/** Applies the top verified fix after consent; exit code 0 applied, 1 none, declined, or exports left to run. */
async function applyTop(c: TopFixContext, search: FixSearch, body: Record<string, unknown>): Promise<TopFixResult> {
  const top = search.verified[0];
  if (!top) {
    if (!c.out.json) c.out.line(c.out.t(fixMsg('fix.noTopFix')));
    return { exitCode: 1, json: { ...body, applied: null } };
  }
  if (!(await consent(c))) {
    if (!c.out.json) c.out.line(c.out.t(fixMsg('fix.nothingChanged')));
    return { exitCode: 1, json: { ...body, applied: null } };
  }
  const goenv = await applyGoenvPart(c, top.fixes);
  const env = await applyEnvPart(c, top);
  // Exports only printed have changed nothing yet: go still fails in this shell until they are run.
  const pending = env !== null && env.githubEnv === undefined;
  return { exitCode: pending ? 1 : 0, json: { ...body, applied: { id: top.id, goenv, env } } };
}

/**
 * Finds verified fixes for a failing verdict, proves the best with go (--verify), applies it (--fix). Prints the human
 * part; the JSON part is returned for the caller's one document. Exit code: 0 nothing fails or the fix was applied.
 */
export async function applyTopFix(c: TopFixContext): Promise<TopFixResult> {
  if (!c.verdict.willFail) {
    if (!c.out.json) renderFixSearch(c.out, c.verdict, { verified: [], tried: [] });
    return { exitCode: 0, json: fixSearchJson(c.verdict, { verified: [], tried: [] }) };
  }
  let search = await chooseFix({
    verdict: c.verdict,
    model: c.loaded.model,
    env: c.env,
    needs: c.needs,
    goVersion: c.goVersion,
    probe: c.probe,
    ...(c.probeFor ? { probeFor: c.probeFor } : {}),
    timeoutMs: c.timeoutMs,
    mirrors: fixMirrors(c.env, c.flags.mirrors),
    ...(c.loaded.goMod?.go ? { goModGo: c.loaded.goMod.go } : {}),
  });
  let demoted: Demotion[] = [];
  if (c.flags.verify && search.verified.length) ({ search, demoted } = await verifyWithGo(c, search));
  const body = fixSearchJson(c.verdict, search, demoted);
  if (!c.out.json) renderFixSearch(c.out, c.verdict, search, { demoted, showFailures: c.showFailures ?? true });
  if (!c.flags.fix) return { exitCode: 1, json: body };
  if (!c.out.json) c.out.line();
  return applyTop(c, search, body);
}
