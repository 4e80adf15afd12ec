// The fix search (issue 13, item 5): every candidate change is evaluated by the same engine as the verdict, in the
// same run and with the same cached probe, all at once; only candidates under which every need is fetched are kept,
// fastest first, each marked with what proved it. None left: an honest "no verified fix" with what was tried.
import { getVar } from '../config-model.js';
import type { ConfigModel } from '../config-types.js';
import type { Fix } from '../fix/fix.js';
import type { Text } from '../i18n/message.js';
import { verdictMsg } from '../i18n/messages/verdict.js';
import { urlHostname } from '../hosts.js';
import type { Need } from '../needs/types.js';
import type { Config } from './apply-fixes.js';
import { generateCandidates, type Candidate } from './candidates.js';
import { evaluateVerdict } from './evaluate.js';
import type { Mirror } from '../init/mirrors.js';
import { probeSelector, type Env } from './reach.js';
import type { NeedOutcome, RouteProbe, Verdict } from './types.js';

/** What the fix search reads: the failing verdict and everything it was computed from. */
interface FixSearchInput {
  verdict: Verdict;
  model: ConfigModel;
  env: Env;
  needs: Need[];
  goVersion: string;
  /** The run's probe (probes/route-probe.ts, cached per URL): answers the verdict already got are reused. */
  probe: RouteProbe;
  /** A probe for another environment (a candidate that changes HTTPS_PROXY, NO_PROXY, GODEBUG or the roots). */
  probeFor?: (env: Env) => RouteProbe;
  /** The probe bound (the engine's words about waits). */
  timeoutMs?: number;
  mirrors: Mirror[];
  goModGo?: string;
  concurrency?: number;
}

/** A candidate whose verdict has no failure. */
export interface VerifiedFix {
  id: string;
  /** The fixes, each marked `verifiedBy: ['probe']`. */
  fixes: Fix[];
  /** The time Go's requests took under the fix, summed over every need (what the ranking uses). */
  durationMs: number;
  config: Config;
  verdict: Verdict;
}

/** A candidate that did not make every need fetchable, and why. */
export interface TriedFix {
  id: string;
  fixes: Fix[];
  /** How many needs still fail under it, and the first one's message. */
  failures: number;
  /** A probe's sentence (a catalogue message: English in JSON) or verbatim text. */
  reason: Text;
}

/** The search's result: verified fixes best first (empty: no verified fix) and every candidate that was tried. */
export interface FixSearch {
  verified: VerifiedFix[];
  tried: TriedFix[];
}

/** The needs Go still fetches under a configuration (GOTOOLCHAIN=local: no toolchain switch). */
function needsUnder(model: ConfigModel, needs: Need[]): Need[] {
  const local = getVar(model, 'GOTOOLCHAIN') === 'local';
  return local ? needs.filter((n) => n.why !== 'toolchain') : needs;
}

const URLS = /[a-z][a-z0-9+.-]*:\/\/[^\s,|]+/gi;
const hostsIn = (text: string): string[] => (text.match(URLS) ?? []).map((u) => urlHostname(u)?.toLowerCase() ?? u);

/** The host name of a URL or of a "host:port" entry of Verdict.probed. */
const hostOf = (s: string): string => (urlHostname(s.includes('://') ? s : `x://${s}`) ?? s).toLowerCase();

/** Hosts a fix adds (in GOPROXY/GOSUMDB URLs; `current` = what the configuration names already) that no probe asked. */
export function unprobedHosts(fixes: Fix[], probed: string[], current = ''): string[] {
  const known = new Set([...probed.map(hostOf), ...hostsIn(current)]);
  const named = fixes.flatMap((f) => (f.kind === 'set' && f.value ? hostsIn(f.value) : []));
  return [...new Set(named)].filter((h) => !known.has(h));
}

const leakKey = (o: NeedOutcome): string => `${o.need.module} ${o.entry ?? ''}`;

const sumDurations = (v: Verdict): number => v.outcomes.reduce((t, o) => t + (o.durationMs ?? 0), 0);

/** Evaluates one candidate with the engine; a thrown error counts as "not verified". */
async function tryCandidate(
  i: FixSearchInput,
  c: Candidate,
  probeOf: (env: Env) => RouteProbe | null,
): Promise<VerifiedFix | TriedFix> {
  const config = c.apply(i.model, i.env);
  const probe = probeOf(config.env);
  if (!probe) return { id: c.id, fixes: c.fixes, failures: -1, reason: verdictMsg('notProbedNetwork') };
  try {
    const verdict = await evaluateVerdict({
      model: config.model,
      env: config.env,
      needs: needsUnder(config.model, i.needs),
      goVersion: i.goVersion,
      probe,
      ...(i.concurrency ? { concurrency: i.concurrency } : {}),
      ...(i.timeoutMs ? { timeoutMs: i.timeoutMs } : {}),
    });
    // A fix never makes Go send a private-looking path somewhere it did not go before (the engine predicts it).
    const leaks = new Set(i.verdict.outcomes.filter((o) => o.outcome === 'leak').map(leakKey));
    const leak = verdict.outcomes.find((o) => o.outcome === 'leak' && !leaks.has(leakKey(o)));
    if (leak) return { id: c.id, fixes: c.fixes, failures: 0, reason: leak.message };
    // The engine reports a direct step it could not probe (no git) as ok "…: not probed": that proves nothing.
    const unproven = verdict.outcomes.find((o) => o.outcome === 'ok' && /\bnot probed\b/.test(String(o.message)));
    if (unproven) return { id: c.id, fixes: c.fixes, failures: 0, reason: unproven.message };
    const first = verdict.failures[0];
    if (!first && verdict.errors.length) return { id: c.id, fixes: c.fixes, failures: 0, reason: verdict.errors[0]! };
    if (first) return { id: c.id, fixes: c.fixes, failures: verdict.failures.length, reason: first.message };
    const current = ['GOPROXY', 'GOSUMDB'].map((v) => getVar(i.model, v)).join(' ');
    const unprobed = unprobedHosts(c.fixes, [...i.verdict.probed, ...verdict.probed], current);
    if (unprobed.length)
      return {
        id: c.id,
        fixes: c.fixes,
        failures: 0,
        reason: verdictMsg('notProbedHosts', { hosts: unprobed.join(', ') }),
      };
    const fixes = c.fixes.map((f) => ({ ...f, verifiedBy: ['probe'] }));
    return { id: c.id, fixes, durationMs: sumDurations(verdict), config, verdict };
  } catch (err) {
    return { id: c.id, fixes: c.fixes, failures: -1, reason: (err as Error).message };
  }
}

/** Searches the candidates for this verdict's failures; verified ones fastest first (then fewest changes). */
export async function chooseFix(i: FixSearchInput): Promise<FixSearch> {
  const candidates = generateCandidates({
    failures: i.verdict.failures,
    model: i.model,
    env: i.env,
    goVersion: i.goVersion,
    mirrors: i.mirrors,
    ...(i.goModGo ? { goModGo: i.goModGo } : {}),
  });
  const probeOf = probeSelector(i.probe, i.env, i.probeFor);
  const results = await Promise.all(candidates.map((c) => tryCandidate(i, c, probeOf)));
  const verified = results.filter((r): r is VerifiedFix => 'verdict' in r);
  const tried = results.filter((r): r is TriedFix => !('verdict' in r));
  verified.sort((a, b) => a.durationMs - b.durationMs || a.fixes.length - b.fixes.length);
  return { verified, tried };
}
