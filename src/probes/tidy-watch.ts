// The watchdog of `gomodctl tidy`: notices when Go stops progressing for --stall, probes what it waits on (bounded,
// privacy-filtered), and keeps the findings for the diagnosis. Go itself never gives up (net/http's DefaultTransport
// has no response timeout).
import { bounded } from '../core/bounded.js';
import type { ProbeResult } from '../core/probe-types.js';
import type { ProbeFinding } from '../core/tidy/diagnose.js';
import type { Timeline } from '../core/tidy/timeline.js';
import type { ConfigModel } from '../core/config-types.js';
import type { ProxyEntry } from '../core/goproxy.js';
import type { GoProber } from './go-prober.js';

/** How long loading the prober may take on top of a probe's bound when the run has ended (probeNow with targets). */
const PROBER_LOAD_MS = 2000;

/** What the watchdog needs to probe like Go would. */
interface WatchOptions {
  stallMs: number;
  env: NodeJS.ProcessEnv;
  goVersion: string | null;
  /** The configuration as Go reports it. */
  model: ConfigModel;
  /** GOPROXY parsed once. */
  proxies: ProxyEntry[];
  /** Called once per quiet period when the stall is detected, after the probes answered. */
  onStall?(quietMs: number, findings: ProbeFinding[]): void;
  /** Called at once when the stall is detected, before probing. */
  onStallStart?(quietMs: number, targets: string[]): void;
  /** Called on every tick (spinner). */
  onTick?(quietMs: number): void;
  /** Called once, when go has been quiet for half of --stall: time to load what a stall report needs. */
  onQuiet?(): void;
  /** Milliseconds until --timeout ends the run: a stall probe must answer before then to be in the report. */
  timeLeftMs?(): number;
  /**
   * Called before each check measures go's silence: reads what go wrote and was not read yet (go/tidy-process.ts
   * readNow: go's stderr file is read every 20 to 100 ms, and a line go wrote just before --stall is not silence).
   */
  catchUp?(): void;
  /**
   * Awaited before each tick's check (never two at once): the module cache poll (go/download-watch.ts), so a body
   * that still grows counts as progress and one that stopped is seen at once.
   */
  poll?(): Promise<void>;
  /**
   * The version of `module` Go resolved and is checking now, read from the module cache Go reports
   * (go/module-cache.ts versionBeingChecked): Go < 1.21 prints none, yet the checksum database is asked `/lookup/M@V`.
   */
  versionBeingChecked?(module: string): Promise<string | undefined>;
}

/** A running watchdog. */
export interface Watchdog {
  findings(): ProbeFinding[];
  /** True once a stall was detected in the current quiet period. */
  stalled(): boolean;
  /**
   * Probes now if nothing was probed in this quiet period (used at --timeout / Ctrl-C), bounded by `maxMs`; with
   * `targets`, those URLs (their findings are added to the others).
   */
  probeNow(maxMs: number, targets?: string[]): Promise<void>;
  /** Stops ticking; waits for a probe in flight at most `maxWaitMs` (--timeout must not overshoot for a probe). */
  stop(maxWaitMs?: number): Promise<void>;
}

/**
 * Probes every target at once, each bounded; failures to probe are dropped, never thrown. A URL Go printed redacted is
 * probed with its real GOPROXY entry (realProbeUrl) and .netrc, like Go; findings keep the printed (redacted) URL.
 */
async function probeAll(
  targets: string[],
  timeoutMs: number,
  o: WatchOptions,
  prober: GoProber,
): Promise<ProbeFinding[]> {
  const { realProbeUrl } = await targeting();
  const results: Array<ProbeResult | null> = await Promise.all(
    targets.map((url) => bounded(prober.probe(realProbeUrl(url, o.proxies), { timeoutMs }), timeoutMs + 500)),
  );
  return results.flatMap((r, i) => (r ? [findingOf(targets[i]!, r)] : []));
}

/** What the diagnosis keeps of a probe: its outcome, and for a failed hop the hop, its peer and Go's own bound. */
function findingOf(url: string, r: ProbeResult): ProbeFinding {
  const { ok, cause, phase, message, status } = r;
  const hop = r.hop ? { hop: r.hop, peer: r.peer, go: r.go, ...(r.proxy ? { proxy: r.proxy } : {}) } : {};
  return { url, ok, cause, phase, message, status, ...hop };
}

/**
 * What to probe (core/tidy/probe-targets.ts, with the route resolver behind it), loaded at the first stall: a healthy
 * run, which never stalls, does not load it (bench item 3: a warm tidy takes Go ~50 ms).
 */
const targeting = () =>
  import('../core/tidy/probe-targets.js').then(({ probeTargets, predictedModule, realProbeUrl }) => ({
    probeTargets,
    predictedModule,
    realProbeUrl,
  }));

/**
 * The targets now: with Go < 1.21 (no -x) the version of the waiting module comes from the module cache when Go
 * printed none (WatchOptions.versionBeingChecked), so the checksum database's `/lookup/M@V` is predicted.
 */
async function targetsNow(t: Timeline, o: WatchOptions, m: Awaited<ReturnType<typeof targeting>>): Promise<string[]> {
  const module = m.predictedModule(t);
  const version = module ? await o.versionBeingChecked?.(module).catch(() => undefined) : undefined;
  return m.probeTargets(t, o.model, o.proxies, version);
}

/** Starts ticking; `now()` is ms since the run started, on the same clock as the timeline. */
export function startWatchdog(t: Timeline, now: () => number, o: WatchOptions): Watchdog {
  let stallAt: number | null = null;
  let probedAt: number | null = null;
  let inflight: Promise<void> | null = null;
  let found: ProbeFinding[] = [];
  let proberPromise: Promise<GoProber> | null = null;
  // undici and the CA bundle load only when a stall is probed: a healthy run stays fast.
  const prober = (): Promise<GoProber> =>
    (proberPromise ??= Promise.all([import('./go-prober.js'), import('../core/goauth.js')]).then(
      ([{ createGoProber }, { configuredGoAuth }]) =>
        createGoProber({
          env: o.env,
          goVersion: o.goVersion,
          platform: process.platform,
          goauth: configuredGoAuth(o.model),
          timeoutMs: 5000,
        }),
    ));

  const probe = (timeoutMs: number, given?: string[]): Promise<void> => {
    probedAt = t.lastActivityMs();
    inflight = Promise.all([prober(), given ?? targeting().then((m) => targetsNow(t, o, m))])
      .then(([p, targets]) => probeAll(targets, timeoutMs, o, p))
      .then((f) => void (found = f));
    return inflight;
  };
  let stopped = false;
  let warmed = false;

  // Progress is a line of Go's or a body byte landing in the module cache (timeline.lastActivityMs).
  const check = (): void => {
    o.catchUp?.();
    const last = t.lastActivityMs();
    const quiet = now() - last;
    o.onTick?.(quiet);
    if (stallAt !== null && last > stallAt) stallAt = null; // progress resumed
    // Half-way to a stall, load what probing needs (the prober: undici and the CA bundle, ~0.3 s on a loaded machine),
    // so that the probe has its whole budget when the stall comes (and --timeout is not reached first).
    if (!warmed && quiet >= o.stallMs / 2) {
      warmed = true;
      void Promise.all([targeting(), prober()]).catch(() => undefined); // a failure shows when the probe runs
      o.onQuiet?.();
    }
    if (stallAt === null && quiet >= o.stallMs) {
      stallAt = last;
      starting = targeting().then(async (m) => {
        const targets = await targetsNow(t, o, m);
        if (stopped || stallAt !== last) return; // progress resumed (or the run ended) while it loaded
        o.onStallStart?.(quiet, targets);
        // Ends well before --timeout (the report follows the kill within 0.5 s, even on a loaded machine).
        const left = (o.timeLeftMs?.() ?? Number.POSITIVE_INFINITY) - 600;
        void probe(Math.max(300, Math.min(Math.max(o.stallMs, 2000), 5000, left)), targets).then(() =>
          o.onStall?.(now() - t.lastActivityMs(), found),
        );
      });
      starting.catch(() => undefined); // a probe never ends the run; stop() waits for it
    }
  };
  let polling: Promise<void> | null = null;
  let starting: Promise<void> | null = null;
  // The cache is read every --stall/40 at most (250 ms at the default 10 s, 100 ms from --stall 4s down) once Go's
  // lines have stopped for that long, and only every 4× that while they come (they are progress themselves): a cold
  // tidy has dozens of zips open at once, and reading their directories that often cost ~25 ms of CPU in a healthy
  // 0.7 s run of the bench's 100 modules, beside a go that uses both cores. A stopped body stops Go's lines too, so it
  // is seen within --stall + --stall/40 + one tick (bench item 4: ~2.1 s at --stall 2s).
  const pollEveryMs = Math.max(100, o.stallMs / 40);
  let polledAt = 0;
  const tick = (): void => {
    const every = now() - t.lastProgressMs >= pollEveryMs ? pollEveryMs : 4 * pollEveryMs;
    if (!o.poll || now() - polledAt < every) {
      if (!polling) check();
      return;
    }
    if (polling) return; // the previous poll is still reading the cache
    polledAt = now();
    polling = o
      .poll()
      .catch(() => undefined)
      .then(() => {
        polling = null;
        check();
      });
  };
  // The check runs every 100 ms (a quarter of --stall below 400 ms, at least 50 ms); the cache is read as said above.
  const timer = setInterval(tick, Math.max(50, Math.min(100, o.stallMs / 4)));
  return {
    findings: () => found,
    stalled: () => stallAt !== null && t.lastActivityMs() <= stallAt,
    probeNow: async (maxMs, targets) => {
      stopped = true; // the run is ending: a stall that is still loading its targets must not start notices now
      if (targets) {
        // The bound is the probes' own: loading the prober (undici, the CA bundle) comes on top, bounded by what is left
        // before --timeout (a run that ended by itself was not probed half-way, and on a loaded machine the load alone
        // took most of a second, and Go 1.19's fell-through 403 went unnamed).
        const loadMs = Math.max(0, Math.min(PROBER_LOAD_MS, (o.timeLeftMs?.() ?? Number.POSITIVE_INFINITY) - maxMs));
        const extra = prober().then((pr) => probeAll(targets, maxMs, o, pr));
        const got = await bounded(extra, maxMs + 200 + loadMs);
        if (got) found = [...found, ...got];
        return;
      }
      const p = probedAt === t.lastActivityMs() && inflight ? inflight : probe(maxMs); // this quiet period was probed
      await bounded(p, maxMs);
    },
    stop: async (maxWaitMs = Number.POSITIVE_INFINITY) => {
      clearInterval(timer);
      const wait = (p: Promise<unknown> | null) =>
        p && (Number.isFinite(maxWaitMs) ? bounded(p, Math.max(0, maxWaitMs)) : p.catch(() => null));
      await wait(polling);
      await wait(starting);
      stopped = true;
      await wait(inflight);
      if (proberPromise) void proberPromise.then((pr) => pr.close()); // closing may wait for sockets: not on our clock
    },
  };
}
