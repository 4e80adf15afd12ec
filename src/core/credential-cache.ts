// cmd/go's credential cache (Go 1.24+: cmd/go/internal/auth auth.go storeCredential/loadCredential, userauth.go
// parseUserAuth, gitauth.go parseGitAuth): URL prefix (without "https://") → request headers. Go 1.24 tries the whole
// host/path and then the host alone (strings.Cut at the first "/"), and keeps a trailing "/" in prefixes; Go 1.25+
// trims trailing slashes and walks up one path element at a time (LastIndexByte). Read in 1.24.0, 1.25.0, 1.26.8, 1.27.3.
import { goMinorVersion } from './go-version.js';
import type { NetrcEntry } from './netrc.js';

/** What a probe needs from GOAUTH: headers for the first request, and for Go's one retry after a 4xx. */
export interface CredentialSource {
  /**
   * Headers for the first request to an https URL (AddCredentials(client, req, nil, "")); null: none. Rejects with
   * GoAuthFatal where Go stops before sending anything (base.Fatalf in runGoAuth).
   */
  initial(url: string): Promise<Record<string, string> | null>;
  /** After a 4xx: GOAUTH runs again with the URL and the response; the headers Go retries with. */
  retry(url: string, res: RejectedResponse): Promise<Record<string, string> | null>;
}

/** The 4xx answer handed to GOAUTH commands on stdin (userauth.go writeResponseToStdin). */
export interface RejectedResponse {
  status: number;
  statusText?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** GOAUTH made Go exit before the request: the message is Go's own ("go: GOAUTH encountered an empty command …"). */
export class GoAuthFatal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoAuthFatal';
  }
}

/** Headers by URL prefix, as Go caches them (http.Header: canonical names → values). */
export type CredentialCache = Map<string, Record<string, string[]>>;

function walksPath(goVersion: string | null | undefined): boolean {
  return (goMinorVersion(goVersion) ?? Number.MAX_SAFE_INTEGER) >= 25;
}

function trimPrefix(prefix: string, goVersion: string | null | undefined): string {
  const p = prefix.startsWith('https://') ? prefix.slice('https://'.length) : prefix;
  return walksPath(goVersion) && p.endsWith('/') ? p.slice(0, -1) : p;
}

/** storeCredential: caches headers for a prefix; no headers removes it. */
export function storeCredential(
  cache: CredentialCache,
  prefix: string,
  headers: Record<string, string[]>,
  goVersion: string | null | undefined,
): void {
  const key = trimPrefix(prefix, goVersion);
  if (Object.keys(headers).length === 0) cache.delete(key);
  else cache.set(key, headers);
}

/** loadCredential: the headers of the longest cached prefix of `url` Go would find, or null. */
export function loadCredential(
  cache: CredentialCache,
  url: string,
  goVersion: string | null | undefined,
): Record<string, string[]> | null {
  let current = trimPrefix(url, goVersion);
  for (;;) {
    const hit = cache.get(current);
    if (hit) return hit;
    const slash = walksPath(goVersion) ? current.lastIndexOf('/') : current.indexOf('/');
    if (slash < 0) return null;
    current = current.slice(0, slash);
  }
}

/** `Authorization: Basic …` for a login (net/http Request.SetBasicAuth). */
export function basicAuthHeader(login: string, password: string): Record<string, string[]> {
  return { Authorization: [`Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`] };
}

/** GOAUTH=netrc: every .netrc entry, stored last to first so the first entry for a machine wins (runGoAuth). */
export function storeNetrc(cache: CredentialCache, entries: NetrcEntry[], goVersion: string | null | undefined): void {
  for (const e of [...entries].reverse())
    storeCredential(cache, e.machine, basicAuthHeader(e.login, e.password), goVersion);
}

/**
 * parseUserAuth: a GOAUTH command's output — blocks of URL lines, a blank line, `Name: value` header lines, a blank
 * line — as prefix → headers (prefixes without "https://"). Throws Go's message for a malformed output.
 */
export function parseUserAuth(data: string): Map<string, Record<string, string[]>> {
  const out = new Map<string, Record<string, string[]>>();
  let rest = data;
  const next = (what: string): string => {
    const nl = rest.indexOf('\n');
    if (nl < 0) throw new Error(`invalid format: missing empty line after ${what}`);
    const line = rest.slice(0, nl);
    rest = rest.slice(nl + 1);
    return line;
  };
  while (rest !== '') {
    const urls: string[] = [];
    for (let line = next('URLs'); line !== ''; line = next('URLs')) {
      // url.ParseRequestURI: an absolute URI whose rest starts with "/", or an absolute path.
      if (!/^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?\/\S*$/.test(line))
        throw new Error(`could not parse URL ${line}: invalid URI for request`);
      urls.push(line); // url.ParseRequestURI then String(): an absolute URI or an absolute path
    }
    const headers: Record<string, string[]> = {};
    for (let line = next('headers'); line !== ''; line = next('headers')) {
      const sep = line.indexOf(': ');
      const name = sep < 0 ? '' : line.slice(0, sep);
      const value = sep < 0 ? '' : line.slice(sep + 2).trim();
      if (sep < 0 || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) || /[\x00-\x08\x0a-\x1f\x7f]/.test(value)) {
        throw new Error('invalid format: invalid header line');
      }
      const key = canonicalHeaderKey(name);
      (headers[key] ??= []).push(value);
    }
    for (const u of urls) out.set(u.startsWith('https://') ? u.slice(8) : u, { ...headers });
  }
  return out;
}

/** textproto.CanonicalMIMEHeaderKey for a valid token: "x-api-key" → "X-Api-Key". */
function canonicalHeaderKey(name: string): string {
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/**
 * parseGitAuth: `git credential fill` output (key=value lines) → the URL prefix it covers, username and password.
 * The prefix is url.URL{Scheme: protocol, Host: host, Path: path}.String(), or the `url=` line when present.
 */
export function parseGitAuth(out: string): { prefix: string; username: string; password: string } {
  const u = { scheme: '', host: '', path: '' };
  let username = '';
  let password = '';
  for (const line of out.split('\n')) {
    const t = line.trim();
    const eq = t.indexOf('=');
    if (eq < 0) continue;
    const key = t.slice(0, eq);
    const value = t.slice(eq + 1);
    if (key === 'protocol') u.scheme = value;
    else if (key === 'host') u.host = value;
    else if (key === 'path') u.path = value;
    else if (key === 'username') username = value;
    else if (key === 'password') password = value;
    else if (key === 'url') {
      // url.ParseRequestURI: a malformed value is skipped; a good one replaces the prefix (later lines still edit it).
      const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/.exec(value);
      if (m) Object.assign(u, { scheme: m[1], host: m[2], path: m[3] });
    }
  }
  return { prefix: urlString(u.scheme, u.host, u.path), username, password };
}

/** url.URL.String for scheme, host and path only (a path without a leading "/" gets one when there is a host). */
function urlString(scheme: string, host: string, path: string): string {
  let s = scheme ? `${scheme}:` : '';
  if (scheme || host) s += `//${host}`;
  if (path && host && !path.startsWith('/')) s += '/';
  return s + path;
}
