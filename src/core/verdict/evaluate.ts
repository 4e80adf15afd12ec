// STAND-IN for the verdict engine (VERDICT-ENGINE writes the real src/core/verdict/evaluate.ts; the lead takes that
// one at merge). A minimal route walk so the fix search runs end to end: each step's first request, `,` falls
// through on 404/410, `|` on any error (modfetch/proxy.go TryProxies), off fails, a timeout is a hang.
import { resolveRoute, type RouteStep } from '../route.js';
import { isPublicModulePath } from '../public-hosts.js';
import type { Need } from '../needs/types.js';
import type { NeedOutcome, Verdict, VerdictHop, VerdictInput } from './types.js';

/** True for the stand-in: the fix search's end-to-end tests that need the real engine check this and skip. */
export const STAND_IN = true;

function hopOf(step: RouteStep): VerdictHop {
  if (step.kind === 'proxy') return 'proxy';
  if (step.kind === 'sumdb' || step.kind === 'sumdb-supported') return 'sumdb';
  return 'direct';
}

async function walk(i: VerdictInput, need: Need, probed: Set<string>): Promise<NeedOutcome> {
  const route = resolveRoute(i.model, need.module, need.version);
  const sumdb = need.what === 'sumdb-lookup';
  const steps = route.steps.filter((s) => (s.kind === 'sumdb' || s.kind === 'sumdb-supported') === sumdb);
  const base = { need, privateLooking: !isPublicModulePath(need.module) };
  if (steps.length === 0) return { ...base, outcome: sumdb ? 'ok' : 'fail', message: 'no route' };
  for (const step of steps) {
    if (step.kind === 'off') return { ...base, outcome: 'fail', hop: 'proxy', message: 'disabled by GOPROXY=off' };
    const url = step.requests?.[0] ?? step.url ?? '';
    probed.add(url);
    const r = await i.probe({ url, hop: hopOf(step), module: need.module, env: i.env });
    const entry = step.url ?? '';
    if (r.ok)
      return { ...base, outcome: 'ok', hop: hopOf(step), entry, url, durationMs: r.timings.totalMs, message: 'ok' };
    const notFound = r.status === 404 || r.status === 410;
    const fall = step.fallThrough === 'on-any-error' || (notFound && step.fallThrough === 'on-404-410');
    if (fall) continue;
    const hang = r.cause === 'timeout';
    const hop: VerdictHop = r.hop === 'proxy' ? 'connect-proxy' : need.why === 'toolchain' ? 'toolchain' : hopOf(step);
    const out: NeedOutcome = { ...base, outcome: hang ? 'hang' : 'fail', hop, entry, url, message: r.message ?? '' };
    if (r.cause) out.cause = r.cause;
    if (r.status !== undefined) out.status = r.status;
    return out;
  }
  return { ...base, outcome: 'fail', message: 'every entry failed' };
}

/** Evaluates every need (bounded concurrency); probe answers are the probe's to cache. */
export async function evaluateVerdict(i: VerdictInput): Promise<Verdict> {
  const probed = new Set<string>();
  const outcomes: NeedOutcome[] = new Array(i.needs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < i.needs.length) {
      const k = next++;
      outcomes[k] = await walk(i, i.needs[k]!, probed);
    }
  };
  await Promise.all(Array.from({ length: Math.min(i.concurrency ?? 8, i.needs.length) }, worker));
  const failures = outcomes.filter((o) => o.outcome !== 'ok');
  return { willFail: failures.length > 0, outcomes, failures, probed: [...probed] };
}
