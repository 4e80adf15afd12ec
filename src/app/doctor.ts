// `gomodctl doctor`: loads the configuration, builds the check context (config, go.mod facts, bounded probe) and
// runs every validator concurrently, then renders the report. Exit code 1 when a check failed.
import { parseAnnotateMode, resolveAnnotateMode } from '../report/tidy-ci.js';
import { writeDoctorCi } from '../report/doctor-ci.js';
import { doctorJUnit, writeJUnitFile } from '../report/junit.js';
import { runChecks, summarize } from '../core/doctor/check.js';
import { chooseCanary } from '../core/doctor/canary.js';
import { doctorChecks, finishResults } from '../core/doctor/checks/all-checks.js';
import type { DoctorContext, DoctorReport } from '../core/doctor/checks/context.js';
import { configuredGoAuth } from '../core/goauth.js';
import { getGitVersion } from '../go/git.js';
import { loadConfig } from '../go/load-config.js';
import { getReplaceDirs } from '../go/dirs.js';
import { resolveGoBinary } from '../go/run-go.js';
import { createGoProber, type GoProber } from '../probes/go-prober.js';
import { doctorJson, renderDoctorHuman } from '../report/doctor-report.js';
import { createOutput } from '../report/output.js';
import type { RunOptions } from './run-options.js';

/** Options of `gomodctl doctor`, normalised by the command. */
export interface DoctorOptions extends RunOptions {
  cwd: string;
  timeoutMs: number;
  module?: string;
  deps: boolean;
  verbose: boolean;
  /** --annotate: auto, github, gitlab or none (default auto). */
  annotate?: string;
  /** --junit FILE: one JUnit test case per check. */
  junit?: string;
}

/** Builds the context the validators run against: configuration facts and the edge operations they may call. */
async function buildContext(o: DoctorOptions, go: string): Promise<{ ctx: DoctorContext; prober: GoProber }> {
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
  return { ctx, prober };
}

/** Runs every check (all at once, results in report order) and reports which are still pending. */
async function collect(ctx: DoctorContext, onPending: (titles: string[]) => void): Promise<DoctorReport> {
  const start = performance.now();
  const checks = doctorChecks(ctx);
  const pending = new Set(checks);
  onPending(checks.map((c) => c.title));
  const raw = await runChecks(checks, ctx, (c) => {
    pending.delete(c);
    onPending([...pending].map((p) => p.title));
  });
  const results = finishResults(raw, ctx);
  const go = ctx.loaded.go;
  return {
    go: go ? { path: go.path, version: go.version, goenv: go.goenv } : null,
    canary: ctx.canary,
    checks: results,
    summary: summarize(results),
    durationMs: Math.round(performance.now() - start),
  };
}

function waitingText(titles: string[]): string {
  return `waiting for ${titles.slice(0, 3).join(', ')}${titles.length > 3 ? ` and ${titles.length - 3} more` : ''}…`;
}

/** Runs `gomodctl doctor`; resolves to the exit code (0 no check failed, 1 a check failed). */
export async function runDoctor(o: DoctorOptions): Promise<number> {
  const go = await resolveGoBinary(o.go, o.env);
  const start = performance.now();
  const out = createOutput({ json: o.json, color: o.color, env: o.env, lang: o.lang });
  const spinner = await out.startSpinner('probing proxies, checksum database and private hosts…');
  const { ctx, prober } = await buildContext(o, go);
  const report = await collect(ctx, (titles) => spinner.update(waitingText(titles))).finally(() => prober.close());
  report.durationMs = Math.round(performance.now() - start);
  spinner.stop();
  if (out.json) out.printDocument('doctor', doctorJson(report));
  else renderDoctorHuman(out, report, o.verbose);
  // CI: --annotate (GitHub annotations + step summary) and --junit FILE, as tidy writes them.
  const mode = resolveAnnotateMode(parseAnnotateMode(o.annotate ?? 'auto'), o.env);
  const write = o.json ? (l: string) => void process.stderr.write(`${l}\n`) : (l: string) => out.line(l);
  if (mode !== 'none') writeDoctorCi(mode, report.checks, report.durationMs, o.env, write);
  if (o.junit) writeJUnitFile(o.junit, [doctorJUnit(report.checks, { durationMs: report.durationMs })]);
  return report.summary.fail > 0 ? 1 : 0;
}
