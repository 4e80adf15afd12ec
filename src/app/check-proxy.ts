// `gomodctl check-proxy URL`: loads the Go configuration (GOSUMDB, privacy patterns), probes through the one prober
// (CA roots, .netrc or GOAUTH, proxies, as that Go), sends the planned requests concurrently (each bounded by
// --timeout), verifies the checksum database, and hands the facts to the pure rules of core/check-proxy. Rounds:
// 1) every protocol request + TLS handshake; 2) what depends on round 1 (cached zip, unescaped paths, anonymous
// request, checksum database); 3) the parallel burst.
import { getVar } from '../core/config-model.js';
import { UsageError } from '../core/errors.js';
import type { Text } from '../core/i18n/message.js';
import { checkProxyMsg } from '../core/i18n/messages/check-proxy.js';
import { DEFAULT_CANARIES, parseCanary, sumdbSkipReason, verifyCanaryPrivacy } from '../core/check-proxy/canaries.js';
import { buildCheckProxyReport, evaluateCheckProxy } from '../core/check-proxy/evaluate.js';
import type { CheckProxyFacts, SumdbVerification } from '../core/check-proxy/facts.js';
import {
  moduleUrl,
  planProxyRequests,
  sumdbRoute,
  unescapedListUrl,
  verifyProxyUrl,
  type PlannedRequest,
} from '../core/check-proxy/plan.js';
import type { Canary, CheckProxyReport, ProxyCheck } from '../core/check-proxy/types.js';
import { configuredGoAuth } from '../core/goauth.js';
import { parseGosumdb, type SumdbConfig } from '../core/gosumdb.js';
import { redactUrl } from '../core/redact.js';
import type { ProbeResult } from '../core/probe-types.js';
import { loadConfig } from '../go/load-config.js';
import { resolveGoBinary } from '../go/run-go.js';
import { createGoProber, type GoProber } from '../probes/go-prober.js';
import { verifySumdb } from '../probes/sumdb-client.js';
import { probeTlsHandshake, type TlsCheckContext, type TlsTransportCheck } from '../probes/tls-handshake.js';
import { checkProxyJson, renderCheckProxyHuman } from '../report/check-proxy-report.js';
import { createOutput } from '../report/output.js';
import type { RunOptions } from './run-options.js';

/** Options of one check-proxy run (already validated flags). */
interface CheckProxyOptions {
  url: string;
  /** --module path@version values; empty: the public default canaries. */
  modules: string[];
  /** --sumdb: a GOSUMDB value to use instead of the configured one. */
  sumdb?: string;
  timeoutMs: number;
  /** The go binary whose configuration and network view are used. */
  go: string;
  env: NodeJS.ProcessEnv;
  /** More TLS transport checks (e.g. a Go-shaped ClientHello); run once, next to the handshake. */
  tlsChecks?: TlsTransportCheck[];
  onProgress?: (text: Text) => void;
}

/** Options of the `gomodctl check-proxy` command. */
interface CheckProxyCommandOptions extends RunOptions {
  url: string;
  modules: string[];
  sumdb?: string;
  timeoutMs: number;
  verbose: boolean;
}

const BURST = 8;

function sumdbConfigOf(value: string, fromFlag: boolean): Extract<SumdbConfig, { kind: 'db' }> | null {
  const r = parseGosumdb(value);
  if (!r.ok)
    throw new UsageError(
      checkProxyMsg('sumdbInvalid', { name: fromFlag ? '--sumdb' : 'GOSUMDB', value, error: r.error }),
    );
  return r.config.kind === 'off' ? null : r.config;
}

type Probe = (url: string, read: number, opt?: { binary?: boolean; anonymous?: boolean }) => Promise<ProbeResult>;

async function runAll(plan: PlannedRequest[], probe: Probe): Promise<Record<string, ProbeResult>> {
  const done = await Promise.all(plan.map((p) => probe(p.url, p.read, { binary: p.binary })));
  return Object.fromEntries(plan.map((p, i) => [p.key, done[i]!]));
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

/** Validates the input, loads what Go would use (config, then the prober: .netrc/GOAUTH, CA roots). */
async function prepare(o: CheckProxyOptions): Promise<{ ctx: Ctx; prober: GoProber }> {
  const u = verifyProxyUrl(o.url);
  const base = o.url.replace(/\/+$/, '');
  const canaries = o.modules.length ? o.modules.map(parseCanary) : [...DEFAULT_CANARIES];
  const m = (await loadConfig({ go: o.go, env: o.env })).model;
  const privacy = {
    GOPRIVATE: getVar(m, 'GOPRIVATE'),
    GONOPROXY: getVar(m, 'GONOPROXY'),
    GONOSUMDB: getVar(m, 'GONOSUMDB'),
  };
  verifyCanaryPrivacy(canaries, redactUrl(base), privacy);
  const db = sumdbConfigOf(o.sumdb ?? getVar(m, 'GOSUMDB'), o.sumdb !== undefined);
  const goVersion = m.goVersion;
  const prober = await createGoProber({
    env: o.env,
    goVersion,
    platform: process.platform,
    goauth: configuredGoAuth(m),
    timeoutMs: o.timeoutMs,
  });
  // An anonymous request: no userinfo and no credentials, to see whether the proxy really needs them.
  const probe: Probe = (url, read, opt = {}) =>
    prober.probe(opt.anonymous ? url.replace(/\/\/[^@/]*@/, '//') : url, {
      readBody: read,
      binary: Boolean(opt.binary),
      responseHeaders: true,
      anonymous: Boolean(opt.anonymous),
    });
  const https = u.protocol === 'https:';
  const hasUserinfo = u.username !== '' || u.password !== '';
  const credentialsSent = https && (hasUserinfo || (await prober.hasCredentials(base)));
  const tls = { url: base, env: o.env, ca: prober.ca, goVersion, timeoutMs: o.timeoutMs };
  return { ctx: { o, base, https, hasUserinfo, credentialsSent, canaries, probe, db, privacy, tls }, prober };
}

const SMALL = 64 * 1024;
const firstFile = (ctx: Ctx, file: string): string =>
  moduleUrl(ctx.base, ctx.canaries[0]!.path, file, ctx.canaries[0]!.version);

/** The checksum database: which canaries may be looked up, and the client's verification where it is served. */
async function sumdbPart(ctx: Ctx, supported: ProbeResult | undefined): Promise<CheckProxyFacts['sumdb']> {
  const route = sumdbRoute(ctx.db, ctx.base, supported);
  const skipped: Record<number, Text> = {};
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

/** The rounds of requests, then the facts for the rules. */
async function gatherFacts(
  ctx: Ctx,
): Promise<{ facts: CheckProxyFacts; anonymous?: ProbeResult; extra: ProxyCheck[] }> {
  const o = ctx.o;
  o.onProgress?.(checkProxyMsg('progress.modules', { count: ctx.canaries.length, url: redactUrl(ctx.base) }));
  const [results, tls, extra] = await Promise.all([
    runAll(planProxyRequests(ctx.base, ctx.canaries, ctx.db?.name ?? null), ctx.probe),
    probeTlsHandshake(ctx.tls),
    Promise.all((o.tlsChecks ?? []).map((c) => c.run(ctx.tls))).then((x): ProxyCheck[] => x.flat()),
  ]);
  // Nothing answered (refused, TLS, timeout): later rounds would only wait again.
  const answered = Object.values(results).some((r) => r.status !== undefined);
  o.onProgress?.(checkProxyMsg('progress.sumdb'));
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
  return { facts, ...(two?.anonymous ? { anonymous: two.anonymous } : {}), extra };
}

/** Checks one proxy URL and returns the report (never throws for network faults). */
export async function checkProxy(o: CheckProxyOptions): Promise<CheckProxyReport> {
  const start = performance.now();
  const { ctx, prober } = await prepare(o);
  try {
    const { facts, anonymous, extra } = await gatherFacts(ctx);
    const checks = evaluateCheckProxy(facts, anonymous, extra);
    return buildCheckProxyReport(facts, checks, Math.round(performance.now() - start));
  } finally {
    prober.close();
  }
}

/** Runs `gomodctl check-proxy`; resolves to the exit code (0 no requirement failed, 1 one failed). */
export async function runCheckProxy(o: CheckProxyCommandOptions): Promise<number> {
  const go = await resolveGoBinary(o.go, o.env);
  const out = createOutput({ json: o.json, color: o.color, env: o.env, lang: o.lang });
  const spinner = await out.startSpinner(out.t(checkProxyMsg('progress.start')));
  try {
    const report = await checkProxy({
      url: o.url,
      modules: o.modules,
      ...(o.sumdb !== undefined ? { sumdb: o.sumdb } : {}),
      timeoutMs: o.timeoutMs,
      go,
      env: o.env,
      onProgress: (t) => spinner.update(out.t(t)),
    });
    spinner.stop();
    if (out.json) out.printDocument('check-proxy', checkProxyJson(report));
    else renderCheckProxyHuman(out, report, o.verbose);
    return report.summary.fail > 0 ? 1 : 0;
  } finally {
    spinner.stop();
  }
}
