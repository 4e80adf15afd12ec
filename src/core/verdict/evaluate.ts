// The verdict engine: every need walked along its route (walk.ts) with one probe per distinct URL, one answer per
// endpoint for failures below HTTP (a dead proxy or host answers for every module behind it: its first probe goes
// alone, the rest wait for it), and bounded concurrency. Pure given the injected RouteProbe.
import { verdictMsg } from '../i18n/messages/verdict.js';
import type { ConfigModel } from '../config-types.js';
import { urlHost } from '../hosts.js';
import type { Need } from '../needs/types.js';
import type { ProbeResult } from '../probe-types.js';
import { redactUrl } from '../redact.js';
import { isConnectionLevel } from './answers.js';
import type { GitAnswer, NeedOutcome, RouteProbe, Verdict } from './types.js';
import { isPrivateLooking, walkNeed, type Asker } from './walk.js';

/** Input of evaluateVerdict. */
interface VerdictInput {
  model: ConfigModel;
  env: Record<string, string | undefined>;
  needs: Need[];
  /** The running Go ("1.26.8"); the needs already carry what differs by version (toolchain switch, pruning). */
  goVersion: string;
  probe: RouteProbe;
  /** The run's Asker over `probe` (createAsker), when the prediction already used it. */
  asker?: RunAsker;
  /** Needs walked at once (default 32). */
  concurrency?: number;
  /** The probe bound, for the words about waits (default 5 s). */
  timeoutMs?: number;
  /** Why Go stops before fetching (from the needs prediction): each makes the command fail. */
  errors?: string[];
}

/** Runs `fn` over items with at most `limit` in flight, keeping order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** An Asker that also records the hosts it asked. */
export type RunAsker = Asker & { probed: Set<string> };

/**
 * The Asker over a RouteProbe: answers cached by URL, the first probe of an endpoint deciding for a dead one. Share one
 * between the needs prediction (go.mod files fetched along the route) and evaluateVerdict, so nothing is asked twice.
 */
export function createAsker(probe: RouteProbe, timeoutMs: number): RunAsker {
  const probed = new Set<string>();
  const byUrl = new Map<string, Promise<ProbeResult>>();
  const firstOf = new Map<string, Promise<ProbeResult>>();
  const git = new Map<string, Promise<GitAnswer>>();
  const send = (url: string, body: boolean): Promise<ProbeResult> => {
    const k = `${body ? 'body ' : ''}${url}`;
    let p = byUrl.get(k) ?? (body ? undefined : byUrl.get(`body ${url}`));
    if (!p) {
      const host = urlHost(url);
      if (host) probed.add(host);
      p = body && probe.getBody ? probe.getBody(url) : probe.get(url);
      byUrl.set(k, p);
    }
    return p;
  };
  const asker: RunAsker = {
    timeoutMs,
    probed,
    async get(key, url, body = false) {
      const first = firstOf.get(key);
      if (!first) {
        const p = send(url, body);
        firstOf.set(key, p);
        return p;
      }
      const r = await first;
      if (isConnectionLevel(r)) return { ...r, url: redactUrl(url) };
      return send(url, body);
    },
  };
  if (probe.gitLsRemote) {
    const ls = probe.gitLsRemote.bind(probe);
    asker.git = (repo) => {
      let p = git.get(repo);
      if (!p) {
        p = ls(repo);
        git.set(repo, p);
      }
      return p;
    };
  }
  return asker;
}

/** Needs that Go fetches only if an earlier answer says so, and ones without a version to fetch, are not walked. */
function walkable(n: Need): boolean {
  if (n.condition === 'list-empty') return false;
  return n.what === 'list' || n.what === 'latest' || (n.version !== undefined && n.version !== '');
}

/**
 * Go looks a module up in the checksum database after fetching its go.mod or zip (modfetch/fetch.go checkModSum):
 * when that fetch fails, the lookup is never made, so its failure is no cause of its own.
 */
function notReached(outcomes: NeedOutcome[]): void {
  const failed = new Set(
    outcomes
      .filter((o) => o.failing && o.need.what !== 'sumdb-lookup')
      .map((o) => `${o.need.module}@${o.need.version}`),
  );
  for (const o of outcomes) {
    if (o.need.what !== 'sumdb-lookup' || !o.failing || !failed.has(`${o.need.module}@${o.need.version}`)) continue;
    o.failing = false;
    o.message = verdictMsg('notReached', { message: o.message });
  }
}

/**
 * A missing import is looked up under every path prefix at once (modload/query.go queryPrefixModules): one prefix
 * that resolves is enough, so a 404/410 on the others is no failure, nor an error on a shorter prefix than the one
 * found. A prefix that never answers still holds Go up (it waits for every prefix).
 */
function prefixQueries(outcomes: NeedOutcome[]): void {
  const found = new Map<string, number>(); // import path → length of the longest prefix whose list answered
  for (const o of outcomes) {
    if (o.need.why !== 'query' || o.need.what !== 'list' || o.outcome !== 'ok' || !o.need.importPath) continue;
    found.set(o.need.importPath, Math.max(found.get(o.need.importPath) ?? 0, o.need.module.length));
  }
  for (const o of outcomes) {
    const longest = o.need.importPath === undefined ? undefined : found.get(o.need.importPath);
    if (o.need.why !== 'query' || longest === undefined || !o.failing || o.outcome === 'hang') continue;
    const notFound = o.status === 404 || o.status === 410;
    if (!notFound && o.need.module.length > longest) continue;
    o.failing = false;
    o.message = verdictMsg('otherPrefix', { importPath: o.need.importPath ?? '', message: o.message });
  }
}

/** Predicts, from the needs and the route walked with probes, whether the Go command will fail and where. */
export async function evaluateVerdict(i: VerdictInput): Promise<Verdict> {
  const ask = i.asker ?? createAsker(i.probe, i.timeoutMs ?? 5000);
  const needs = i.needs.filter(walkable);
  const outcomes = await mapLimit(needs, i.concurrency ?? 32, async (need): Promise<NeedOutcome> => {
    const w = await walkNeed(ask, i.model, need);
    const failing = w.failing ?? (w.outcome === 'fail' || w.outcome === 'hang');
    return { need, ...w, privateLooking: isPrivateLooking(i.model, need.module), failing };
  });
  notReached(outcomes);
  prefixQueries(outcomes);
  const failures = outcomes.filter((o) => o.failing);
  const errors = i.errors ?? [];
  return {
    willFail: failures.length > 0 || errors.length > 0,
    outcomes,
    failures,
    probed: [...ask.probed].sort(),
    errors,
  };
}
