// Protocol requirements that span requests: "not found" must be 404/410 (TryProxies falls through only on
// fs.ErrNotExist: web.HTTPError.Is), error bodies are text (web.Response.formatErrorDetail), "!" escaping works
// (module.EscapePath), Content-Type, and redirects as Go's client follows them (web/http.go checkRedirect).
import type { ProbeResult } from '../probe-types.js';
import { bodyText, exchangeOf, isHtml, type Finding } from './exchange.js';
import type { Canary, ProxyCheck } from './types.js';

function check(id: string, title: string, rs: ProbeResult[], f: Finding | null, ok: string, warn = false): ProxyCheck {
  const base = { id, group: 'protocol' as const, title, exchanges: rs.map(exchangeOf) };
  if (!f) return { ...base, status: 'pass', message: ok };
  return { ...base, status: warn ? 'warn' : 'fail', problem: f.problem, message: f.message };
}

/** A "not found" answer: 404 or 410 (a list may also be 200 and empty). */
function notFoundFinding(r: ProbeResult, list: boolean): Finding | null {
  if (r.status === 404 || r.status === 410) return null;
  if (r.status === undefined) return { problem: 'bad-status', message: `${r.url}: ${r.message ?? 'no answer'}` };
  if (r.status === 200) {
    if (isHtml(r)) return { problem: 'html-200', message: `${r.url}: 200 with an HTML page instead of 404` };
    if (list && bodyText(r).trim() === '') return null;
    return { problem: 'missing-200', message: `${r.url}: 200 for something that does not exist` };
  }
  return { problem: 'missing-status', message: `${r.url}: ${r.status} instead of 404 or 410` };
}

/** A module that does not exist, or a version that does not exist: 404 or 410. */
export function missingCheck(id: string, title: string, rs: { r: ProbeResult; list: boolean }[]): ProxyCheck {
  const f = rs.map((x) => notFoundFinding(x.r, x.list)).find((x) => x !== null) ?? null;
  const statuses = rs.map((x) => x.r.status ?? '-').join(', ');
  return check(
    id,
    title,
    rs.map((x) => x.r),
    f,
    `answered ${statuses}: go falls through to the next GOPROXY entry`,
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
  const title = 'error answers carry a text reason';
  if (errors.length === 0)
    return {
      id: 'protocol.error-text',
      group: 'protocol',
      title,
      status: 'skip',
      message: 'no 404/410 answer to look at',
      exchanges: [],
    };
  const bad = errors.filter((r) => !isGoReadableError(r));
  const f = bad.length
    ? {
        problem: 'error-text' as const,
        message: `${bad.length} of ${errors.length} 404/410 answers have no text/plain reason`,
      }
    : null;
  return check(
    'protocol.error-text',
    title,
    bad.length ? bad : errors.slice(0, 1),
    f,
    'not-found answers explain themselves in text/plain',
    true,
  );
}

/** Paths with upper case: the "!"-escaped requests work; when not, whether the proxy wants them unescaped. */
export function escapingCheck(
  canaries: Canary[],
  lists: (ProbeResult | undefined)[],
  unescaped: Record<number, ProbeResult>,
): ProxyCheck {
  const title = 'upper case in module paths ("!" escaping)';
  const i = canaries.findIndex((c) => c.path !== c.path.toLowerCase());
  if (i < 0)
    return {
      id: 'protocol.escaping',
      group: 'protocol',
      title,
      status: 'skip',
      message: 'no canary has upper case in its path',
      exchanges: [],
    };
  const c = canaries[i]!;
  const escaped = lists[i]!;
  const raw = unescaped[i];
  const base = { module: `${c.path}@${c.version}` };
  if (escaped.status === 200)
    return {
      ...check('protocol.escaping', title, [escaped], null, `${c.path} is served under its escaped path`),
      ...base,
    };
  if (raw?.status === 200) {
    const f = {
      problem: 'case-escaping' as const,
      message: `${escaped.url} answered ${escaped.status ?? 'nothing'}, but the unescaped ${raw.url} answered 200: "!" is not decoded`,
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
        ? 'no answer (see the transport checks)'
        : `${c.path} is not served at all (see protocol.list)`,
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
    ? { problem: 'content-type' as const, message: `${odd.length} answers have an unexpected or no Content-Type` }
    : null;
  const shown = odd.length ? odd.map(([, r]) => r) : [];
  return check(
    'protocol.content-type',
    'Content-Type of answers',
    shown,
    f,
    'answers carry fitting Content-Types',
    true,
  );
}

const REDIRECT_ERROR = /redirected from secure URL|stopped after 10 redirects/;

/** Redirects are allowed, within Go's rules: at most 10, never from https to http. */
export function redirectCheck(all: ProbeResult[]): ProxyCheck {
  const broken = all.filter((r) => REDIRECT_ERROR.test(r.message ?? ''));
  const followed = all.filter((r) => r.redirects?.length);
  if (broken.length) {
    const f = { problem: 'redirect' as const, message: broken[0]!.message! };
    return check('protocol.redirects', 'redirects', broken.slice(0, 3), f, '');
  }
  const msg = followed.length
    ? `${followed.length} answers redirect (to ${followed[0]!.redirects!.at(-1)}); go follows them`
    : 'no redirects';
  return check('protocol.redirects', 'redirects', followed.slice(0, 3), null, msg);
}
