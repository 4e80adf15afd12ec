// `gomodctl doctor`: loads the configuration, builds the check context (config, go.mod facts, bounded probe) and
// runs every validator concurrently beside the verdict (core/verdict: what go mod tidy will do here), then renders the
// report. Route changes are printed only by the fix search, verified (issue 13): in a module for the verdict's failures,
// elsewhere for the canary's. Exit code: in a module, 1 exactly when the verdict says go mod tidy will fail; elsewhere 1
// when a check failed.
import { parseAnnotateMode, resolveAnnotateMode } from '../report/tidy-ci.js';
import { writeDoctorCi } from '../report/doctor-ci.js';
import { doctorJUnit, writeJUnitFile } from '../report/junit.js';
import { runChecks, summarize, type CheckResult } from '../core/doctor/check.js';
import { chooseCanary } from '../core/doctor/canary.js';
import { doctorChecks } from '../core/doctor/checks/all-checks.js';
import { withoutUnverifiedRouteFixes } from '../core/doctor/verified-only.js';
import type { Canary, DoctorContext, DoctorReport } from '../core/doctor/checks/context.js';
import { configuredGoAuth } from '../core/goauth.js';
import { getGitVersion, gitLsRemote } from '../go/git.js';
import { predictGoNeeds } from '../go/predict-needs.js';
import { createAsker, evaluateVerdict, mapLimit, type RunAsker } from '../core/verdict/evaluate.js';
import { prefetchSumdbBase } from '../core/verdict/walk.js';
import { godebugFatalError } from '../core/godebug.js';
import type { ConfigModel } from '../core/config-types.js';
import { ModuleCache } from '../go/module-cache.js';
import { fetchModViaRoute } from '../core/verdict/route-mod.js';
import type { RouteProbe, Verdict } from '../core/verdict/types.js';
import type { Need } from '../core/needs/types.js';
import type { LoadedConfig } from '../core/loaded-config.js';
import { createRouteProbe } from '../probes/route-probe.js';
import { loadConfig } from '../go/load-config.js';
import { getReplaceDirs } from '../go/dirs.js';
import { resolveGoBinary } from '../go/run-go.js';
import { createGoProber, type GoProber } from '../probes/go-prober.js';
import { doctorJson, renderDoctorHuman } from '../report/doctor-report.js';
import { createOutput, type Output } from '../report/output.js';
import type { DoctorFixFlags } from './doctor-fix.js';
import { fixMsg } from '../core/i18n/messages/fix.js';
import { doctorMsg } from '../core/i18n/messages/doctor.js';
import type { Text } from '../core/i18n/message.js';
import type { RunOptions } from './run-options.js';

/** Options of `gomodctl doctor`, normalised by the command. */
interface DoctorOptions extends RunOptions {
  cwd: string;
  timeoutMs: number;
  module?: string;
  deps: boolean;
  verbose: boolean;
  /** --fix/--yes/--verify/--mirror (app/doctor-fix.ts); absent without any of them. */
  fix?: DoctorFixFlags;
  /** --annotate: auto, github, gitlab or none (default auto). */
  annotate?: string;
  /** --junit FILE: one JUnit test case per check. */
  junit?: string;
}

/** Builds the context the validators run against: configuration facts and the edge operations they may call. */
async function buildContext(
  o: DoctorOptions,
  go: string,
): Promise<{ ctx: DoctorContext; prober: GoProber; loaded: LoadedConfig }> {
  const loaded = await loadConfig({ go, env: o.env, cwd: o.cwd });
  const [prober, replaceDirs] = await Promise.all([
    createGoProber({
      env: o.env,
      goVersion: loaded.go?.version ?? null,
      platform: process.platform,
      goauth: configuredGoAuth(loaded.model),
      timeoutMs: o.timeoutMs,
    }),
    getReplaceDirs(loaded, o.cwd),
  ]);
  const ctx: DoctorContext = {
    env: o.env,
    platform: process.platform,
    arch: process.arch,
    loaded,
    timeoutMs: o.timeoutMs,
    canary: chooseCanary(loaded, o.module),
    deps: o.deps,
    replaceDirs,
    netrcError: prober.credentialsError,
    probe: (url, p) => prober.probe(url, p),
    inspectGoAuth: (urls) => prober.inspectGoAuth(urls),
    hasGit: () => getGitVersion(o.env),
  };
  return { ctx, prober, loaded };
}

/** Go ≥ 1.27 stops before anything with a removed GODEBUG setting at its old value (runtime/proc.go main). */
function fatalGodebug(env: DoctorOptions['env'], loaded: LoadedConfig): string[] {
  const fatal = godebugFatalError(env.GODEBUG, loaded.go?.version ?? null);
  return fatal ? [fatal] : [];
}

/**
 * Starts, without waiting, what the prediction will ask one by one as its graph walk reaches it: the go.mod files of
 * the requirements the module cache lacks (bounded, along each route) and the checksum database's base.
 */
async function prefetch(model: ConfigModel, loaded: LoadedConfig, asker: RunAsker, cache: ModuleCache): Promise<void> {
  const reqs = loaded.goMod?.require ?? [];
  const first = reqs.find((r) => !r.path.startsWith('golang.org/toolchain'));
  if (first) prefetchSumdbBase(asker, model, first.path);
  await mapLimit(reqs, 16, async (r) => {
    if ((await cache.cachedMod(r)) !== null) return;
    await fetchModViaRoute(model, r.path, r.version, asker).catch(() => undefined);
  }).catch(() => undefined);
}

/**
 * What `go mod tidy` will do here: the predicted needs of the module (or each go.work module) walked along their
 * routes with the run's prober. Null outside a module and with --module (then the canary checks decide).
 */
async function computeVerdict(
  o: DoctorOptions,
  go: string,
  loaded: LoadedConfig,
  prober: GoProber,
): Promise<VerdictRun | null> {
  if (o.module) return null;
  const model = loaded.model;
  const probe = createRouteProbe({
    prober,
    hello: { goVersion: loaded.go?.version ?? null, env: o.env, timeoutMs: o.timeoutMs },
    gitLsRemote: (repo) => gitLsRemote(repo, o.env, o.timeoutMs),
  });
  const asker = createAsker(probe, o.timeoutMs);
  // One reader of the module cache Go reported, for the prefetch and the prediction: each cached go.mod is read once
  // (the model does not hold GOMODCACHE: reading it there looked in the wrong place and fetched every go.mod).
  const cache = loaded.gomodcache ? new ModuleCache(loaded.gomodcache) : undefined;
  if (cache) void prefetch(model, loaded, asker, cache);
  const predicted = await predictGoNeeds({
    go,
    env: o.env,
    cwd: o.cwd,
    command: 'tidy',
    model,
    ...(cache ? { cache } : {}),
    getMod: (path, version) => fetchModViaRoute(model, path, version, asker),
  });
  if (predicted.noModule) return null;
  const verdict = await evaluateVerdict({
    model,
    env: o.env,
    needs: predicted.needs,
    goVersion: loaded.go?.version ?? '',
    probe,
    asker,
    timeoutMs: o.timeoutMs,
    errors: [...new Set([...fatalGodebug(o.env, loaded), ...predicted.runs.flatMap((r) => r.result.errors)])],
  });
  return { verdict, needs: predicted.needs, probe };
}

/**
 * Outside a module, with --module, or when the prediction failed: the canary's fetches as a verdict of their own (its
 * .info, or its version list without a version, and its checksum lookup), so the fix search can verify changes for
 * the proxy and checksum-database failures the checks find. Started beside the checks; canaryFailures keeps it only
 * when they failed.
 */
async function canaryVerdict(o: DoctorOptions, loaded: LoadedConfig, prober: GoProber, canary: Canary) {
  const { path: module, version } = canary;
  const needs: Need[] = version
    ? [
        { module, version, what: 'info', why: 'require', certainty: 'sure' },
        { module, version, what: 'sumdb-lookup', why: 'go.sum-missing', certainty: 'sure' },
      ]
    : [{ module, what: 'list', why: 'require', certainty: 'sure' }];
  const probe = createRouteProbe({
    prober,
    hello: { goVersion: loaded.go?.version ?? null, env: o.env, timeoutMs: o.timeoutMs },
    gitLsRemote: (repo) => gitLsRemote(repo, o.env, o.timeoutMs),
  });
  const asker = createAsker(probe, o.timeoutMs);
  const verdict = await evaluateVerdict({
    model: loaded.model,
    env: o.env,
    needs,
    goVersion: loaded.go?.version ?? '',
    probe,
    asker,
    timeoutMs: o.timeoutMs,
  });
  return { verdict, needs, probe };
}

/**
 * The canary's verdict for the fix search when a proxy or checksum-database check failed (null otherwise): its
 * checksum lookup counts only when the checksum-database check failed too.
 */
function canaryFailures(run: VerdictRun | null, checks: CheckResult[]): VerdictRun | null {
  const failed = (group: string) => checks.some((c) => c.group === group && c.status === 'fail');
  if (!run || (!failed('proxy') && !failed('sumdb'))) return null;
  if (failed('sumdb')) return run.verdict.willFail ? run : null;
  const keep = (n: Need) => n.what !== 'sumdb-lookup';
  const outcomes = run.verdict.outcomes.filter((x) => keep(x.need));
  const failures = outcomes.filter((x) => x.failing);
  if (failures.length === 0) return null;
  return { ...run, needs: run.needs.filter(keep), verdict: { ...run.verdict, outcomes, failures, willFail: true } };
}

/** A verdict and what the fix search re-evaluates candidates with (the same needs and the run's cached probe). */
interface VerdictRun {
  verdict: Verdict;
  needs: Need[];
  probe: RouteProbe;
}

/**
 * The fix search for a failing verdict (app/doctor-fix.ts applyTopFix: verified fixes; --verify, --fix), with the
 * run's probe; candidates that change how the network is reached get probers of their own.
 */
async function searchFixes(
  o: DoctorOptions,
  go: string,
  loaded: LoadedConfig,
  run: VerdictRun,
  out: Output,
  canary = false,
) {
  const { applyTopFix, envRouteProbes, noFixFlags } = await import('./doctor-fix.js');
  const spec = {
    goVersion: loaded.go?.version ?? null,
    goauth: configuredGoAuth(loaded.model),
    timeoutMs: o.timeoutMs,
    gitLsRemote: (repo: string) => gitLsRemote(repo, o.env, o.timeoutMs),
  };
  const others = envRouteProbes(spec);
  try {
    return await applyTopFix({
      ...run,
      probeFor: others.probeFor,
      loaded,
      env: o.env,
      goVersion: loaded.go?.version ?? '',
      goBin: go,
      cwd: o.cwd,
      out,
      // Outside a module --fix stays refused (fix.noVerdict): the canary is no project to change the setup for.
      flags: { ...(o.fix ?? noFixFlags()), ...(canary ? { fix: false } : {}) },
      timeoutMs: o.timeoutMs,
      // In a module the verdict lines already named the failing modules; the canary's failure is said here.
      showFailures: canary,
    });
  } finally {
    others.close();
  }
}

/** Runs every check (all at once, results in report order) and reports which are still pending. */
async function collect(ctx: DoctorContext, onPending: (titles: Text[]) => void): Promise<DoctorReport> {
  const start = performance.now();
  const checks = doctorChecks(ctx);
  const pending = new Set(checks);
  onPending(checks.map((c) => c.title));
  const results = await runChecks(checks, ctx, (c) => {
    pending.delete(c);
    onPending([...pending].map((p) => p.title));
  });
  const go = ctx.loaded.go;
  return {
    go: go ? { path: go.path, version: go.version, goenv: go.goenv } : null,
    canary: ctx.canary,
    checks: results,
    summary: summarize(results),
    durationMs: Math.round(performance.now() - start),
  };
}

function waitingText(out: Output, titles: Text[]): string {
  const shown = titles
    .slice(0, 3)
    .map((t) => out.t(t))
    .join(', ');
  const more = titles.length - 3;
  return out.t(
    more > 0
      ? doctorMsg('spinner.waitingMore', { titles: shown, count: more })
      : doctorMsg('spinner.waiting', { titles: shown }),
  );
}

/** The check shown when the prediction itself failed: the checks' statuses decide the exit code then. */
function unpredictable(err: Error): CheckResult {
  const message = doctorMsg('check.verdict.unpredictable', { error: err.message });
  return { id: 'verdict', group: 'deps', title: doctorMsg('check.verdict.title'), status: 'warn', message };
}

/** CI: --annotate (GitHub annotations + step summary) and --junit FILE, as tidy writes them. */
function writeCi(o: DoctorOptions, out: Output, report: DoctorReport): void {
  const mode = resolveAnnotateMode(parseAnnotateMode(o.annotate ?? 'auto'), o.env);
  const write = o.json ? (l: string) => void process.stderr.write(`${l}\n`) : (l: string) => out.line(l);
  if (mode !== 'none') writeDoctorCi(mode, report.checks, report.durationMs, o.env, write, out);
  if (o.junit) writeJUnitFile(o.junit, [doctorJUnit(report.checks, { durationMs: report.durationMs })]);
}

/** Runs `gomodctl doctor`; resolves to the exit code (0 no check failed, 1 a check failed). */
export async function runDoctor(o: DoctorOptions): Promise<number> {
  const go = await resolveGoBinary(o.go, o.env);
  const start = performance.now();
  const out = createOutput({ json: o.json, color: o.color, env: o.env, lang: o.lang });
  const spinner = await out.startSpinner(out.t(doctorMsg('spinner.probing')));
  const { ctx, prober, loaded } = await buildContext(o, go);
  try {
    // Without a go.mod here (or with --module) the canary's own verdict runs beside the checks (no extra wait).
    const noProject = o.module !== undefined || loaded.goMod === null;
    const canaryRunning = noProject ? canaryVerdict(o, loaded, prober, ctx.canary).catch(() => null) : null;
    const [report, run] = await Promise.all([
      collect(ctx, (titles) => spinner.update(waitingText(out, titles))),
      computeVerdict(o, go, loaded, prober).catch((err: Error) => err),
    ]);
    if (run instanceof Error) {
      report.checks.push(unpredictable(run));
      report.summary = summarize(report.checks);
    } else if (run) report.verdict = run.verdict;
    // Issue 13: the network checks' route changes are guesses; only the fix search's verified list prints them.
    report.checks = withoutUnverifiedRouteFixes(report.checks);
    report.summary = summarize(report.checks);
    // No verdict (no module, --module, or no prediction): the canary's failures get the same fix search.
    const canaryRun = report.verdict
      ? null
      : canaryFailures(
          await (canaryRunning ?? canaryVerdict(o, loaded, prober, ctx.canary).catch(() => null)),
          report.checks,
        );
    report.durationMs = Math.round(performance.now() - start);
    spinner.stop();
    if (!out.json) renderDoctorHuman(out, report, o.verbose);
    // The fix search prints its human part after the report; its JSON part joins doctor's one document.
    const failing = run && !(run instanceof Error) && run.verdict.willFail ? run : null;
    const fix = failing
      ? await searchFixes(o, go, loaded, failing, out)
      : canaryRun
        ? await searchFixes(o, go, loaded, canaryRun, out, true)
        : null;
    if (o.fix && !report.verdict) out.info(out.t(fixMsg('fix.noVerdict')));
    if (out.json) out.printDocument('doctor', { ...doctorJson(report), ...(fix ? { fix: fix.json } : {}) });
    writeCi(o, out, report);
    if (fix && failing && o.fix?.fix) return fix.exitCode;
    // In a module the verdict decides: 1 exactly when go mod tidy would fail; a failing check elsewhere is advice.
    if (report.verdict) return report.verdict.willFail ? 1 : 0;
    return report.summary.fail > 0 ? 1 : 0;
  } finally {
    prober.close();
  }
}
