// Transport requirements: TLS as Go's client verifies it (crypto/x509: expiry, name, chain to a trusted root, no
// fetching of missing intermediates), the HTTP version Go's transport negotiates (ALPN h2, else HTTP/1.1),
// authentication (cmd/go/internal/web/http.go: credentials only over https), cache timing and concurrency.
import { checkProxyMsg } from '../i18n/messages/check-proxy.js';
import type { Text } from '../i18n/message.js';
import { formatDuration } from '../duration.js';
import type { ProbeResult } from '../probe-types.js';
import { exchangeOf, type Finding } from './exchange.js';
import type { CheckProxyFacts, TlsFacts } from './facts.js';
import type { ProxyCheck } from './types.js';

const SOON_MS = 14 * 24 * 3600 * 1000;
const SLOW_MS = 10_000;

function check(id: string, title: Text, rs: ProbeResult[], f: Finding | null, ok: Text, warn = false): ProxyCheck {
  const base = { id, group: 'transport' as const, title, exchanges: rs.map(exchangeOf) };
  if (!f) return { ...base, status: 'pass', message: ok };
  return { ...base, status: warn ? 'warn' : 'fail', problem: f.problem, message: f.message };
}

const skip = (id: string, title: Text, message: Text): ProxyCheck => ({
  id,
  group: 'transport',
  title,
  status: 'skip',
  message,
  exchanges: [],
});

/** Classifies a TLS failure of the probes, using the handshake's chain to tell a missing intermediate. */
function tlsFinding(r: ProbeResult, facts: TlsFacts | null): Finding {
  const why = r.message ?? checkProxyMsg('tls.failed');
  if (r.tls?.reason === 'expired') return { problem: 'tls-expired', message: why };
  if (r.tls?.reason === 'name-mismatch') return { problem: 'tls-name-mismatch', message: why };
  const leaf = facts?.chain[0];
  // The issuer of a certificate that is not self-issued is unknown here (verify-peer names it
  // UNABLE_TO_GET_ISSUER_CERT_LOCALLY, OpenSSL UNABLE_TO_VERIFY_LEAF_SIGNATURE). With an AIA "CA Issuers" URL the
  // issuer is an intermediate the server should have sent (public CAs set it), and Go never downloads it.
  const missingIssuer = ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'];
  if (missingIssuer.includes(r.tls?.code ?? '') && leaf && !leaf.selfIssued && leaf.caIssuers) {
    const message = checkProxyMsg('tls.chainIncomplete', { issuer: leaf.issuer, url: leaf.caIssuers });
    return { problem: 'tls-chain-incomplete', message };
  }
  return { problem: 'tls-unknown-authority', message: why };
}

/** TLS: the chain verifies against Go's roots, names the host, is valid now (and not about to expire). */
export function tlsCheck(f: CheckProxyFacts): ProxyCheck {
  const title = checkProxyMsg('tls.title');
  if (f.scheme === 'http') return skip('transport.tls', title, checkProxyMsg('tls.plainHttp'));
  const all = Object.values(f.results);
  const failed = all.find((r) => r.cause === 'tls');
  if (failed) return check('transport.tls', title, [failed], tlsFinding(failed, f.tls), '');
  const leaf = f.tls?.chain[0];
  if (!leaf) return skip('transport.tls', title, checkProxyMsg('tls.noHandshake'));
  const left = Date.parse(leaf.validTo) - Date.now();
  const shown = all.slice(0, 1);
  if (left < SOON_MS) {
    const m = {
      problem: 'tls-expires-soon' as const,
      message: checkProxyMsg('tls.expiresSoon', { date: leaf.validTo }),
    };
    return check('transport.tls', title, shown, m, '', true);
  }
  return check(
    'transport.tls',
    title,
    shown,
    null,
    checkProxyMsg('tls.ok', { subject: leaf.subject, issuer: leaf.issuer, date: leaf.validTo }),
  );
}

/** Which HTTP version Go's transport gets: h2 when the server picks it over ALPN, else HTTP/1.1. */
export function httpVersionCheck(f: CheckProxyFacts): ProxyCheck {
  const title = checkProxyMsg('http.title');
  if (f.scheme === 'http') return check('transport.http', title, [], null, checkProxyMsg('http.plain'));
  if (!f.tls) return skip('transport.http', title, checkProxyMsg('tls.noHandshake'));
  const version = f.tls.alpn === 'h2' ? 'HTTP/2 (ALPN h2)' : checkProxyMsg('http.h1');
  return check('transport.http', title, [], null, checkProxyMsg('http.ok', { version, tls: f.tls.version ?? 'TLS' }));
}

const AUTH = checkProxyMsg('auth.title');

/** The proxy with credentials sent: its anonymous answer shows the challenge go's GOAUTH would get. */
function anonymousAuth(anonymous: ProbeResult): ProxyCheck {
  if (anonymous.status !== 401)
    return check('transport.auth', AUTH, [anonymous], null, checkProxyMsg('auth.anonymous'));
  const challenge = anonymous.headers?.['www-authenticate'];
  if (challenge) return check('transport.auth', AUTH, [anonymous], null, checkProxyMsg('auth.works', { challenge }));
  const m = {
    problem: 'auth-no-challenge' as const,
    message: checkProxyMsg('auth.noChallenge'),
  };
  return check('transport.auth', AUTH, [anonymous], m, '', true);
}

/** Authentication as go sees it: none needed, or a 401 with a challenge over https and credentials from .netrc. */
export function authCheck(f: CheckProxyFacts, anonymous: ProbeResult | undefined): ProxyCheck {
  const title = AUTH;
  const all = Object.values(f.results);
  const refused = all.find((r) => r.status === 401 || r.status === 407);
  if (f.scheme === 'http' && (f.hasUserinfo || refused)) {
    const why = f.hasUserinfo
      ? checkProxyMsg('auth.userinfo')
      : checkProxyMsg('auth.answered', { url: refused!.url, status: refused!.status ?? '' });
    const m = { problem: 'auth-over-http' as const, message: checkProxyMsg('auth.overHttp', { why }) };
    return check('transport.auth', title, refused ? [refused] : [], m, '');
  }
  if (refused) {
    const problem = f.credentialsSent ? ('auth-rejected' as const) : ('auth-required' as const);
    const challenge = refused.headers?.['www-authenticate'];
    const status = refused.status ?? '';
    const m = challenge
      ? checkProxyMsg('auth.refused', { url: refused.url, status, challenge })
      : checkProxyMsg('auth.refusedNoChallenge', { url: refused.url, status });
    return check('transport.auth', title, [refused], { problem, message: m }, '');
  }
  if (!anonymous) return check('transport.auth', title, [], null, checkProxyMsg('auth.notRequired'));
  return anonymousAuth(anonymous);
}

/** A second request for the same zip: the time a cached answer takes against the first one. */
export function cacheCheck(first: ProbeResult | undefined, again: ProbeResult | undefined): ProxyCheck {
  const title = checkProxyMsg('cache.title');
  if (!first || !again || first.status !== 200 || again.status !== 200)
    return skip('transport.cache', title, checkProxyMsg('cache.notTwice'));
  const [a, b] = [first.timings.totalMs, again.timings.totalMs];
  const msg = checkProxyMsg('cache.times', {
    first: formatDuration(Math.round(a)),
    second: formatDuration(Math.round(b)),
  });
  const f =
    Math.max(a, b) > SLOW_MS
      ? { problem: 'slow' as const, message: checkProxyMsg('cache.slow', { times: msg }) }
      : null;
  return check('transport.cache', title, [first, again], f, msg, true);
}

/** Parallel requests (go downloads in parallel) all succeed. */
export function concurrencyCheck(burst: ProbeResult[]): ProxyCheck {
  const title = checkProxyMsg('concurrency.title', { count: burst.length });
  if (burst.length === 0) return skip('transport.concurrency', title, checkProxyMsg('concurrency.notRun'));
  const bad = burst.filter((r) => r.status !== 200);
  const f = bad.length
    ? {
        problem: 'concurrency' as const,
        message: checkProxyMsg('concurrency.failed', {
          bad: bad.length,
          total: burst.length,
          statuses: bad.map((r) => r.status ?? r.cause).join(', '),
        }),
      }
    : null;
  return check(
    'transport.concurrency',
    title,
    bad.length ? bad : burst.slice(0, 1),
    f,
    checkProxyMsg('concurrency.ok', { count: burst.length }),
  );
}

/** The transport failure that stopped every module request (same cause for all), or null. */
export function transportBlocker(f: CheckProxyFacts): { problem: string } | null {
  const all = Object.values(f.results);
  if (all.length === 0) return null;
  if (all.every((r) => r.status === 401 || r.status === 407)) return { problem: 'auth' };
  const cause = all[0]!.cause;
  if (cause && all.every((r) => r.status === undefined && r.cause === cause)) return { problem: cause };
  return null;
}

/** The check for a transport failure other than TLS and auth (DNS, refused, timeout, reset). */
export function reachCheck(f: CheckProxyFacts): ProxyCheck {
  const title = checkProxyMsg('reach.title');
  const all = Object.values(f.results);
  const blocker = transportBlocker(f);
  if (blocker?.problem === 'tls') return skip('transport.reach', title, checkProxyMsg('reach.tls'));
  if (blocker && blocker.problem !== 'auth')
    return check(
      'transport.reach',
      title,
      all.slice(0, 1),
      { problem: 'unreachable', message: all[0]!.message ?? blocker.problem },
      '',
    );
  const answered = all.filter((r) => r.status !== undefined).length;
  return check(
    'transport.reach',
    title,
    all.slice(0, 1),
    null,
    checkProxyMsg('reach.ok', { answered, total: all.length }),
  );
}
