// From facts to the report: every requirement's verdict in a fixed order, then root causes only — a failure that
// makes later requests meaningless (a transport failure, a path Go cannot reach because "!" is not decoded) turns
// what depends on it into "skip", so each non-conformance shows as its own named failure and nothing else.
import { checkProxyMsg } from '../i18n/messages/check-proxy.js';
import type { Text } from '../i18n/message.js';
import type { ProbeResult } from '../probe-types.js';
import { adviceFor, detectServer } from './advice.js';
import type { CheckProxyFacts } from './facts.js';
import { contentTypeCheck, errorTextCheck, escapingCheck, missingCheck, redirectCheck } from './general-rules.js';
import { integrityChecks } from './integrity-rules.js';
import { canaryChecks, type Served } from './protocol-rules.js';
import { supportedCheck, unknownSupportedCheck, verificationChecks } from './sumdb-rules.js';
import {
  authCheck,
  cacheCheck,
  concurrencyCheck,
  httpVersionCheck,
  reachCheck,
  tlsCheck,
  transportBlocker,
} from './transport-rules.js';
import type { CheckProxyReport, ProxyCheck, RequirementStatus, ServerInfo } from './types.js';

const FILES = ['list', 'latest', 'info', 'mod', 'zip'] as const;

function protocolChecks(f: CheckProxyFacts): { checks: ProxyCheck[]; served: Served[] } {
  const served: Served[] = [];
  const checks: ProxyCheck[] = [];
  f.canaries.forEach((c, i) => {
    const rs = Object.fromEntries(FILES.map((k) => [k, f.results[`${k}:${i}`]!])) as Record<
      (typeof FILES)[number],
      ProbeResult
    >;
    const r = canaryChecks(c, rs);
    checks.push(...r.checks);
    served.push(r.served);
  });
  const res = f.results;
  checks.push(
    escapingCheck(
      f.canaries,
      f.canaries.map((_, i) => res[`list:${i}`]),
      f.unescaped,
    ),
    missingCheck('protocol.missing-module', checkProxyMsg('missing.moduleTitle'), [
      { r: res['missing-list']!, list: true },
      { r: res['missing-info']!, list: false },
    ]),
    missingCheck('protocol.missing-version', checkProxyMsg('missing.versionTitle'), [
      { r: res['missing-version-info']!, list: false },
      { r: res['missing-version-mod']!, list: false },
    ]),
    errorTextCheck(Object.values(res)),
    contentTypeCheck(res),
    redirectCheck(Object.values(res)),
  );
  return { checks, served };
}

function blocked(c: ProxyCheck, why: Text): ProxyCheck {
  const { problem: _p, goEffect: _g, fix: _f, ...rest } = c;
  return { ...rest, status: 'skip', message: checkProxyMsg('skip.notChecked', { why }) };
}

/** Turns consequences of a root failure into skips (see the file comment); `independent` checks never depend. */
function rootCausesOnly(f: CheckProxyFacts, checks: ProxyCheck[], independent: Set<string>): ProxyCheck[] {
  const blocker = transportBlocker(f);
  if (blocker) {
    const why = checkProxyMsg('skip.transport', { problem: blocker.problem });
    const keep = (c: ProxyCheck): boolean =>
      c.status === 'skip' || independent.has(c.id) || (c.group === 'transport' && c.status === 'fail');
    return checks.map((c) => (keep(c) ? c : blocked(c, why)));
  }
  const unescaped = new Set(checks.filter((c) => c.problem === 'case-escaping').map((c) => c.module));
  return checks.map((c) => {
    const dependent = c.module && unescaped.has(c.module) && c.id !== 'protocol.escaping' && c.group !== 'sumdb';
    return dependent && c.status !== 'skip' ? blocked(c, checkProxyMsg('skip.escaping')) : c;
  });
}

function withAdvice(c: ProxyCheck, server: ServerInfo): ProxyCheck {
  if ((c.status !== 'fail' && c.status !== 'warn') || !c.problem) return c;
  return { ...c, ...adviceFor(c.problem, server) };
}

/** Every verdict, in report order, root causes only, with what go does and what to change. */
export function evaluateCheckProxy(
  f: CheckProxyFacts,
  anonymous: ProbeResult | undefined,
  extra: ProxyCheck[] = [],
): ProxyCheck[] {
  const protocol = protocolChecks(f);
  const checks = [
    reachCheck(f),
    tlsCheck(f),
    ...extra,
    httpVersionCheck(f),
    authCheck(f, anonymous),
    cacheCheck(f.results['zip:0'], f.again),
    concurrencyCheck(f.burst),
    ...protocol.checks,
    supportedCheck(f, f.results.supported),
    unknownSupportedCheck(f.results['supported-unknown']!),
    ...verificationChecks(f),
    ...integrityChecks(f, protocol.served),
  ];
  const server = serverOf(f);
  const independent = new Set(['transport.tls', 'transport.http', ...extra.map((c) => c.id)]);
  return rootCausesOnly(f, checks, independent).map((c) => withAdvice(c, server));
}

/** The server as its first answer with headers describes itself. */
function serverOf(f: CheckProxyFacts): ServerInfo {
  const withHeaders = Object.values(f.results).find((r) => r.headers);
  return detectServer(withHeaders?.headers);
}

/** The report document (without schemaVersion/command, added by the reporter). */
export function buildCheckProxyReport(f: CheckProxyFacts, checks: ProxyCheck[], durationMs: number): CheckProxyReport {
  const summary: Record<RequirementStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const c of checks) summary[c.status]++;
  return { url: f.url, server: serverOf(f), canaries: f.canaries, sumdb: f.sumdb.use, checks, summary, durationMs };
}
