// Doctor's fix search for a tidy in trouble, for the modules whose problems carry unverified route advice
// (core/tidy/verified-fixes.ts says which needs, and merges the result). The same engine as doctor's verdict: the
// route walked as Go walks it (core/verdict/evaluate.ts), candidates generated from its failures and each evaluated
// with Go-shaped probes (core/verdict/choose-fix.ts), private paths never sent to a public proxy. app/tidy.ts starts
// it once a stall is confirmed (so that it is done when --timeout comes) or when go has failed.
import { configuredGoAuth } from '../core/goauth.js';
import { selectCatalog } from '../core/init/mirrors.js';
import type { LoadedConfig } from '../core/loaded-config.js';
import type { Need } from '../core/needs/types.js';
import type { TidySearch } from '../core/tidy/verified-fixes.js';
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
  /** The needs it was started for (fixSearchKey). */
  key: string;
  result: Promise<TidySearch | null>;
  close(): void;
}

/** The identity of a set of needs: a search started for the same set answers for it. */
export function fixSearchKey(needs: Need[]): string {
  return needs
    .map((n) => `${n.module}@${n.version ?? ''} ${n.what}`)
    .sort()
    .join('\n');
}

/** Starts the fix search for `needs` (each probe bounded by timeoutMs; the caller bounds the whole and closes it). */
export function startFixSearch(needs: Need[], o: TidySearchOptions): RunningSearch {
  const { model } = o.loaded;
  const goVersion = o.loaded.go?.version ?? '';
  const probes = envRouteProbes({
    goVersion: o.loaded.go?.version ?? null,
    goauth: configuredGoAuth(model),
    timeoutMs: o.timeoutMs,
    gitLsRemote: (repo) => gitLsRemote(repo, o.env, o.timeoutMs),
  });
  const search = async (): Promise<TidySearch | null> => {
    const probe = probes.probeFor(o.env);
    const common = { model, env: o.env, needs, goVersion, probe, timeoutMs: o.timeoutMs };
    const verdict = await evaluateVerdict(common);
    // The engine does not see this failure (a body that stopped midway answers its probe): nothing to verify against.
    if (!verdict.willFail) return null;
    const found = await chooseFix({
      ...common,
      verdict,
      probeFor: probes.probeFor,
      mirrors: selectCatalog(o.env.GOMODCTL_MIRRORS),
      ...(o.loaded.goMod?.go ? { goModGo: o.loaded.goMod.go } : {}),
    });
    const top = found.verified[0];
    return top ? { verified: top.fixes, tried: found.tried } : { tried: found.tried };
  };
  const result = search().catch(() => null);
  void result.then(() => probes.close());
  return { key: fixSearchKey(needs), result, close: () => probes.close() };
}
