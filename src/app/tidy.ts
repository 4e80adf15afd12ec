// `gomodctl tidy`: go mod tidy -v [-x] → classifier → timeline → watchdog/probes → diagnosis → reporters.
import type { Lang } from '../core/i18n/message.js';
import { LineClassifier } from '../core/tidy/classify.js';
import { tidyArgs } from '../core/tidy/tidy-args.js';
import { Timeline } from '../core/tidy/timeline.js';
import { redactSecrets } from '../core/redact.js';
import { UsageError } from '../core/errors.js';
import { parseAnnotateMode, type AnnotateMode } from '../core/annotate-mode.js';
import type { ProbeFinding } from '../core/tidy/diagnose.js';
import type { RunEnd, TidyAttempt, TidyReport } from '../core/tidy/report-model.js';
import type { TidyEvent } from '../core/tidy/classify.js';
import type { RetryDecision } from '../core/tidy/retry.js';
import type { LoadedConfig } from '../core/loaded-config.js';
import { GoNotFoundError, goVersionFromFile, resolveGoBinary } from '../go/go-binary.js';
import { startTidyProcess, type TidyProcess } from '../go/tidy-process.js';
import { verifyModuleDir } from '../go/dirs.js';
import { render } from '../core/i18n/message.js';
import type { Output } from '../report/output.js';
import type { TidyProgress } from '../report/tidy-progress.js';
import type { Watchdog } from '../probes/tidy-watch.js';

/**
 * Everything tidy needs once go runs (configuration, reports, probes, diagnosis): imported beside go, not before it
 * starts. A warm `go mod tidy` takes ~50 ms; loading these modules first cost more than that (bench item 3).
 */
async function loadRest() {
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19] = await Promise.all([
    import('../core/tidy/progress.js').then(({ waitingNow, waitingWords }) => ({ waitingNow, waitingWords })),
    import('../core/tidy/definite.js').then(({ definiteFailure }) => ({ definiteFailure })),
    import('../core/tidy/rules.js').then(({ explainError }) => ({ explainError })),
    import('../go/download-watch.js').then(({ createDownloadWatch }) => ({ createDownloadWatch })),
    import('../core/tidy/diagnose.js').then(({ diagnose }) => ({ diagnose })),
    import('../core/tidy/report-model.js').then(({ buildTidyReport, exitCodeFor }) => ({
      buildTidyReport,
      exitCodeFor,
    })),
    import('../core/fix/fix.js').then(({ commandFix, commentFix }) => ({ commandFix, commentFix })),
    import('../core/duration.js').then(({ formatDuration }) => ({ formatDuration })),
    import('../core/go-net-bounds.js').then(({ goWaitWords }) => ({ goWaitWords })),
    import('../core/tidy/retry.js').then(({ backoffMs, decideRetry }) => ({ backoffMs, decideRetry })),
    import('../core/i18n/messages/tidy.js').then(({ tidyMsg }) => ({ tidyMsg })),
    import('../core/tidy/probe-targets.js').then(({ fallThroughTargets, toolchainZipUrl }) => ({
      fallThroughTargets,
      toolchainZipUrl,
    })),
    import('../core/goproxy.js').then(({ proxyUrls }) => ({ proxyUrls })),
    import('../report/output.js').then(({ createOutput }) => ({ createOutput })),
    import('../report/tidy-progress.js').then(({ createTidyProgress }) => ({ createTidyProgress })),
    import('../probes/tidy-watch.js').then(({ startWatchdog }) => ({ startWatchdog })),
    import('../report/tidy-render.js').then(
      ({ probeFindingText, renderHuman, spinnerText, stallStartText, stillWaitingText, tidyJson }) => ({
        probeFindingText,
        renderHuman,
        spinnerText,
        stallStartText,
        stillWaitingText,
        tidyJson,
      }),
    ),
    import('../report/junit.js').then(({ tidyJUnit, writeJUnitFile }) => ({ tidyJUnit, writeJUnitFile })),
    import('../report/tidy-ci.js').then(({ gitlabSection, resolveAnnotateMode, ciDialect, writeCiReport }) => ({
      gitlabSection,
      resolveAnnotateMode,
      ciDialect,
      writeCiReport,
    })),
    import('../go/load-config.js').then(({ loadConfig }) => ({ loadConfig })),
  ]);
  return {
    ...m0,
    ...m1,
    ...m2,
    ...m3,
    ...m4,
    ...m5,
    ...m6,
    ...m7,
    ...m8,
    ...m9,
    ...m10,
    ...m11,
    ...m12,
    ...m13,
    ...m14,
    ...m15,
    ...m16,
    ...m17,
    ...m18,
    ...m19,
  };
}

/** The modules loaded beside go (loadRest). */
type Rest = Awaited<ReturnType<typeof loadRest>>;

/** Set by runTidy once loadRest resolved (before any line of go is handled). */
let R: Rest;

/** Normalised options of `gomodctl tidy`. */
interface TidyRunOptions {
  explain: boolean;
  stallMs: number;
  timeoutMs?: number;
  json: boolean;
  /** --annotate as given: auto, github, gitlab or none. */
  annotate: string;
  /** -C as given (default "."). */
  dir: string;
  go?: string;
  /** --retry N: attempts after a transient failure (retry.ts decideRetry); 0 or absent: none. */
  retry?: number;
  /** --junit FILE: one JUnit test case per module and problem (report/junit.ts). */
  junit?: string;
  /** --stall-kill: kill a go that stalled for --stall (then a transient failure for --retry). */
  stallKill?: boolean;
  /** Extra flags for `go mod tidy` (after `--`). */
  goArgs: string[];
  color?: boolean;
  /** The language of human output; English when absent. */
  lang?: Lang;
  env?: NodeJS.ProcessEnv;
}

interface Live {
  t: Timeline;
  loaded: LoadedConfig;
  start: number;
  now(): number;
  timedOut: boolean;
  interrupted: boolean;
  /** The watchdog killed a stalled go (--stall-kill) in the current attempt. */
  stallKilled: boolean;
  /** performance.now() at which --timeout ends the command (killing go, then reporting within 0.5 s). */
  deadline?: number;
  /** Reads the module cache's partial zips into the timeline (download-watch), when GOMODCACHE is known. */
  poll?: () => Promise<void>;
  /** --retry: performance.now() at which the first attempt started (the report's durationMs is the whole run's). */
  firstStart?: number;
}

/** The options once validated: the CI dialect and the absolute module directory. */
type Resolved = Omit<TidyRunOptions, 'annotate'> & { annotate: AnnotateMode; cwd: string };

/** The error for a missing go; with --json CI still gets the one document first (the sentence goes to stderr). */
function goNotFound(out: Output, go: string): GoNotFoundError {
  const err = new GoNotFoundError(go);
  if (out.json) {
    const fix = [R.commentFix(String(err.hint ?? ''))]; // JSON documents are English
    const problem = { rule: 'go-not-found', cause: 'config' as const, message: err.message, fix };
    out.printDocument(
      'tidy',
      R.tidyJson({ outcome: 'failed', goExitCode: null, durationMs: 0, modules: [], problems: [problem] }),
    );
  }
  return err;
}

/** Runs tidy under the watchdog and reports; resolves to the exit code (0, 1, 3 or 130). */
export async function runTidy(opts: TidyRunOptions): Promise<number> {
  const entered = performance.now(); // --timeout counts from here: the whole command, not only go's part
  checkBounds(opts);
  const env = opts.env ?? process.env;
  const o: Resolved = { ...opts, annotate: parseAnnotateMode(opts.annotate), cwd: verifyModuleDir(opts.dir) };
  const go = await resolveGoBinary(o.go, env);
  const live: Live = {
    t: new Timeline(0),
    loaded: undefined as unknown as LoadedConfig, // set before any line is applied (spawnTidy waits for `ready`)
    start: performance.now(),
    now: () => performance.now() - live.start,
    timedOut: false,
    interrupted: false,
    stallKilled: false,
  };
  // Set once the rest of gomodctl is loaded, beside go (go's lines wait for `ready`, so none is written before).
  let out!: Output;
  let progress!: TidyProgress;
  // The guard is in place before go exists: a signal that arrives as go starts must still kill go's process group
  // (go runs detached; gomodctl dying first would orphan it). Handlers run later, when `proc` is set.
  let proc: TidyProcess | undefined;
  const stopGuards = guard(o, live, entered, async () => proc?.killTree());
  live.deadline = o.timeoutMs === undefined ? undefined : entered + o.timeoutMs;
  const attempts: TidyAttempt[] = [];
  let watchdog: Watchdog | undefined;
  let exitCode: number | null = null;
  try {
    // Start go first (its version from $GOROOT/VERSION, no process) and read the configuration beside it: go's lines
    // wait in spawnTidy until the configuration is there, each with the time it arrived.
    let ready = (): void => {};
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    const early = await goVersionFromFile(go, env);
    const firstEvents: TidyEvent[] = [];
    if (early) {
      const a = tidyArgs(early, o.goArgs, env.GOFLAGS);
      live.start = performance.now();
      const shown = () => progress;
      proc = spawnTidy({
        go,
        args: a.args,
        addedX: a.addedX,
        o,
        env,
        live,
        progress: shown,
        events: firstEvents,
        isReady,
      });
    }
    // Loaded now, beside go: reports, probes and load-config (execa alone is ~100 ms of module loading).
    R = await loadRest();
    out = R.createOutput({ json: o.json, color: o.color, env, lang: o.lang });
    progress = await R.createTidyProgress(out);
    const loaded = await R.loadConfig({ go, env, cwd: o.cwd });
    if (!loaded.go && (live.interrupted || live.timedOut)) {
      // The signal (or --timeout) came while `go env` ran beside the early go, and killed it too: nothing to report.
      await proc?.killTree();
      return live.interrupted ? 130 : 3;
    }
    if (!loaded.go) {
      await proc?.killTree();
      throw goNotFound(out, go);
    }
    const { args, addedX } = tidyArgs(loaded.go.version, o.goArgs, env.GOFLAGS);
    const bases = R.proxyUrls(loaded.proxies);
    Object.assign(live, { loaded, t: new Timeline(0, { proxyBases: bases }) });
    // Bytes are progress: the module cache shows each zip body growing (Go's -x line closes at the headers).
    const cache = loaded.gomodcache ? R.createDownloadWatch(loaded.gomodcache) : undefined;
    const poll = cache ? () => cache.tick(live.t, live.now) : undefined;
    if (poll) live.poll = poll;
    ready();
    for (let n = 1; ; n++) {
      if (n > 1) live.firstStart ??= live.start;
      if (n > 1) Object.assign(live, { t: new Timeline(0, { proxyBases: bases }), start: performance.now() });
      live.stallKilled = false;
      const events = n === 1 ? firstEvents : [];
      if (n > 1 || !proc) {
        if (n === 1) live.start = performance.now();
        proc = spawnTidy({ go, args, addedX, o, env, live, progress: () => progress, events, isReady });
      }
      const p = proc;
      watchdog = R.startWatchdog(live.t, live.now, {
        stallMs: o.stallMs,
        env,
        goVersion: loaded.go.version,
        model: loaded.model,
        proxies: loaded.proxies,
        ...(poll ? { poll } : {}),
        ...(live.deadline !== undefined ? { timeLeftMs: () => live.deadline! - performance.now() } : {}),
        ...stallNotices(
          o,
          live,
          progress,
          () => {
            live.stallKilled = true; // --stall-kill: a stalled go is killed, then judged transient (retry.ts)
            void p.killTree();
          },
          out,
        ),
      });
      exitCode = (await proc.done).exitCode;
      const decision = R.decideRetry(
        { events, goExitCode: exitCode, ...killedBy(live) },
        { attempt: n, maxRetries: o.retry ?? 0 },
      );
      const attempt = attemptOf(n, live, exitCode, decision);
      if (o.retry) attempts.push(attempt);
      if (!decision.retry) break;
      const waitMs = R.backoffMs(n, Math.random);
      if (live.deadline !== undefined && performance.now() + waitMs >= live.deadline) {
        attempt.reason += '; no time left before --timeout';
        break;
      }
      attempt.waitMs = waitMs;
      await watchdog.stop(0);
      if (o.explain && !o.json)
        progress.writeLine(
          `gomodctl: attempt ${n} failed (${decision.reason}); retrying in ${R.formatDuration(waitMs)}`,
        );
      await sleepUnless(waitMs, () => live.interrupted || live.timedOut);
      if (live.interrupted || live.timedOut) break;
    }
  } catch (err) {
    await watchdog?.stop();
    throw err;
  } finally {
    stopGuards();
    progress?.stop();
  }
  return finish(o, out, env, live, watchdog!, exitCode, attempts);
}

/** Why gomodctl killed go, for the retry policy: Ctrl-C, --timeout, or the watchdog (--stall-kill). */
function killedBy(live: Live): { killed?: 'stall' | 'timeout' | 'interrupt' } {
  if (live.interrupted) return { killed: 'interrupt' };
  if (live.timedOut) return { killed: 'timeout' };
  return live.stallKilled ? { killed: 'stall' } : {};
}

/** One attempt as the report lists it. */
function attemptOf(n: number, live: Live, exitCode: number | null, d: RetryDecision): TidyAttempt {
  const a: TidyAttempt = {
    attempt: n,
    goExitCode: live.interrupted || live.timedOut || live.stallKilled ? null : exitCode,
    durationMs: Math.round(live.now()),
    result: d.kind,
    rule: d.rule,
    reason: d.reason,
    retried: d.retry,
  };
  if (d.line !== undefined) a.line = redactSecrets(d.line);
  return a;
}

/** Waits `ms`, ending early when `stop()` turns true (Ctrl-C or --timeout during the back-off). */
async function sleepUnless(ms: number, stop: () => boolean): Promise<void> {
  const until = performance.now() + ms;
  while (!stop() && performance.now() < until)
    await new Promise((r) => setTimeout(r, Math.min(50, Math.max(0, until - performance.now()))));
}

/** The events the retry policy reads (retry.ts linesOf): errors, unknown lines and the failed requests of the trace. */
const KEPT_FOR_RETRY = new Set<TidyEvent['kind']>(['error', 'unknown', 'get-error', 'get-done']);

/**
 * Starts go; every stderr line goes to the classifier and timeline, and is passed through unless it is our -x trace.
 * With --json go's stdout (`-diff` prints there, Go ≥ 1.23) goes to stderr: stdout holds the one JSON document.
 */
/** What spawnTidy needs: the command, where its lines go, and when the configuration they are read with is there. */
interface SpawnArgs {
  go: string;
  args: string[];
  addedX: boolean;
  o: Resolved;
  env: NodeJS.ProcessEnv;
  live: Live;
  /** Where go's lines and our notices are written (set before `isReady` resolves). */
  progress: () => TidyProgress;
  /** Where the lines the retry policy reads are kept. */
  events: TidyEvent[];
  /** Resolves once live.loaded and live.t are set; lines before it wait, with the time they arrived. */
  isReady: Promise<void>;
}

function spawnTidy({ go, args, addedX, o, env, live, progress, events, isReady }: SpawnArgs) {
  const classifier = new LineClassifier();
  const told = new Set<string>();
  const tell = !o.explain || o.json ? undefined : (l: string) => progress().writeLine(redactSecrets(l));
  const handle = (line: string, at: number): void => {
    const ev = classifier.push(line);
    live.t.apply(ev, at - live.start);
    if (KEPT_FOR_RETRY.has(ev.kind) && events.length < 512) events.push(ev); // what decideRetry reads, bounded
    // A definite failure is said as soon as it is seen (the run may go on for minutes before go gives up).
    const definite = tell && R.definiteFailure(ev, live.loaded.proxies);
    const mod = definite ? definite.detail.module! : '';
    const parentProbe = definite && [...live.t.modules.keys()].some((m) => m.startsWith(`${mod}/`)); // Go's prefix asks
    if (definite && tell && !parentProbe && !told.has(definite.detail.url!)) {
      told.add(definite.detail.url!);
      tell(
        `gomodctl: ${render(R.explainError(definite, live.loaded.model, live.loaded.proxies).message, o.lang ?? 'en')}`,
      );
    }
    const traced = ev.kind.startsWith('get-') || ev.kind === 'vcs';
    if (!(addedX && traced)) progress().writeLine(redactSecrets(line)); // pass Go's own output through
  };
  let waiting: Array<[string, number]> | null = [];
  void isReady.then(() => {
    for (const [line, at] of waiting ?? []) handle(line, at);
    waiting = null;
  });
  return startTidyProcess({
    go,
    args,
    cwd: o.cwd,
    env,
    stdoutToStderr: o.json,
    onLine: (line) => (waiting ? void waiting.push([line, performance.now()]) : handle(line, performance.now())),
  });
}

/**
 * Spinner text on every tick; with --explain (human mode) a notice when the stall is detected and what probes found.
 */
function stallNotices(o: Resolved, live: Live, progress: TidyProgress, kill: () => void, out: Output) {
  const say = !o.explain || o.json ? () => {} : (text: string) => progress.writeLine(redactSecrets(text));
  return {
    onTick: (quiet: number) => progress.update(R.spinnerText(live.t.current, live.now(), quiet, out)),
    onStallStart: (quiet: number, targets: string[]) => {
      // The same subject the final report blames (core/tidy/progress.ts waitingNow): a stopped body, a toolchain, …
      const w = R.waitingNow(live.t, live.loaded.model, live.now());
      const what = w ? R.waitingWords(w) : (live.t.current ?? 'go');
      say(R.stallStartText(quiet, what, targets.length, out));
      if (o.stallKill) {
        say(out.t(R.tidyMsg('stall.kill')));
        kill();
      }
    },
    onStall: (_quiet: number, findings: ProbeFinding[]) => {
      for (const f of findings) say(R.probeFindingText(f, out));
      // What Go itself does at the phase the probe stalled in (TLS handshake 10 s, CONNECT 1 min, response: no limit).
      const bad = findings.find((f) => !f.ok);
      if (findings.length) say(R.stillWaitingText(R.goWaitWords(bad), out));
    },
  };
}

/** --stall and --timeout must be positive (parseDuration refuses others on the command line; the API too). */
function checkBounds(o: TidyRunOptions): void {
  for (const [flag, ms] of [
    ['--stall', o.stallMs],
    ['--timeout', o.timeoutMs],
  ] as const)
    if (ms !== undefined && !(Number.isFinite(ms) && ms > 0))
      throw new UsageError(`invalid ${flag} "${ms}ms": expected a positive duration such as 500ms, 5s or 1m30s`);
}

/** Signals that end gomodctl: SIGHUP (terminal closed, SSH dropped) and SIGQUIT too, or go would outlive us. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/** --timeout and Ctrl-C/SIGTERM/SIGHUP/SIGQUIT: kill the whole tree and remember why. */
function guard(o: Resolved, live: Live, entered: number, killTree: () => Promise<void>): () => void {
  const timer = o.timeoutMs
    ? setTimeout(
        () => {
          live.timedOut = true;
          void killTree();
        },
        Math.max(0, o.timeoutMs - (performance.now() - entered)),
      )
    : undefined;
  const onSignal = (): void => {
    live.interrupted = true;
    void killTree();
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  return () => {
    if (timer) clearTimeout(timer);
    for (const s of STOP_SIGNALS) process.off(s, onSignal);
  };
}

async function finish(
  o: Resolved,
  out: Output,
  env: NodeJS.ProcessEnv,
  live: Live,
  watchdog: Watchdog,
  exitCode: number | null,
  attempts: TidyAttempt[],
): Promise<number> {
  const killed = live.timedOut || live.interrupted || live.stallKilled;
  await live.poll?.().catch(() => undefined); // the bytes as they were when go ended
  live.t.transfers.endRun(exitCode === 0 && !killed, live.now());
  const stalledNow = watchdog.stalled();
  // After --timeout the report is due within 0.5 s: probes get what is left of that, the rest is rendering.
  const left = live.deadline === undefined ? Number.POSITIVE_INFINITY : live.deadline + 250 - performance.now();
  if (killed && left >= 150 && live.t.pending().length + live.t.pendingPackages.size > 0)
    await watchdog.probeNow(Math.min(o.stallMs, 1500, left));
  // Go < 1.21 failed at direct after `|`: probe the proxies it fell through, so the report says what sent it there.
  if (!killed && exitCode !== 0 && !live.t.sawTrace) {
    const errs = live.t.errors.flatMap((e) => (e.kind === 'error' ? [e.detail] : []));
    const targets = R.fallThroughTargets(live.t, errs, live.loaded.model, live.loaded.proxies);
    if (targets.length) await watchdog.probeNow(Math.min(o.stallMs, 1500), targets);
  }
  await watchdog.stop(live.timedOut ? Math.max(0, live.deadline! + 400 - performance.now()) : undefined);
  const end: RunEnd = {
    goExitCode: killed ? null : exitCode,
    timedOut: live.timedOut,
    interrupted: live.interrupted,
    stalled: stalledNow || live.stallKilled,
  };
  const quiet = live.now() - live.t.lastActivityMs();
  const problems = R.diagnose(live.t, {
    model: live.loaded.model,
    proxies: live.loaded.proxies,
    stalled: killed,
    stalledForMs: quiet,
    stallMs: o.stallMs,
    now: live.now(),
    probes: watchdog.findings(),
    toolchainUrl: R.toolchainZipUrl(live.t, live.loaded.model),
  });
  const badFlag = exitCode === 2 && live.t.unknownLines.find((l) => /^flag provided but not defined: /.test(l));
  if (badFlag) {
    // go rejected the extra flags after "--": that is bad usage of gomodctl tidy (exit 2), not a failed tidy.
    problems.unshift({
      rule: 'bad-go-flag',
      cause: 'config',
      message: `go mod tidy does not accept ${badFlag.replace(/^flag provided but not defined: /, '')} (given after --)`,
      fix: [R.commandFix(['go', 'help', 'mod', 'tidy'], 'the flags go mod tidy accepts')],
    });
  }
  const wholeRun = live.firstStart === undefined ? live.now() : performance.now() - live.firstStart;
  const report = R.buildTidyReport(live.t, problems, end, wholeRun);
  if (attempts.length) report.attempts = attempts;
  print(o, out, env, report, live);
  return badFlag ? 2 : R.exitCodeFor(end);
}

function print(o: Resolved, out: Output, env: NodeJS.ProcessEnv, report: TidyReport, live: Live): void {
  const mode = R.resolveAnnotateMode(o.annotate, env);
  const ctx = {
    timeoutMs: o.timeoutMs,
    interrupted: live.interrupted,
    requestCount: live.t.requestCount,
    go: o.go ?? 'go',
    stallMs: o.stallMs,
    dialect: R.ciDialect(mode),
  };
  const write = o.json ? (l: string) => void process.stderr.write(`${l}\n`) : (l: string) => out.line(l);
  if (o.json) out.printDocument('tidy', R.tidyJson(report));
  else {
    const lines = R.renderHuman(report, ctx, o.explain, out.c, out);
    const shown =
      mode === 'gitlab' && lines.length > 1
        ? R.gitlabSection('gomodctl_tidy', lines[0]!, lines.slice(1), undefined, report.outcome === 'ok')
        : lines;
    for (const l of shown) out.line(l);
  }
  if (mode !== 'none') R.writeCiReport(mode, report, env, write, out);
  if (o.junit) R.writeJUnitFile(o.junit, [R.tidyJUnit(report)]);
}
