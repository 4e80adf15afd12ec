// Test data for the fix search: a config model built the way the edge builds it, failures as the engine reports
// them, and a fake RouteProbe answering by URL prefix (the probe is the engine's input, not a part under test).
import { buildConfigModel } from '../../../src/core/config-model.js';
import type { ConfigModel } from '../../../src/core/config-types.js';
import type { Need } from '../../../src/core/needs/types.js';
import type { ProbeCause, ProbeResult } from '../../../src/core/probe-types.js';
import type { NeedOutcome, OutcomeHop, RouteProbe } from '../../../src/core/verdict/types.js';

/** A model from environment and GOENV-file text for a Go version. */
export function model(env: Record<string, string>, goenvText = '', goVersion = 'go1.26.8'): ConfigModel {
  return buildConfigModel({ env, goenvPath: '/home/u/.config/go/env', goenvText, gorootEnvText: null, goVersion });
}

/** A zip need of a required module. */
export function need(module: string, version = 'v1.0.0', why: Need['why'] = 'require'): Need {
  return { module, version, what: 'zip', why, certainty: 'sure' };
}

/** A failing outcome. */
export function failure(
  module: string,
  o: {
    hop: OutcomeHop;
    outcome?: 'fail' | 'hang';
    entry?: string;
    url?: string;
    status?: number;
    cause?: ProbeCause;
    privateLooking?: boolean;
    why?: Need['why'];
  },
): NeedOutcome {
  const f: NeedOutcome = {
    need: need(module, 'v1.0.0', o.why),
    outcome: o.outcome ?? 'fail',
    hop: o.hop,
    message: `${module} failed`,
    privateLooking: o.privateLooking ?? false,
    failing: true,
  };
  if (o.entry !== undefined) f.entry = o.entry;
  if (o.url !== undefined) f.url = o.url;
  if (o.status !== undefined) f.status = o.status;
  if (o.cause !== undefined) f.cause = o.cause;
  return f;
}

/** One answer of the fake probe. */
export type Answer = { status: number; ms?: number } | { cause: ProbeCause; ms?: number };

/**
 * A probe answering the first matching URL prefix (anything else: DNS failure), cached per URL like the run's probe
 * (probes/route-probe.ts), and git ls-remote succeeding for the `gitOk` repositories; `sent` lists the URLs that reached the "network", once each.
 */
export function fakeProbe(answers: Array<[string, Answer]>, gitOk: string[] = []): RouteProbe & { sent: string[] } {
  const sent: string[] = [];
  const cache = new Map<string, Promise<ProbeResult>>();
  const answer = async (url: string): Promise<ProbeResult> => {
    sent.push(url);
    const hit = answers.find(([prefix]) => url.startsWith(prefix))?.[1] ?? { cause: 'dns' as const };
    const timings = { totalMs: hit.ms ?? 1 };
    if ('status' in hit) {
      const ok = hit.status === 200;
      return ok
        ? { url, ok, status: 200, timings }
        : { url, ok, status: hit.status, cause: 'http-status', message: `${hit.status}`, timings };
    }
    return { url, ok: false, cause: hit.cause, message: hit.cause, timings };
  };
  const get = (url: string): Promise<ProbeResult> => {
    let p = cache.get(url);
    if (!p) {
      p = answer(url);
      cache.set(url, p);
    }
    return p;
  };
  const gitLsRemote = async (repo: string) =>
    gitOk.includes(repo) ? { ok: true } : { ok: false, message: 'fatal: repository not found' };
  return { get, gitLsRemote, sent };
}
