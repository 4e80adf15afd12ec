// The part of net/url Parse that decides whether a GOPROXY or GOSUMDB URL is valid, ported from
// golang/go src/net/url/url.go (parse, getScheme, parseAuthority, parseHost, unescape). url.Error's shape is
// `parse "<url>": <reason>`; the URL is redacted (never print secrets).
import { redactUrl } from './redact.js';

/** The URL components cmd/go looks at. */
interface GoUrl {
  scheme: string;
  opaque: string;
  user?: { username: string; password?: string };
  host: string;
  path: string;
  rawQuery: string;
  forceQuery: boolean;
  fragment: string;
  hasAuthority: boolean;
}

/** Go's url.Parse: the parsed URL or Go's error text. */
export function parseGoUrl(raw: string): { ok: true; url: GoUrl } | { ok: false; error: string } {
  const hash = raw.indexOf('#');
  const main = hash >= 0 ? raw.slice(0, hash) : raw;
  const frag = hash >= 0 ? raw.slice(hash + 1) : '';
  const r = parseNoFragment(main);
  const fragment = r.ok ? urlUnescape(frag, 'fragment') : null;
  if (!r.ok || typeof fragment !== 'string') {
    const reason = !r.ok ? r.error : (fragment as { error: string }).error;
    return { ok: false, error: `parse ${JSON.stringify(redactUrl(raw))}: ${reason}` };
  }
  return { ok: true, url: { ...r.url, fragment } };
}

type Parsed = { ok: true; url: GoUrl } | { ok: false; error: string };

function getScheme(raw: string): { scheme: string; rest: string } | { error: string } {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+.-]/.test(c)) {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') {
      if (i === 0) return { error: 'missing protocol scheme' };
      return { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    }
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

function parseNoFragment(raw: string): Parsed {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) return { ok: false, error: 'net/url: invalid control character in URL' };
  const url: GoUrl = {
    scheme: '',
    opaque: '',
    host: '',
    path: '',
    rawQuery: '',
    forceQuery: false,
    fragment: '',
    hasAuthority: false,
  };
  if (raw === '*') return { ok: true, url: { ...url, path: '*' } };
  const sc = getScheme(raw);
  if ('error' in sc) return { ok: false, error: sc.error };
  url.scheme = sc.scheme.toLowerCase();
  let rest = sc.rest;
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) [rest, url.rawQuery] = [rest.slice(0, q), rest.slice(q + 1)];
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') return { ok: true, url: { ...url, opaque: rest } };
    if ((rest.split('/')[0] ?? '').includes(':'))
      return { ok: false, error: 'first path segment in URL cannot contain colon' };
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) [authority, rest] = [authority.slice(0, slash), authority.slice(slash)];
    const a = parseAuthority(url.scheme, authority);
    if ('error' in a) return { ok: false, error: a.error };
    Object.assign(url, a, { hasAuthority: true });
  }
  const path = urlUnescape(rest, 'path');
  if (typeof path !== 'string') return { ok: false, error: path.error };
  url.path = path;
  return { ok: true, url };
}

const USERINFO_OK = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

function parseAuthority(scheme: string, authority: string): { host: string; user?: GoUrl['user'] } | { error: string } {
  const at = authority.lastIndexOf('@');
  const host = parseHost(scheme, at < 0 ? authority : authority.slice(at + 1));
  if (typeof host !== 'string') return host;
  if (at < 0) return { host };
  const userinfo = authority.slice(0, at);
  if (!USERINFO_OK.test(userinfo)) return { error: 'net/url: invalid userinfo' };
  const colon = userinfo.indexOf(':');
  const username = urlUnescape(colon < 0 ? userinfo : userinfo.slice(0, colon), 'user');
  if (typeof username !== 'string') return username;
  if (colon < 0) return { host, user: { username } };
  const password = urlUnescape(userinfo.slice(colon + 1), 'user');
  if (typeof password !== 'string') return password;
  return { host, user: { username, password } };
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

function parseHost(scheme: string, host: string): string | { error: string } {
  const open = host.lastIndexOf('[');
  if (open > 0) return { error: 'invalid IP-literal' };
  if (open === 0) {
    const close = host.lastIndexOf(']');
    if (close < 0) return { error: "missing ']' in host" };
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) return { error: `invalid port ${JSON.stringify(colonPort)} after host` };
    const inner = host.slice(1, close);
    // Go also checks the literal with netip.ParseAddr; a loose IPv6 shape check stands in for it.
    if (!/^[0-9a-fA-F:.]+(%25.+)?$/.test(inner) || !inner.includes(':'))
      return { error: 'invalid host: ParseAddr: invalid IP address' };
    return host;
  }
  const first = host.indexOf(':');
  if (first >= 0) {
    // Go 1.26+ is strict about extra colons for http(s) (go.dev/issue/75223); older Go used the last colon.
    const i = scheme === 'http' || scheme === 'https' ? first : host.lastIndexOf(':');
    const colonPort = host.slice(i);
    if (!validOptionalPort(colonPort)) return { error: `invalid port ${JSON.stringify(colonPort)} after host` };
  }
  const u = urlUnescape(host, 'host');
  return u;
}

const HOST_OK = /^[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"%]$/;

/** net/url unescape for the modes used here; returns the text or an error. */
function urlUnescape(s: string, mode: 'path' | 'host' | 'user' | 'fragment'): string | { error: string } {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return { error: `invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}` };
      if (mode === 'host' && parseInt(hex, 16) < 0x80 && hex !== '25') {
        return { error: `invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}` };
      }
      i += 2;
    } else if (mode === 'host' && c.charCodeAt(0) < 0x80 && !HOST_OK.test(c)) {
      return { error: `invalid character ${JSON.stringify(c)} in host name` };
    }
  }
  try {
    return decodeURIComponent(s.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    return s; // invalid UTF-8 after unescaping is accepted by Go; keep the raw text
  }
}
