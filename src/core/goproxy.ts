// GOPROXY parsing and validation, ported from golang/go src/cmd/go/internal/modfetch/proxy.go
// (proxyList, newProxyRepo), with the part of net/url Parse that decides whether a GOPROXY / GOSUMDB
// URL is valid (src/net/url/url.go: parse, getScheme, parseAuthority, parseHost).
// url.Error's shape is `parse "<url>": <reason>`; the URL is redacted here (never print secrets).
import { UsageError } from './errors.js';
import { redactSecrets, redactUrl } from './redact.js';
import { getVar } from './config-model.js';
import type { ConfigModel } from './config-types.js';

/** One entry of a parsed GOPROXY list (go-semantics.md §1.2). */
export type ProxyEntry =
  | { kind: 'url'; url: string; fallBackOnError: boolean }
  | { kind: 'direct'; fallBackOnError: boolean }
  | { kind: 'off'; fallBackOnError: boolean }
  /** Implicit entry Go prepends when GONOPROXY is set and GOPROXY != "direct". */
  | { kind: 'noproxy'; fallBackOnError: boolean };

/** The URL components cmd/go looks at. */
export interface GoUrl {
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
  const fragment = r.ok ? unescape(frag, 'fragment') : null;
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
  const path = unescape(rest, 'path');
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
  const username = unescape(colon < 0 ? userinfo : userinfo.slice(0, colon), 'user');
  if (typeof username !== 'string') return username;
  if (colon < 0) return { host, user: { username } };
  const password = unescape(userinfo.slice(colon + 1), 'user');
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
  const u = unescape(host, 'host');
  return u;
}

const HOST_OK = /^[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"%]$/;

/** net/url unescape for the modes used here; returns the text or an error. */
function unescape(s: string, mode: 'path' | 'host' | 'user' | 'fragment'): string | { error: string } {
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

// ---- GOPROXY list (go-semantics.md §1.2–1.4; golang/go src/cmd/go/internal/modfetch/proxy.go proxyList) ----

/** Go's newProxyRepo validation of one proxy URL: null when accepted, else Go's error text (redacted). */
function checkProxyUrl(raw: string): string | null {
  const r = parseGoUrl(raw);
  if (!r.ok) return r.error;
  const u = r.url;
  const redacted = redactUrl(raw);
  switch (u.scheme) {
    case 'http':
    case 'https':
      return null;
    case 'file': {
      // Go compares the whole URL with URL{Scheme, Path, RawPath}; "file:/x" sets OmitHost, so it fails too.
      const omitHost = !u.hasAuthority && u.path.startsWith('/');
      if (
        omitHost ||
        u.host !== '' ||
        u.user ||
        u.opaque !== '' ||
        u.rawQuery !== '' ||
        u.forceQuery ||
        u.fragment !== ''
      ) {
        return `invalid file:// proxy URL with non-path elements: ${redacted}`;
      }
      return null;
    }
    case '':
      return `invalid proxy URL missing scheme: ${redacted}`;
    default:
      return `invalid proxy URL scheme (must be https, http, file): ${redacted}`;
  }
}

/** filepath.IsAbs || path.IsAbs as on the running OS is unknown here: accept both Unix and Windows forms. */
function isAbsPath(s: string): boolean {
  return s.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(s) || s.startsWith('\\\\');
}

/** Parses GOPROXY exactly as Go's proxyList does (an implicit "noproxy" entry first when GONOPROXY is set). */
export function parseGoproxy(
  goproxy: string,
  gonoproxy: string,
): { ok: true; entries: ProxyEntry[] } | { ok: false; error: string } {
  const entries: ProxyEntry[] = [];
  if (gonoproxy !== '' && goproxy !== 'direct') entries.push({ kind: 'noproxy', fallBackOnError: false });
  let s = goproxy;
  while (s !== '') {
    const i = s.search(/[,|]/);
    let entry: string;
    let fallBackOnError = false;
    if (i >= 0) {
      entry = s.slice(0, i);
      fallBackOnError = s[i] === '|';
      s = s.slice(i + 1);
    } else {
      entry = s;
      s = '';
    }
    entry = goTrimSpace(entry);
    if (entry === '') continue;
    if (entry === 'off' || entry === 'direct') {
      // "off"/"direct" end the list; later entries are ignored and not validated.
      entries.push({ kind: entry, fallBackOnError });
      break;
    }
    if (/[.:/]/.test(entry) && !entry.includes(':/') && !isAbsPath(entry)) entry = 'https://' + entry;
    const err = checkProxyUrl(entry);
    if (err !== null) return { ok: false, error: err };
    entries.push({ kind: 'url', url: entry, fallBackOnError });
  }
  if (entries.length === 0 || (entries.length === 1 && entries[0]!.kind === 'noproxy')) {
    return { ok: false, error: 'GOPROXY list is not the empty string, but contains no entries' };
  }
  return { ok: true, entries };
}

/** A config model's GOPROXY parsed once (with GONOPROXY's implicit entry); [] when invalid (the lint says why). */
export function modelProxies(model: ConfigModel): ProxyEntry[] {
  const parsed = parseGoproxy(getVar(model, 'GOPROXY'), getVar(model, 'GONOPROXY'));
  return parsed.ok ? parsed.entries : [];
}

/** The base URLs of a GOPROXY list's URL entries, in order (what Go appends module paths to). */
export function proxyUrls(entries: ProxyEntry[]): string[] {
  return entries.flatMap((e) => (e.kind === 'url' ? [e.url] : []));
}

/** strings.TrimSpace (ASCII and Unicode white space). */
function goTrimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

/** Formats entries back into a GOPROXY value (the implicit noproxy entry is left out). */
export function formatGoproxy(entries: ProxyEntry[]): string {
  const visible = entries.filter((e) => e.kind !== 'noproxy');
  return visible
    .map((e, i) => {
      const text = e.kind === 'url' ? e.url : e.kind;
      if (i === visible.length - 1) return text;
      return text + (e.fallBackOnError ? '|' : ',');
    })
    .join('');
}

/** A printable label for one entry, credentials redacted. */
export function proxyEntryLabel(e: ProxyEntry): string {
  if (e.kind === 'url') return redactUrl(e.url);
  if (e.kind === 'noproxy') return 'noproxy (GONOPROXY/GOPRIVATE modules fetched directly)';
  return e.kind;
}

const WRITE_EXAMPLE =
  'for example GOPROXY=https://goproxy.cn,direct or https://proxy.golang.org|https://goproxy.io,direct';

/** Validates a GOPROXY value before `go env -w`; stricter than Go. Throws UsageError naming the problem. */
export function validateGoproxyForWrite(value: string, opts: { allowCredentials?: boolean } = {}): void {
  const shown = JSON.stringify(redactUrl(redactSecrets(value)));
  const fail = (what: string): never => {
    throw new UsageError(`GOPROXY value ${shown} ${what}; ${WRITE_EXAMPLE}`);
  };
  if (value.trim() === '')
    fail('is empty (an empty GOPROXY breaks Go 1.21+; use `go env -u GOPROXY` to restore the default)');
  if (/\s/.test(value)) fail('contains white space');
  const parts = value.split(/[,|]/);
  parts.forEach((p, i) => {
    if (p === '') fail('has an empty entry (a stray "," or "|")');
    if (!/[.:/]/.test(p) && p !== 'direct' && p !== 'off') {
      fail(`has the unknown keyword ${JSON.stringify(p)} (keywords are lower-case "direct" and "off")`);
    }
    if ((p === 'direct' || p === 'off') && i < parts.length - 1) {
      fail(`has entries after "${p}", which Go ignores`);
    }
  });
  const parsed = parseGoproxy(value, '');
  if (!parsed.ok) fail(`is invalid: ${parsed.error}`);
  for (const e of parsed.ok ? parsed.entries : []) {
    if (e.kind !== 'url') continue;
    const u = parseGoUrl(e.url);
    const hasPassword = u.ok && u.url.user !== undefined;
    if (!hasPassword) continue;
    if (u.ok && u.url.scheme === 'http') fail('sends credentials over plain http, which Go always refuses');
    if (!opts.allowCredentials)
      fail('contains credentials (they would be stored in plain text; prefer .netrc or GOAUTH)');
  }
}
