// `gomodctl check-proxy URL`: loads the Go configuration (GOSUMDB, privacy patterns, .netrc, CA roots), sends the
// planned requests concurrently (each bounded by --timeout), verifies the checksum database, and hands the facts
// to the pure rules of core/check-proxy. Rounds: 1) every protocol request + TLS handshake; 2) what depends on
// round 1 (cached zip, unescaped paths, anonymous request, checksum database); 3) the parallel burst.
import { getVar } from '../core/config-model.js';
import { UsageError } from '../core/errors.js';
import { DEFAULT_CANARIES, parseCanary, sumdbSkipReason, verifyCanaryPrivacy } from '../core/check-proxy/canaries.js';
import { buildCheckProxyReport, evaluateCheckProxy } from '../core/check-proxy/evaluate.js';
import type { CheckProxyFacts, SumdbVerification } from '../core/check-proxy/facts.js';
import { moduleUrl, planProxyRequests, unescapedListUrl, type PlannedRequest } from '../core/check-proxy/plan.js';
import type { Canary, CheckProxyReport, ProxyCheck, SumdbUse } from '../core/check-proxy/types.js';
import { parseGosumdb } from '../core/gosumdb.js';
import { findNetrcEntry } from '../core/netrc.js';
import { redactUrl } from '../core/redact.js';
import type { NetrcEntry, ProbeResult, SumdbConfig } from '../core/types.js';
import { loadConfig } from '../go/load-config.js';
import { loadGoTrustedCAs } from '../probes/ca-certs.js';
import { probeUrl } from '../probes/http-probe.js';
import { readNetrc } from '../probes/netrc-file.js';
import { verifySumdb } from '../probes/sumdb-client.js';
import { probeTlsHandshake, type TlsCheckContext, type TlsTransportCheck } from '../probes/tls-handshake.js';

/** Options of one check-proxy run (already validated flags). */
export interface CheckProxyOptions {
  url: string;
  /** --module path@version values; empty: the public default canaries. */
  modules: string[];
  /** --sumdb: a GOSUMDB value to use instead of the configured one. */
  sumdb?: string;
  timeoutMs: number;
  go: string;
  env: NodeJS.ProcessEnv;
  /** More TLS transport checks (e.g. a Go-shaped ClientHello); run once, next to the handshake. */
  tlsChecks?: TlsTransportCheck[];
  onProgress?: (text: string) => void;
}

const BURST = 8;

/** Validates the proxy URL: one absolute http(s) URL, as a GOPROXY entry (no list, no "direct"/"off"). */
export function verifyProxyUrl(url: string): URL {
  const example = 'e.g. gomodctl check-proxy https://goproxy.corp.example.com';
  if (/[,|]/.test(url))
    throw new UsageError(`"${redactUrl(url)}" is a GOPROXY list; check one proxy at a time, ${example}`);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`"${redactUrl(url)}" is not an absolute URL; ${example}`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new UsageError(`"${redactUrl(url)}" is not an http(s) URL; ${example}`);
  if (u.search || u.hash)
    throw new UsageError(`"${redactUrl(url)}" has a query or fragment; a GOPROXY URL has neither`);
  return u;
}

function sumdbConfigOf(value: string, fromFlag: boolean): Extract<SumdbConfig, { kind: 'db' }> | null {
  const r = parseGosumdb(value);
  if (!r.ok) throw new UsageError(`${fromFlag ? '--sumdb' : 'GOSUMDB'} "${value}" is invalid: ${r.error}`);
  return r.config.kind === 'off' ? null : r.config;
}

type Probe = (url: string, read: number, opt?: { binary?: boolean; anonymous?: boolean }) => Promise<ProbeResult>;

async function runAll(plan: PlannedRequest[], probe: Probe): Promise<Record<string, ProbeResult>> {
  const done = await Promise.all(plan.map((p) => probe(p.url, p.read, { binary: p.binary })));
  return Object.fromEntries(plan.map((p, i) => [p.key, done[i]!]));
}

/** Where the checksum database is read, as initBase decides from /supported (`read`: the unredacted base). */
function sumdbRoute(
  db: Extract<SumdbConfig, { kind: 'db' }> | null,
  base: string,
  supported?: ProbeResult,
): { use: SumdbUse; read?: string } {
  if (!db) return { use: { name: 'off', via: 'off' } };
  const proxied = `${base}/sumdb/${db.name}`;
  if (supported?.status === 200)
    return { use: { name: db.name, via: 'proxy', base: redactUrl(proxied) }, read: proxied };
  if (supported?.status === 404 || supported?.status === 410) {
    const direct = (db.url ?? `https://${db.name}`).replace(/\/+$/, '');
    return { use: { name: db.name, via: 'direct', base: redactUrl(direct) }, read: direct };
  }
  return { use: { name: db.name, via: 'proxy', base: redactUrl(proxied) } };
}

interface Ctx {
  o: CheckProxyOptions;
  base: string;
  https: boolean;
  hasUserinfo: boolean;
  credentialsSent: boolean;
  canaries: Canary[];
  probe: Probe;
  db: Extract<SumdbConfig, { kind: 'db' }> | null;
  privacy: { GOPRIVATE: string; GONOPROXY: string; GONOSUMDB: string };
  tls: TlsCheckContext;
}

/** Validates the input, loads what Go would use (config, .netrc, CA roots) and builds the bounded probe. */
async function prepare(o: CheckProxyOptions): Promise<Ctx> {
  const u = verifyProxyUrl(o.url);
  const base = o.url.replace(/\/+$/, '');
  const canaries = o.modules.length ? o.modules.map(parseCanary) : [...DEFAULT_CANARIES];
  const roots = loadGoTrustedCAs({ platform: process.platform, env: o.env }); // meanwhile `go env` runs
  const m = (await loadConfig({ go: o.go, env: o.env })).model;
  const privacy = {
    GOPRIVATE: getVar(m, 'GOPRIVATE'),
    GONOPROXY: getVar(m, 'GONOPROXY'),
    GONOSUMDB: getVar(m, 'GONOSUMDB'),
  };
  verifyCanaryPrivacy(canaries, redactUrl(base), privacy);
  const db = sumdbConfigOf(o.sumdb ?? getVar(m, 'GOSUMDB'), o.sumdb !== undefined);
  const goVersion = m.goVersion;
  const [netrc, cas] = await Promise.all([readNetrc(o.env, { goVersion }).catch((): NetrcEntry[] => []), roots]);
  const probe: Probe = (url, read, opt = {}) =>
    probeUrl(opt.anonymous ? url.replace(/\/\/[^@/]*@/, '//') : url, {
      timeoutMs: o.timeoutMs,
      env: o.env,
      goVersion,
      netrc: opt.anonymous ? [] : netrc,
      ca: cas.ca,
      readBody: read,
      binary: Boolean(opt.binary),
      responseHeaders: true,
    });
  const https = u.protocol === 'https:';
  const hasUserinfo = u.username !== '' || u.password !== '';
  const credentialsSent = https && (hasUserinfo || findNetrcEntry(netrc, base, goVersion) !== null);
  const tls = { url: base, env: o.env, ca: cas.ca, goVersion, timeoutMs: o.timeoutMs };
  return { o, base, https, hasUserinfo, credentialsSent, canaries, probe, db, privacy, tls };
}

const SMALL = 64 * 1024;
const firstFile = (ctx: Ctx, file: string): string =>
  moduleUrl(ctx.base, ctx.canaries[0]!.path, file, ctx.canaries[0]!.version);

/** The checksum database: which canaries may be looked up, and the client's verification where it is served. */
async function sumdbPart(ctx: Ctx, supported: ProbeResult | undefined): Promise<CheckProxyFacts['sumdb']> {
  const route = sumdbRoute(ctx.db, ctx.base, supported);
  const skipped: Record<number, string> = {};
  ctx.canaries.forEach((c, i) => {
    const why = ctx.db ? sumdbSkipReason(c, ctx.db.name, ctx.privacy) : null;
    if (why) skipped[i] = why;
  });
  const modules = ctx.canaries.flatMap((c, i) => (skipped[i] ? [] : [{ canary: i, path: c.path, version: c.version }]));
  if (!route.read || !ctx.db || modules.length === 0) return { use: route.use, skipped };
  const read = (path: string, limit: number) => ctx.probe(route.read + path, limit, { binary: true });
  const verification: SumdbVerification = await verifySumdb({ read, key: ctx.db.key, modules });
  return { use: route.use, skipped, verification };
}

/** Round 2: what depends on round 1 (the same zip again, unescaped paths, an anonymous request, the database). */
async function roundTwo(ctx: Ctx, results: Record<string, ProbeResult>) {
  const upper = ctx.canaries.flatMap((c, i) =>
    c.path !== c.path.toLowerCase() && [404, 410].includes(results[`list:${i}`]?.status ?? 0) ? [i] : [],
  );
  const zip = results['zip:0'];
  const [again, raw, anonymous, sumdb] = await Promise.all([
    zip?.status === 200 ? ctx.probe(firstFile(ctx, 'zip'), (zip.bytes?.length ?? 0) + 1, { binary: true }) : undefined,
    Promise.all(upper.map((i) => ctx.probe(unescapedListUrl(ctx.base, ctx.canaries[i]!.path), SMALL))),
    ctx.credentialsSent ? ctx.probe(firstFile(ctx, 'info'), SMALL, { anonymous: true }) : undefined,
    sumdbPart(ctx, results.supported),
  ]);
  return { again, unescaped: Object.fromEntries(upper.map((i, k) => [i, raw[k]!])), anonymous, sumdb };
}

/** Runs check-proxy against one proxy URL and returns the report (never throws for network faults). */
export async function runCheckProxy(o: CheckProxyOptions): Promise<CheckProxyReport> {
  const start = performance.now();
  const ctx = await prepare(o);
  o.onProgress?.(`requesting ${ctx.canaries.length} modules from ${redactUrl(ctx.base)}…`);
  const [results, tls, extra] = await Promise.all([
    runAll(planProxyRequests(ctx.base, ctx.canaries, ctx.db?.name ?? null), ctx.probe),
    probeTlsHandshake(ctx.tls),
    Promise.all((o.tlsChecks ?? []).map((c) => c.run(ctx.tls))).then((x): ProxyCheck[] => x.flat()),
  ]);
  // Nothing answered (refused, TLS, timeout): later rounds would only wait again.
  const answered = Object.values(results).some((r) => r.status !== undefined);
  o.onProgress?.('checking the checksum database and the cache…');
  const two = answered ? await roundTwo(ctx, results) : null;
  const burst =
    results['info:0']?.status === 200
      ? await Promise.all(Array.from({ length: BURST }, () => ctx.probe(firstFile(ctx, 'info'), SMALL)))
      : [];
  const facts: CheckProxyFacts = {
    url: redactUrl(ctx.base),
    scheme: ctx.https ? 'https' : 'http',
    hasUserinfo: ctx.hasUserinfo,
    credentialsSent: ctx.credentialsSent,
    canaries: ctx.canaries,
    results,
    unescaped: two?.unescaped ?? {},
    ...(two?.again ? { again: two.again } : {}),
    burst,
    tls,
    sumdb: two?.sumdb ?? { use: sumdbRoute(ctx.db, ctx.base, results.supported).use, skipped: {} },
  };
  const checks = evaluateCheckProxy(facts, two?.anonymous, extra);
  return buildCheckProxyReport(facts, checks, Math.round(performance.now() - start));
}
