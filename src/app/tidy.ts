// `gomodctl tidy`: go mod tidy -v [-x] → classifier → timeline → watchdog/probes → diagnosis → reporters.
import { dirname } from 'node:path';
import type { Lang } from '../core/i18n/message.js';
import { LineClassifier } from '../core/tidy/classify.js';
import { tidyArgs } from '../core/tidy/tidy-args.js';
import { goAtLeast } from '../core/go-version.js';
import { Timeline } from '../core/tidy/timeline.js';
import { redactSecrets } from '../core/redact.js';
import { UsageError } from '../core/errors.js';
import { parseAnnotateMode, type AnnotateMode } from '../core/annotate-mode.js';
import type { ProbeFinding } from '../core/tidy/diagnose.js';
import type { RunEnd, TidyAttempt, TidyProblem, TidyReport } from '../core/tidy/report-model.js';
import type { TidyEvent } from '../core/tidy/classify.js';
import type { RetryDecision } from '../core/tidy/retry.js';
import type { LoadedConfig } from '../core/loaded-config.js';
import type { Need } from '../core/needs/types.js';
import { GoNotFoundError, goVersionFromFile, resolveGoBinary } from '../go/go-binary.js';
import { startTidyProcess } from '../go/tidy-process.js';
import { startGoEnv } from '../go/run-go.js';
import { bounded } from '../core/bounded.js';
import { dropEarly, STOP_SIGNALS, type EarlyTidy } from './tidy-start.js';
import { verifyModuleDir } from '../go/dirs.js';
import { render } from '../core/i18n/message.js';
import type { Output } from '../report/output.js';
import type { TidyProgress } from '../report/tidy-progress.js';
import type { Watchdog } from '../probes/tidy-watch.js';
import type { RunningSearch } from './tidy-verify.js';

/**
 * What every run needs once go runs (output, progress, the light watchdog, the report), in one module: imported beside
 * go, not before it starts. A warm `go mod tidy` takes ~50 ms; loading everything first cost more than that (bench 3).
 */
const loadRest = () => import('./tidy-rest.js');

/**
 * What only a run in trouble needs (the rules and the diagnosis, what go waits on, the probe targets, JUnit): loaded
 * when a failure shows in the trace, when go has been quiet for half of --stall, fails or stalls, and for --junit.
 */
const loadTroubleModules = () => import('./tidy-trouble.js');

/** The modules of a run in trouble (loadTroubleModules). */
type Trouble = Awaited<ReturnType<typeof loadTroubleModules>>;

let troubleLoading: Promise<Trouble> | undefined;

/** Set once the trouble modules are loaded. */
let T: Trouble | undefined;

/** Loads the trouble modules once; resolves when T is set. */
function loadTrouble(): Promise<Trouble> {
  troubleLoading ??= loadTroubleModules().then((m) => (T = m));
  return troubleLoading;
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
  /** A go already started for this command (cli/tidy-fast.ts): used when it runs what runTidy would start. */
  early?: EarlyTidy | undefined;
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
  /** Resolves once the stall notices of the current attempt are written (they wait for the trouble modules). */
  noticesWritten?: () => Promise<void>;
  /** --retry: performance.now() at which the first attempt started (the report's durationMs is the whole run's). */
  firstStart?: number;
  /** live.now() when the last go ended (exited and its stderr read): the clock of the diagnosis. */
  endedAt?: number;
  /** The fix search started for the stall's problems (app/tidy-verify.ts), reused by the report when it covers it. */
  fixSearch?: RunningSearch;
  /** The report is out (or the run failed): no fix search may start any more. */
  reported?: boolean;
}

/** The options once validated: the CI dialect and the absolute module directory. */
type Resolved = Omit<TidyRunOptions, 'annotate'> & { annotate: AnnotateMode; cwd: string };

/** The error for a missing go; with --json CI still gets the one document first (the sentence goes to stderr). */
async function goNotFound(out: Output, go: string): Promise<GoNotFoundError> {
  const err = new GoNotFoundError(go);
  if (out.json) {
    const { commentFix } = await import('../core/fix/fix.js');
    const fix = [commentFix(String(err.hint ?? ''))]; // JSON documents are English
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
  // --timeout counts from here (or from where the fast path was entered): the whole command, not only go's part.
  const entered = opts.early?.entered ?? performance.now();
  const env = opts.env ?? process.env;
  let o: Resolved;
  let go: string;
  try {
    await checkBounds(opts);
    o = { ...opts, annotate: parseAnnotateMode(opts.annotate), cwd: verifyModuleDir(opts.dir) };
    go = await resolveGoBinary(o.go, env);
  } catch (err) {
    await dropEarly(opts.early); // bad usage: the go started early must not run on
    throw err;
  }
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
  let proc: ReturnType<typeof spawnTidy> | undefined;
  const stopGuards = guard(o, live, entered, async () => proc?.killTree());
  // The early go is used only when it runs exactly what would be started here (else it is killed, and started anew).
  const early = opts.early && sameRun(opts.early, go, o, env) ? opts.early : await dropEarly(opts.early);
  if (early) {
    early.releaseSignals(); // guard() handles them from now on
    if (early.signalled()) live.interrupted = true; // go was killed by the early handler
  }
  live.deadline = o.timeoutMs === undefined ? undefined : entered + o.timeoutMs;
  const attempts: TidyAttempt[] = [];
  let watchdog: Watchdog | undefined;
  let exitCode: number | null = null;
  try {
    // Start go first (its version from $GOROOT/VERSION, no process) and read the configuration beside it: go's lines
    // wait in spawnTidy until the configuration is there, each with the time it arrived.
    let ready = (): void => {};
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    const version = early ? early.version : goVersionFromFile(go, env);
    const firstEvents: TidyEvent[] = [];
    if (version) {
      const a = early ?? tidyArgs(version, o.goArgs, env.GOFLAGS);
      live.start = early ? early.startedAt : performance.now();
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
        ...(early ? { started: early } : {}),
      });
    }
    // The configuration (`go env -json`, the GOENV file, go.mod) is read beside go and beside the modules below; for a
    // go that succeeds within GO_ENV_AFTER_MS, worked out without `go env` (chooseConfig).
    const configModule = import('../go/load-config.js');
    let reported: Promise<Record<string, string> | null> | undefined;
    const fromGo = (timeoutMs?: number) =>
      configModule.then(({ loadConfig }) =>
        loadConfig({
          go,
          env,
          cwd: o.cwd,
          reported: (reported ??= startGoEnv({
            go,
            env,
            cwd: o.cwd,
            ...(timeoutMs === undefined ? {} : { timeoutMs }),
          })),
        }),
      );
    const config = proc && version ? chooseConfig(proc, version, go, env, o.cwd, live, fromGo) : fromGo();
    config.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    R = await loadRest();
    out = R.createOutput({ json: o.json, color: o.color, env, lang: o.lang });
    progress = await R.createTidyProgress(out);
    const loaded = await config;
    if (!loaded.go && (live.interrupted || live.timedOut)) {
      // The signal (or --timeout) came while `go env` ran beside the early go, and killed it too: nothing to report.
      await proc?.killTree();
      return live.interrupted ? 130 : 3;
    }
    if (!loaded.go) {
      await proc?.killTree();
      throw await goNotFound(out, go);
    }
    const { args, addedX } = tidyArgs(loaded.go.version, o.goArgs, env.GOFLAGS);
    const bases = R.proxyUrls(loaded.proxies);
    // Go < 1.21 prints no request (not even under `-- -x`): whether a whole zip waits on the checksum database is
    // told from go.sum and the settings.
    const settings = R.sumdbSettingsOf(loaded.model, env);
    const zipSums = goAtLeast(loaded.go.version, '1.21')
      ? undefined
      : { sums: await R.readGoSums(loaded.goModPath ? dirname(loaded.goModPath) : o.cwd), settings }; // go.sum beside go.mod
    const timeline = () => new Timeline(0, { proxyBases: bases, ...(zipSums ? { zipSums } : {}) });
    Object.assign(live, { loaded, t: timeline() });
    // Bytes are progress: the module cache shows each zip body growing (Go's -x line closes at the headers).
    const gomodcache = loaded.gomodcache ?? '';
    const sumdbName = () => R.sumdbName(settings.GOSUMDB) ?? undefined; // where Go caches its lookups
    const cache = gomodcache ? R.createDownloadWatch(gomodcache, { sumdbName }) : undefined;
    const poll = cache ? () => cache.tick(live.t, live.now) : undefined;
    if (poll) live.poll = poll;
    ready();
    for (let n = 1; ; n++) {
      if (n > 1) {
        live.firstStart ??= live.start;
        Object.assign(live, { t: timeline(), start: performance.now() });
        // The last attempt's search probed before a failure judged transient: this attempt's stall starts its own.
        live.fixSearch?.close();
        live.fixSearch = undefined;
      }
      live.stallKilled = false;
      const events = n === 1 ? firstEvents : [];
      if (n > 1 || !proc) {
        if (n === 1) live.start = performance.now();
        proc = spawnTidy({ go, args, addedX, o, env, live, progress: () => progress, events, isReady });
      }
      const p = proc;
      const notices = stallNotices(
        o,
        live,
        env,
        progress,
        () => {
          live.stallKilled = true; // --stall-kill: a stalled go is killed, then judged transient (retry.ts)
          void p.killTree();
        },
        out,
      );
      live.noticesWritten = notices.written;
      watchdog = R.startWatchdog(live.t, live.now, {
        stallMs: o.stallMs,
        env,
        goVersion: loaded.go.version,
        model: loaded.model,
        proxies: loaded.proxies,
        ...(poll ? { poll } : {}),
        catchUp: () => p.readNow(),
        ...(gomodcache
          ? { versionBeingChecked: (m: string) => loadTrouble().then((T) => T.versionBeingChecked(gomodcache, m)) }
          : {}),
        ...(live.deadline !== undefined ? { timeLeftMs: () => live.deadline! - performance.now() } : {}),
        onTick: notices.onTick,
        onQuiet: () => void loadTrouble().catch(() => undefined), // a failure shows where the modules are needed
        onStallStart: notices.onStallStart,
        onStall: notices.onStall,
      });
      exitCode = (await proc.done).exitCode;
      live.endedAt = live.now();
      await proc.handled; // every line of go's is in the timeline (a line may wait for the trouble modules)
      const decision = R.decideRetry(
        { events, goExitCode: exitCode, ...killedBy(live) },
        { attempt: n, maxRetries: o.retry ?? 0 },
      );
      const attempt = attemptOf(n, live, exitCode, decision);
      if (o.retry) attempts.push(attempt);
      if (!decision.retry) break;
      const waitMs = R.backoffMs(n, Math.random);
      if (live.deadline !== undefined && performance.now() + waitMs >= live.deadline) {
        attempt.reason = R.tidyMsg('retry.noTimeLeft', { reason: attempt.reason });
        break;
      }
      attempt.waitMs = waitMs;
      await watchdog.stop(0);
      await notices.written();
      if (o.explain && !o.json)
        progress.writeLine(
          out.t(R.tidyMsg('retry.line', { attempt: n, reason: decision.reason, wait: R.formatDuration(waitMs) })),
        );
      await sleepUnless(waitMs, () => live.interrupted || live.timedOut);
      if (live.interrupted || live.timedOut) break;
    }
    await live.noticesWritten?.(); // before the spinner stops
  } catch (err) {
    await watchdog?.stop();
    live.reported = true;
    live.fixSearch?.close();
    throw err;
  } finally {
    stopGuards();
    progress?.stop();
  }
  try {
    return await finish(o, out, env, live, watchdog!, exitCode, attempts);
  } finally {
    // The report is out (or failed): a search started at the stall that it did not wait for stops, none starts.
    live.reported = true;
    live.fixSearch?.close();
  }
}

/**
 * `go env -json` is a second go process: on 2 cores it slowed a warm `go mod tidy` (~55 ms) by 5-8 ms. It is started
 * once go has run this long (from go's start), or when go ended other than by succeeding (the diagnosis reads what go
 * reports); a go that succeeded before is read with the configuration worked out as Go does (computeConfig).
 */
const GO_ENV_AFTER_MS = 100;

/** How long `go env -json` may take after a Ctrl-C that came before it was started (startGoEnv's own bound: 15 s). */
const INTERRUPTED_GO_ENV_MS = 1000;

/**
 * The configuration go's lines are read with (they wait for it). For a go that succeeded within GO_ENV_AFTER_MS, the
 * computed one, kept only for a trace with nothing to diagnose whose every proxy URL reads the same with its GOPROXY
 * (healthy.ts proxyTraceUnder): then the report is the one go's own would give. Else, go's.
 */
async function chooseConfig(
  proc: ReturnType<typeof spawnTidy>,
  version: string,
  go: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  live: Live,
  fromGo: (timeoutMs?: number) => Promise<LoadedConfig>,
): Promise<LoadedConfig> {
  // Worked out beside go (a few file reads): when go ends, only the check is left.
  const computing = import('../go/load-config.js').then(({ computeConfig }) =>
    computeConfig({ go, env, cwd, version }),
  );
  computing.catch(() => undefined); // awaited below, or never (go ran on): not an unhandled rejection
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, GO_ENV_AFTER_MS - live.now()));
  });
  const ended = proc.done.then(
    (r) => (r.exitCode === 0 ? 'ok' : 'failed'),
    () => 'failed',
  );
  const first = await Promise.race([late, ended]);
  clearTimeout(timer);
  if (first === 'ok' && !live.interrupted && !live.timedOut) {
    const computed = await computing.catch(() => null);
    const rest = await loadRest();
    if (computed && rest.proxyTraceUnder(proc.waiting(), rest.proxyUrls(computed.proxies))) return computed;
  }
  if (live.interrupted || live.timedOut) {
    // Ctrl-C or --timeout before go env was started: the report is due at once (within 0.5 s of --timeout; a second
    // after Ctrl-C, or sooner where --timeout falls before that), so go env gets only what is left of that, and where it
    // has not answered by then the configuration worked out as Go does reads the run (a go env that never answers gave
    // no report at all). That one has no GOMODCACHE and no go.mod but <cwd>/go.mod: enough to name what go printed.
    // Not null: the version came from the installation's VERSION, so its GOROOT is known (computeConfig).
    const byDeadline = live.deadline === undefined ? Number.POSITIVE_INFINITY : live.deadline + 200 - performance.now();
    const left = live.interrupted ? Math.min(INTERRUPTED_GO_ENV_MS, byDeadline) : byDeadline;
    const reported = await fromGo(Math.max(50, Math.round(left))).catch(() => null);
    if (reported?.go) return reported;
    return (await computing.catch(() => null)) ?? reported ?? fromGo();
  }
  return fromGo();
}

/** Whether the early go runs what runTidy would start: the same binary, directory, environment and stdout. */
function sameRun(e: EarlyTidy, go: string, o: Resolved, env: NodeJS.ProcessEnv): boolean {
  const a = tidyArgs(e.version, o.goArgs, env.GOFLAGS);
  return (
    e.go === go &&
    e.cwd === o.cwd &&
    e.env === env &&
    e.stdoutToStderr === o.json &&
    e.addedX === a.addedX &&
    e.args.length === a.args.length &&
    e.args.every((x, i) => x === a.args[i])
  );
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
  /** go, already started (app/tidy-start.ts): its lines are taken over instead of starting another. */
  started?: EarlyTidy;
}

/**
 * A line of go's, with the time it arrived and its event: classified as it arrives (classify.ts needs no
 * configuration), applied to the timeline once the configuration is there.
 */
interface GoLine {
  line: string;
  at: number;
  ev: TidyEvent;
  applied?: true;
}

function spawnTidy({ go, args, addedX, o, env, live, progress, events, isReady, started }: SpawnArgs) {
  const classifier = new LineClassifier();
  const told = new Set<string>();
  let troubleFailed = false;
  const tell = !o.explain || o.json ? undefined : (l: string) => progress().writeLine(redactSecrets(l));
  /** Handles one line; false when it waits for the trouble modules (then it is handled again once they are in). */
  const handle = (item: GoLine): boolean => {
    const ev = item.ev;
    if (!item.applied) {
      item.applied = true;
      live.t.apply(ev, item.at - live.start);
      if (KEPT_FOR_RETRY.has(ev.kind) && events.length < 512) events.push(ev); // what decideRetry reads, bounded
    }
    if (tell && !T && !troubleFailed && R.needsTrouble(ev)) {
      // Never stuck: if the modules cannot load, the lines go on without the early notice (the report says why).
      void loadTrouble().then(resume, () => {
        troubleFailed = true;
        resume();
      });
      return false;
    }
    // A definite failure is said as soon as it is seen (the run may go on for minutes before go gives up).
    const definite = tell && T?.definiteFailure(ev, live.loaded.proxies);
    const mod = definite ? definite.detail.module! : '';
    const parentProbe = definite && [...live.t.modules.keys()].some((m) => m.startsWith(`${mod}/`)); // Go's prefix asks
    if (T && definite && tell && !parentProbe && !told.has(definite.detail.url!)) {
      told.add(definite.detail.url!);
      const problem = T.explainError(definite, live.loaded.model, live.loaded.proxies).message;
      tell(render(R.tidyMsg('stall.definite', { problem }), o.lang ?? 'en'));
    }
    const traced = ev.kind.startsWith('get-') || ev.kind === 'vcs';
    if (!(addedX && traced)) progress().writeLine(redactSecrets(item.line)); // pass Go's own output through
    return true;
  };
  // Lines wait here, in order, until the configuration is there, and while the trouble modules load.
  let queue: GoLine[] | null = [];
  let idle: (() => void) | undefined;
  const resume = (): void => {
    if (!queue) return;
    while (queue.length) {
      if (!handle(queue[0]!)) return;
      queue.shift();
    }
    queue = null;
    idle?.();
  };
  void isReady.then(resume);
  const onLine = (line: string, at = performance.now()): void => {
    const item: GoLine = { line, at, ev: classifier.push(line) }; // beside go, even while the line waits
    if (queue) queue.push(item);
    else if (!handle(item)) queue = [item];
  };
  const proc = started
    ? started.proc
    : startTidyProcess({ go, args, cwd: o.cwd, env, stdoutToStderr: o.json, onLine: (line) => onLine(line) });
  started?.attach(onLine);
  // A Ctrl-C or --timeout that came before go existed (resolving go, reading its VERSION) found nothing to kill.
  if (live.interrupted || live.timedOut) void proc.killTree();
  // Once go ended (every line read), resolves when every line was handled.
  const handled = proc.done.then(() => (queue === null ? undefined : new Promise<void>((resolve) => (idle = resolve))));
  /** The events of the lines still waiting (all of them, when go ended before the configuration was there). */
  const waiting = (): TidyEvent[] => queue?.map((item) => item.ev) ?? [];
  // A go that could not be started (ENOENT, EACCES) is this module's GoNotFoundError, whoever spawned it.
  const done = proc.done.then((r) => {
    if (r.notStarted) throw new GoNotFoundError(go);
    return r;
  });
  done.catch(() => undefined); // awaited by runTidy, maybe later than it settles: not an unhandled rejection
  return { ...proc, done, handled, waiting };
}

/**
 * Spinner text on every tick; with --explain (human mode) a notice when the stall is detected and what probes found.
 */
function stallNotices(
  o: Resolved,
  live: Live,
  env: NodeJS.ProcessEnv,
  progress: TidyProgress,
  kill: () => void,
  out: Output,
) {
  const say = !o.explain || o.json ? () => {} : (text: string) => progress.writeLine(redactSecrets(text));
  // The notices need the trouble modules (loaded by now unless --stall is very short): written in order, after them.
  let chain: Promise<void> = Promise.resolve();
  const then = (write: (t: Trouble) => void): void => {
    chain = chain.then(loadTrouble).then(write);
    chain.catch(() => undefined); // awaited (and thrown) when the notices are written; not unhandled meanwhile
  };
  return {
    written: () => chain,
    onTick: (quiet: number) => progress.update(R.spinnerText(live.t.current, live.now(), quiet, out)),
    onStallStart: (quiet: number, targets: string[]) => {
      const now = live.now();
      then((T) => {
        // The same subject the final report blames (core/tidy/progress.ts waitingNow): a stopped body, a toolchain, …
        const w = T.waitingNow(live.t, live.loaded.model, now);
        const what = w ? T.waitingWords(w) : (live.t.current ?? 'go');
        say(R.stallStartText(quiet, what, targets.length, out));
        if (o.stallKill) say(out.t(R.tidyMsg('stall.kill')));
      });
      if (o.stallKill) kill();
    },
    onStall: (_quiet: number, findings: ProbeFinding[]) => {
      then((T) => {
        // The stall is confirmed: the fix search for what it would be reported as starts now, so that its answer is
        // there when --timeout ends the run (the report has 0.4 s after it). Its probes are shorter than --stall.
        if (!live.interrupted && !live.reported)
          try {
            const now = live.now();
            const problems = T.diagnose(live.t, {
              ...diagnoseOptions(T, live, o, findings),
              stalled: true,
              stalledForMs: now - live.t.lastActivityMs(),
              now,
            });
            fixSearchFor(T, live, env, T.searchNeeds(problems), Math.min(1500, Math.max(300, o.stallMs / 2)));
          } catch {
            // a search not started is advice left as it is; the notices and the report go on
          }
        for (const f of findings) say(R.probeFindingText(f, out));
        // What Go itself does at the phase the probe stalled in (TLS handshake 10 s, CONNECT 1 min, response: none).
        const bad = findings.find((f) => !f.ok);
        if (findings.length) say(R.stillWaitingText(T.goWaitWords(bad), out));
      });
    },
  };
}

/** --stall and --timeout must be positive (parseDuration refuses others on the command line; the API too). */
async function checkBounds(o: TidyRunOptions): Promise<void> {
  for (const [flag, ms] of [
    ['--stall', o.stallMs],
    ['--timeout', o.timeoutMs],
  ] as const)
    if (ms !== undefined && !(Number.isFinite(ms) && ms > 0)) {
      const { tidyMsg } = await import('../core/i18n/messages/tidy.js'); // only when wrong: start-up stays lean
      throw new UsageError(tidyMsg('bounds.invalid', { flag, ms: String(ms) }));
    }
}

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

/** What the diagnosis reads besides the timeline and the clock: the configuration, the probes, the toolchain URL. */
function diagnoseOptions(T: Trouble, live: Live, o: Resolved, probes: ProbeFinding[]) {
  return {
    model: live.loaded.model,
    proxies: live.loaded.proxies,
    stallMs: o.stallMs,
    probes,
    toolchainUrl: T.toolchainZipUrl(live.t, live.loaded.model),
  };
}

/**
 * Starts doctor's fix search for the problems' unverified route advice (app/tidy-verify.ts), unless one for the same
 * needs is running; undefined when no problem has such advice.
 */
function fixSearchFor(T: Trouble, live: Live, env: NodeJS.ProcessEnv, needs: Need[], probeMs: number) {
  if (needs.length === 0) return undefined;
  if (!live.fixSearch?.covers(needs)) {
    live.fixSearch?.close();
    live.fixSearch = T.startFixSearch(needs, { loaded: live.loaded, env, timeoutMs: probeMs });
  }
  return live.fixSearch;
}

/**
 * The problems with their unverified route advice replaced by what the fix search verified or tried. The search
 * started at the stall (stallNotices) is used when it covers these needs; otherwise one is started with two rounds of
 * probes (the route, then the candidates) in what is left: with --timeout, never past the report's 0.4 s after it;
 * after Ctrl-C only an answer already there.
 */
async function searchedFixes(
  T: Trouble,
  live: Live,
  o: Resolved,
  env: NodeJS.ProcessEnv,
  problems: TidyProblem[],
): Promise<TidyProblem[]> {
  const needs = T.searchNeeds(problems);
  if (needs.length === 0) return problems; // no advice to verify: a search running for the stall is not waited for
  const rounds = 2 * Math.min(o.stallMs, 1500) + 200;
  // After Ctrl-C the user wants out: a search that has already answered is used, none is waited for or started. With
  // --timeout, never past the report's due time (go may have failed just before it).
  const budget = live.interrupted
    ? 0
    : live.deadline === undefined
      ? rounds
      : Math.min(rounds, live.deadline + 400 - performance.now() - 60);
  const search = live.fixSearch?.covers(needs)
    ? live.fixSearch
    : budget >= 150
      ? fixSearchFor(T, live, env, needs, Math.min(1500, o.stallMs, (budget - 50) / 2))
      : undefined;
  if (!search) return problems;
  const found = await bounded(search.result, Math.max(0, budget));
  search.close();
  return found ? problems.map((p) => T.withSearchedFixes(p, found)) : problems;
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
  // The clock of the diagnosis stopped when go ended: the probes and git below take up to 1.5 s more, which is not
  // time go spent quiet (a Ctrl-C 0.1 s after Go's last line is not a 1.6 s silence).
  const endedAt = live.endedAt ?? live.now();
  // The bytes as they were when go ended; after a go that succeeded every download is done (endRun) and the report
  // shows no bytes: no poll then (one stat per open zip, after go, was ~10 ms of a cold tidy's added time).
  const succeeded = exitCode === 0 && !killed;
  if (!succeeded) await live.poll?.().catch(() => undefined);
  live.t.transfers.endRun(succeeded, endedAt);
  const stalledNow = watchdog.stalled();
  // After --timeout the report is due within 0.5 s: probes get what is left of that, the rest is rendering.
  const left = live.deadline === undefined ? Number.POSITIVE_INFINITY : live.deadline + 250 - performance.now();
  // A hanging git (or a silent Go < 1.21): git's url.<base>.insteadOf, read beside the probes, names the real server.
  const rewrites =
    killed && (live.t.vcsPending.size > 0 || !live.t.sawTrace)
      ? import('../go/git.js').then(({ getGitInsteadOf }) =>
          // go/git.ts loads execa: only here, not with every run in trouble
          Promise.all([getGitInsteadOf(env), loadTrouble()]).then(([out, T]) => T.parseGitRewrites(out)),
        )
      : undefined;
  if (killed && left >= 150 && live.t.pending().length + live.t.pendingPackages.size > 0)
    await watchdog.probeNow(Math.min(o.stallMs, 1500, left));
  // Go < 1.21 failed at direct after `|`: probe the proxies it fell through, so the report says what sent it there.
  if (!killed && exitCode !== 0 && !live.t.sawTrace) {
    const errs = live.t.errors.flatMap((e) => (e.kind === 'error' ? [e.detail] : []));
    const targets = (await loadTrouble()).fallThroughTargets(live.t, errs, live.loaded.model, live.loaded.proxies);
    if (targets.length && left >= 150) await watchdog.probeNow(Math.min(o.stallMs, 1500, left), targets);
  }
  // With --timeout the report is due 0.4 s after it at the latest (also when go failed just before it): what the
  // probes or git have not said by then is left.
  const due = () => (live.deadline === undefined ? undefined : Math.max(0, live.deadline + 400 - performance.now()));
  await watchdog.stop(due());
  await live.noticesWritten?.();
  const end: RunEnd = {
    goExitCode: killed ? null : exitCode,
    timedOut: live.timedOut,
    interrupted: live.interrupted,
    stalled: stalledNow || live.stallKilled,
  };
  const quiet = Math.max(0, endedAt - live.t.lastActivityMs());
  // A clean run (go exited 0, no error, no failed request) has nothing to diagnose: the rules are not even loaded.
  const diagnosed = R.needsDiagnosis(live.t, { exitCode, killed });
  const T = diagnosed || o.junit ? await loadTrouble() : undefined;
  let problems = !(T && diagnosed)
    ? []
    : T.diagnose(live.t, {
        ...diagnoseOptions(T, live, o, watchdog.findings()),
        stalled: killed,
        stalledForMs: quiet,
        now: endedAt,
        ...(rewrites ? { gitRewrites: (await bounded(rewrites, due() ?? 1000)) ?? [] } : {}),
      });
  if (T && problems.length) problems = await searchedFixes(T, live, o, env, problems);
  const badFlag = exitCode === 2 && live.t.unknownLines.find((l) => /^flag provided but not defined: /.test(l));
  if (badFlag && T) {
    // go rejected the extra flags after "--": that is bad usage of gomodctl tidy (exit 2), not a failed tidy.
    problems.unshift({
      rule: 'bad-go-flag',
      cause: 'config',
      message: R.tidyMsg('problem.badGoFlag', { flag: badFlag.replace(/^flag provided but not defined: /, '') }),
      fix: [T.commandFix(['go', 'help', 'mod', 'tidy'], T.fixMsg('fix.note.goFlags'))], // exit 2: T is loaded
    });
  }
  const wholeRun = live.firstStart === undefined ? live.now() : performance.now() - live.firstStart;
  const report = R.buildTidyReport(live.t, problems, end, wholeRun);
  if (attempts.length) report.attempts = attempts;
  print(o, out, env, report, live, T);
  return badFlag ? 2 : R.exitCodeFor(end);
}

function print(
  o: Resolved,
  out: Output,
  env: NodeJS.ProcessEnv,
  report: TidyReport,
  live: Live,
  T: Trouble | undefined,
): void {
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
  if (o.junit && T) T.writeJUnitFile(o.junit, [T.tidyJUnit(report)]);
}
