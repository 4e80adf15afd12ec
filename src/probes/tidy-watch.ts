// The watchdog of `gomodctl tidy`: notices when Go stops progressing for --stall, probes what it waits on (bounded,
// privacy-filtered), and keeps the findings for the diagnosis. Go itself never gives up (go-semantics.md §7).
import type { ProbeResult } from '../core/types.js';
import { probeTargets, realProbeUrl } from '../core/tidy/probe-targets.js';
import type { ProbeFinding } from '../core/tidy/diagnose.js';
import type { TidyConfig } from '../core/tidy/fixes.js';
import type { Timeline } from '../core/tidy/timeline.js';
import type { ConfigModel, NetrcEntry } from '../core/types.js';
import type { CredentialSource } from '../core/credential-cache.js';

/** What the watchdog needs to probe like Go would. */
export interface WatchOptions {
  stallMs: number;
  env: NodeJS.ProcessEnv;
  goVersion: string | null;
  cfg: TidyConfig;
  model: ConfigModel | null;
  /** Called once per quiet period when the stall is detected, after the probes answered. */
  onStall?(quietMs: number, findings: ProbeFinding[]): void;
  /** Called at once when the stall is detected, before probing. */
  onStallStart?(quietMs: number, targets: string[]): void;
  /** Called on every tick (spinner). */
  onTick?(quietMs: number): void;
}

/** A running watchdog. */
export interface Watchdog {
  findings(): ProbeFinding[];
  /** True once a stall was detected in the current quiet period. */
  stalled(): boolean;
  /** Probes now if nothing was probed in this quiet period (used at --timeout / Ctrl-C), bounded by `maxMs`. */
  probeNow(maxMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** Resolves to the probe's result, or null if it failed or overran its own bound (never hangs the run). */
function bounded<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref();
  });
  return Promise.race([p.catch(() => null), limit]).finally(() => clearTimeout(timer));
}

/** What the probes need besides the options: Go's trusted roots, the .netrc Go reads and GOAUTH as Go runs it. */
interface ProbeAuth {
  ca: string[] | undefined;
  netrc: NetrcEntry[];
  credentials: CredentialSource;
}

/**
 * Probes every target at once, each bounded; failures to probe are dropped, never thrown. A URL Go printed redacted is
 * probed with its real GOPROXY entry (realProbeUrl) and .netrc, like Go; findings keep the printed (redacted) URL.
 */
async function probeAll(targets: string[], timeoutMs: number, o: WatchOptions, a: ProbeAuth): Promise<ProbeFinding[]> {
  const { probeUrl } = await import('./http-probe.js'); // undici loads only when a stall is probed: a healthy run stays fast
  const results: Array<ProbeResult | null> = await Promise.all(
    targets.map((url) =>
      bounded(
        probeUrl(realProbeUrl(url, o.cfg.goproxy), {
          timeoutMs,
          env: o.env,
          goVersion: o.goVersion,
          ca: a.ca,
          netrc: a.netrc,
          credentials: a.credentials,
        }),
        timeoutMs + 500,
      ),
    ),
  );
  return results.flatMap((r, i) =>
    r
      ? [
          {
            url: targets[i]!,
            ok: r.ok,
            cause: r.cause,
            phase: r.phase,
            message: r.message,
            status: r.status,
            ...(r.hop ? { hop: r.hop, peer: r.peer, go: r.go } : {}),
          },
        ]
      : [],
  );
}

/** Starts ticking; `now()` is ms since the run started, on the same clock as the timeline. */
export function startWatchdog(t: Timeline, now: () => number, o: WatchOptions): Watchdog {
  let stallAt: number | null = null;
  let probedAt: number | null = null;
  let inflight: Promise<void> | null = null;
  let found: ProbeFinding[] = [];
  let authPromise: Promise<ProbeAuth> | null = null;
  const auth = (): Promise<ProbeAuth> =>
    (authPromise ??= Promise.all([import('./ca-certs.js'), import('./netrc-file.js'), import('./goauth-run.js')]).then(
      ([{ loadGoTrustedCAs }, { readNetrc }, { createGoAuth }]) =>
        Promise.all([
          loadGoTrustedCAs({ platform: process.platform, env: o.env, goVersion: o.goVersion }).then(
            (r) => r.ca,
            () => undefined,
          ),
          readNetrc(o.env, { goVersion: o.goVersion }).catch((): NetrcEntry[] => []),
        ]).then(([ca, netrc]) => {
          const v = o.model?.vars.GOAUTH;
          const goauth = v && v.source !== 'default' ? v.value : undefined;
          const credentials = createGoAuth({ goauth, goVersion: o.goVersion, env: o.env, netrc, timeoutMs: 5000 });
          return { ca, netrc, credentials };
        }),
    ));

  const probe = (timeoutMs: number, targets = probeTargets(t, o.cfg, o.model)): Promise<void> => {
    probedAt = t.lastProgressMs;
    inflight = auth()
      .then((a) => probeAll(targets, timeoutMs, o, a))
      .then((f) => void (found = f));
    return inflight;
  };

  const tick = (): void => {
    const quiet = now() - t.lastProgressMs;
    o.onTick?.(quiet);
    if (stallAt !== null && t.lastProgressMs > stallAt) stallAt = null; // progress resumed
    if (stallAt === null && quiet >= o.stallMs) {
      stallAt = t.lastProgressMs;
      const targets = probeTargets(t, o.cfg, o.model);
      o.onStallStart?.(quiet, targets);
      void probe(Math.min(Math.max(o.stallMs, 2000), 5000), targets).then(() =>
        o.onStall?.(now() - t.lastProgressMs, found),
      );
    }
  };
  const timer = setInterval(tick, Math.max(50, Math.min(250, o.stallMs / 4)));
  return {
    findings: () => found,
    stalled: () => stallAt !== null && t.lastProgressMs <= stallAt,
    probeNow: async (maxMs) => {
      if (probedAt === t.lastProgressMs && inflight)
        await inflight; // this quiet period was probed already
      else await probe(maxMs);
    },
    stop: async () => {
      clearInterval(timer);
      if (inflight) await inflight;
    },
  };
}
