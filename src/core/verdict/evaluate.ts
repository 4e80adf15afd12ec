// STAND-IN for the verdict engine (VERDICT-ENGINE's branch `verdict` has the real src/core/verdict/evaluate.ts; the
// lead takes that one at merge). Same signature; a minimal walk so the fix search runs end to end: each step's
// request for the need, `,` falls through on 404/410, `|` on any error (modfetch/proxy.go TryProxies), off fails,
// a timeout is a hang, a known VCS host is asked with git ls-remote, other direct steps are not probed (reported
// failing, never guessed ok).
import { getVar } from '../config-model.js';
import type { ConfigModel } from '../config-types.js';
import { escapePath, escapeVersion } from '../escape.js';
import { urlHost } from '../hosts.js';
import type { Need } from '../needs/types.js';
import { matchingPattern } from '../patterns.js';
import { isPublicModulePath, isPublicProxyUrl } from '../public-hosts.js';
import { resolveRoute } from '../route.js';
import type { NeedOutcome, OutcomeHop, RouteProbe, Verdict } from './types.js';

/** Marks the stand-in: end-to-end tests that need the real engine (direct and VCS hops) skip while it is here. */
export const STAND_IN = true;

/** Input of evaluateVerdict (the real engine's). */
export interface VerdictInput {
  model: ConfigModel;
  env: Record<string, string | undefined>;
  needs: Need[];
  goVersion: string;
  probe: RouteProbe;
  concurrency?: number;
  timeoutMs?: number;
  errors?: string[];
}

function privateLooking(model: ConfigModel, module: string): boolean {
  for (const v of ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB']) if (matchingPattern(getVar(model, v), module)) return true;
  const host = module.split('/')[0] ?? '';
  return module.includes('/') && host.includes('.') && !isPublicModulePath(module);
}

async function walk(
  i: VerdictInput,
  need: Need,
  probed: Set<string>,
): Promise<Omit<NeedOutcome, 'need' | 'privateLooking'>> {
  const hop: OutcomeHop = need.why === 'toolchain' ? 'toolchain' : 'proxy';
  for (const step of resolveRoute(i.model, need.module, need.version).steps) {
    if (step.kind === 'off')
      return { outcome: 'fail', hop, entry: 'off', message: 'module lookup disabled by GOPROXY=off', failing: true };
    if (step.kind === 'vcs' && i.probe.gitLsRemote) {
      const a = await i.probe.gitLsRemote(step.url!);
      const message = `git ls-remote ${step.url}: ${a.ok ? 'ok' : (a.message ?? 'failed')}`;
      return { outcome: a.ok ? 'ok' : 'fail', hop: 'direct', entry: 'direct', url: step.url!, message, failing: !a.ok };
    }
    if (step.kind !== 'proxy')
      return {
        outcome: 'fail',
        hop: 'direct',
        entry: 'direct',
        message: 'direct: not probed by the stand-in',
        failing: true,
      };
    const base = step.url!.replace(/\/+$/, '');
    if (privateLooking(i.model, need.module) && isPublicProxyUrl(base)) {
      const message = `Go would send the private-looking path ${need.module} to ${base} (not probed)`;
      return { outcome: 'leak', hop, entry: base, message, failing: true };
    }
    const file = need.what === 'zip' || need.what === 'mod' ? need.what : 'info';
    const url = `${base}/${escapePath(need.module)}/@v/${escapeVersion(need.version ?? '')}.${file}`;
    probed.add(urlHost(url) ?? url);
    const r = await i.probe.get(url);
    const ms = Math.round(r.timings.totalMs);
    if (r.ok)
      return {
        outcome: 'ok',
        hop,
        entry: base,
        url,
        message: `${url}: ${r.status ?? 200}`,
        durationMs: ms,
        failing: false,
      };
    const notFound = r.status === 404 || r.status === 410;
    if (step.fallThrough === 'on-any-error' || (notFound && step.fallThrough === 'on-404-410')) continue;
    const outcome = r.cause === 'timeout' ? 'hang' : 'fail';
    const w = {
      outcome,
      hop: r.hop === 'proxy' ? 'connect-proxy' : hop,
      entry: base,
      url,
      message: r.message ?? '',
      durationMs: ms,
      failing: true,
    } as const;
    return { ...w, ...(r.cause ? { cause: r.cause } : {}), ...(r.status !== undefined ? { status: r.status } : {}) };
  }
  return { outcome: 'fail', hop, message: 'every entry failed', failing: true };
}

/** Evaluates every download need (sumdb lookups are not walked by the stand-in). */
export async function evaluateVerdict(i: VerdictInput): Promise<Verdict> {
  const probed = new Set<string>();
  const needs = i.needs.filter((n) => n.what !== 'sumdb-lookup' && n.version);
  const outcomes = await Promise.all(
    needs.map(async (need) => ({
      need,
      ...(await walk(i, need, probed)),
      privateLooking: privateLooking(i.model, need.module),
    })),
  );
  const failures = outcomes.filter((o) => o.failing);
  const errors = i.errors ?? [];
  return { willFail: failures.length > 0 || errors.length > 0, outcomes, failures, probed: [...probed].sort(), errors };
}
