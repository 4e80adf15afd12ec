// Doctor's fix search for a tidy in trouble, for the modules whose problems carry unverified route advice
// (core/tidy/verified-fixes.ts says which needs, and merges the result). The same engine as doctor's verdict: the
// route walked as Go walks it (core/verdict/evaluate.ts), candidates generated from its failures and each evaluated
// with Go-shaped probes (core/verdict/choose-fix.ts), private paths never sent to a public proxy. app/tidy.ts starts
// it once a stall is confirmed (so that it is done when --timeout comes) or when go has failed.
import { configuredGoAuth } from '../core/goauth.js';
import { selectCatalog } from '../core/init/mirrors.js';
import type { LoadedConfig } from '../core/loaded-config.js';
import type { Need } from '../core/needs/types.js';
import { needKey, type TidySearch } from '../core/tidy/verified-fixes.js';
import { chooseFix } from '../core/verdict/choose-fix.js';
import { evaluateVerdict } from '../core/verdict/evaluate.js';
import { gitLsRemote } from '../go/git.js';
import { envRouteProbes } from '../probes/env-route-probes.js';

interface TidySearchOptions {
  loaded: LoadedConfig;
  env: NodeJS.ProcessEnv;
  /** Each probe's bound. */
  timeoutMs: number;
}

/** A running fix search: its result (null: the engine sees no failure, or it failed) and a way to stop its probes. */
export interface RunningSearch {
  /** Whether it was started for every one of these needs (then it answers for them). */
  covers(needs: Need[]): boolean;
  result: Promise<TidySearch | null>;
  close(): void;
}

/** Starts the fix search for `needs` (each probe bounded by timeoutMs; the caller bounds the whole and closes it). */
export function startFixSearch(needs: Need[], o: TidySearchOptions): RunningSearch {
  const { model } = o.loaded;
  const goVersion = o.loaded.go?.version ?? null;
  // Closed (the report is out, or a new attempt began): git is killed, no new prober is made, no next round starts.
  const closed = new AbortController();
  const probes = envRouteProbes({
    goVersion,
    goauth: configuredGoAuth(model),
    timeoutMs: o.timeoutMs,
    gitLsRemote: (repo) => gitLsRemote(repo, o.env, o.timeoutMs, closed.signal),
  });
  const probeFor = (env: NodeJS.ProcessEnv) => {
    if (closed.signal.aborted) throw new Error('the fix search was stopped');
    return probes.probeFor(env);
  };
  const search = async (): Promise<TidySearch | null> => {
    const common = {
      model,
      env: o.env,
      needs,
      goVersion: goVersion ?? '',
      probe: probeFor(o.env),
      timeoutMs: o.timeoutMs,
    };
    const verdict = await evaluateVerdict(common);
    // The engine does not see this failure (a body that stopped midway answers its probe): nothing to verify against.
    if (!verdict.willFail || closed.signal.aborted) return null;
    const found = await chooseFix({
      ...common,
      verdict,
      probeFor,
      mirrors: selectCatalog(o.env.GOMODCTL_MIRRORS),
      ...(o.loaded.goMod?.go ? { goModGo: o.loaded.goMod.go } : {}),
    });
    if (closed.signal.aborted) return null; // probes cut short read as failures: not an answer
    const failing = verdict.failures.map((f) => needKey(f.need));
    const top = found.verified[0];
    return top ? { failing, verified: top.fixes, tried: found.tried } : { failing, tried: found.tried };
  };
  const close = (): void => {
    if (closed.signal.aborted) return;
    closed.abort();
    probes.close();
  };
  const result = search().catch(() => null);
  void result.then(close);
  const keys = new Set(needs.map(needKey));
  return { covers: (wanted) => wanted.every((n) => keys.has(needKey(n))), result, close };
}
