// Protocol requirements that span requests: "not found" must be 404/410 (TryProxies falls through only on
// fs.ErrNotExist: web.HTTPError.Is), error bodies are text (web.Response.formatErrorDetail), "!" escaping works
// (module.EscapePath), Content-Type, and redirects as Go's client follows them (web/http.go checkRedirect).
import { checkProxyMsg } from '../i18n/messages/check-proxy.js';
import type { ProbeResult } from '../probe-types.js';
import { bodyText, exchangeOf, isHtml, type Finding } from './exchange.js';
import type { Text } from '../i18n/message.js';
import type { Canary, ProxyCheck } from './types.js';

function check(id: string, title: Text, rs: ProbeResult[], f: Finding | null, ok: Text, warn = false): ProxyCheck {
  const base = { id, group: 'protocol' as const, title, exchanges: rs.map(exchangeOf) };
  if (!f) return { ...base, status: 'pass', message: ok };
  return { ...base, status: warn ? 'warn' : 'fail', problem: f.problem, message: f.message };
}

/** A "not found" answer: 404 or 410 (a list may also be 200 and empty). */
function notFoundFinding(r: ProbeResult, list: boolean): Finding | null {
  if (r.status === 404 || r.status === 410) return null;
  const url = r.url;
  if (r.status === undefined) {
    const error = r.message ?? checkProxyMsg('exchange.noAnswer');
    return { problem: 'bad-status', message: checkProxyMsg('answer.failed', { what: url, error }) };
  }
  if (r.status === 200) {
    if (isHtml(r)) return { problem: 'html-200', message: checkProxyMsg('missing.html', { url }) };
    if (list && bodyText(r).trim() === '') return null;
    return { problem: 'missing-200', message: checkProxyMsg('missing.found', { url }) };
  }
  return { problem: 'missing-status', message: checkProxyMsg('missing.status', { url, status: r.status }) };
}

/** A module that does not exist, or a version that does not exist: 404 or 410. */
export function missingCheck(id: string, title: Text, rs: { r: ProbeResult; list: boolean }[]): ProxyCheck {
  const f = rs.map((x) => notFoundFinding(x.r, x.list)).find((x) => x !== null) ?? null;
  const statuses = rs.map((x) => x.r.status ?? '-').join(', ');
  return check(
    id,
    title,
    rs.map((x) => x.r),
    f,
    checkProxyMsg('missing.ok', { statuses }),
  );
}

/** Go shows an error body only when it is text/plain with charset utf-8, us-ascii or none. */
function isGoReadableError(r: ProbeResult): boolean {
  const ct = r.headers?.['content-type'] ?? '';
  const [type, ...params] = ct.split(';').map((s) => s.trim().toLowerCase());
  const charset =
    params
      .find((p) => p.startsWith('charset='))
      ?.slice('charset='.length)
      .replace(/"/g, '') ?? '';
  return type === 'text/plain' && ['', 'utf-8', 'us-ascii'].includes(charset) && bodyText(r).trim() !== '';
}

/** Every 404/410 answer carries a reason go can print. */
export function errorTextCheck(rs: ProbeResult[]): ProxyCheck {
  const errors = rs.filter((r) => r.status === 404 || r.status === 410);
  const title = checkProxyMsg('errorText.title');
  if (errors.length === 0)
    return {
      id: 'protocol.error-text',
      group: 'protocol',
      title,
      status: 'skip',
      message: checkProxyMsg('errorText.none'),
      exchanges: [],
    };
  const bad = errors.filter((r) => !isGoReadableError(r));
  const f = bad.length
    ? {
        problem: 'error-text' as const,
        message: checkProxyMsg('errorText.bad', { bad: bad.length, total: errors.length }),
      }
    : null;
  return check(
    'protocol.error-text',
    title,
    bad.length ? bad : errors.slice(0, 1),
    f,
    checkProxyMsg('errorText.ok'),
    true,
  );
}

/** Paths with upper case: the "!"-escaped requests work; when not, whether the proxy wants them unescaped. */
export function escapingCheck(
  canaries: Canary[],
  lists: (ProbeResult | undefined)[],
  unescaped: Record<number, ProbeResult>,
): ProxyCheck {
  const title = checkProxyMsg('escaping.title');
  const i = canaries.findIndex((c) => c.path !== c.path.toLowerCase());
  if (i < 0)
    return {
      id: 'protocol.escaping',
      group: 'protocol',
      title,
      status: 'skip',
      message: checkProxyMsg('escaping.none'),
      exchanges: [],
    };
  const c = canaries[i]!;
  const escaped = lists[i]!;
  const raw = unescaped[i];
  const base = { module: `${c.path}@${c.version}` };
  if (escaped.status === 200)
    return {
      ...check('protocol.escaping', title, [escaped], null, checkProxyMsg('escaping.ok', { path: c.path })),
      ...base,
    };
  if (raw?.status === 200) {
    const f = {
      problem: 'case-escaping' as const,
      message: checkProxyMsg('escaping.bad', {
        escaped: escaped.url,
        status: escaped.status ?? checkProxyMsg('escaping.nothing'),
        raw: raw.url,
      }),
    };
    return { ...check('protocol.escaping', title, [escaped, raw], f, ''), ...base };
  }
  return {
    id: 'protocol.escaping',
    group: 'protocol',
    title,
    ...base,
    status: 'skip',
    message:
      escaped.status === undefined
        ? checkProxyMsg('escaping.noAnswer')
        : checkProxyMsg('escaping.notServed', { path: c.path }),
    exchanges: [exchangeOf(escaped)],
  };
}

const EXPECTED_TYPES: Record<string, RegExp> = {
  list: /^text\/plain/i,
  latest: /^(application\/json|text\/plain)/i,
  info: /^(application\/json|text\/plain)/i,
  mod: /^text\/plain/i,
  zip: /^(application\/(zip|octet-stream|x-zip-compressed))/i,
};

/** Successful answers say what they are (go ignores it, gateways and caches in between may not). */
export function contentTypeCheck(results: Record<string, ProbeResult>): ProxyCheck {
  const odd = Object.entries(results).filter(([key, r]) => {
    const kind = key.split(':')[0]!;
    const want = EXPECTED_TYPES[kind];
    if (!want || r.status !== 200 || isHtml(r)) return false; // an HTML page is failed by the answer's own check
    return !want.test(r.headers?.['content-type'] ?? '');
  });
  const f = odd.length
    ? { problem: 'content-type' as const, message: checkProxyMsg('contentType.bad', { count: odd.length }) }
    : null;
  const shown = odd.length ? odd.map(([, r]) => r) : [];
  return check(
    'protocol.content-type',
    checkProxyMsg('contentType.title'),
    shown,
    f,
    checkProxyMsg('contentType.ok'),
    true,
  );
}

const REDIRECT_ERROR = /redirected from secure URL|stopped after 10 redirects/;

/** Redirects are allowed, within Go's rules: at most 10, never from https to http. */
export function redirectCheck(all: ProbeResult[]): ProxyCheck {
  const broken = all.filter((r) => REDIRECT_ERROR.test(String(r.message ?? '')));
  const followed = all.filter((r) => r.redirects?.length);
  if (broken.length) {
    const f = { problem: 'redirect' as const, message: broken[0]!.message! };
    return check('protocol.redirects', checkProxyMsg('redirects.title'), broken.slice(0, 3), f, '');
  }
  const msg = followed.length
    ? checkProxyMsg('redirects.followed', { count: followed.length, url: followed[0]!.redirects!.at(-1) ?? '' })
    : checkProxyMsg('redirects.none');
  return check('protocol.redirects', checkProxyMsg('redirects.title'), followed.slice(0, 3), null, msg);
}
