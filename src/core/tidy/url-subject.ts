// Pure: which module (and which protocol step) a URL that `go` fetched is about (go help goproxy; x/mod/sumdb
// server.go ServerPaths).
import { unescapePath, unescapeVersion } from '../escape.js';

/** The protocol step a URL belongs to. */
export type UrlKind =
  | 'list'
  | 'info'
  | 'mod'
  | 'zip'
  | 'latest'
  | 'sumdb-lookup'
  | 'sumdb-supported'
  | 'sumdb-tile'
  | 'sumdb-latest'
  | 'go-get'
  | 'other';

/** What a fetched URL is about. */
export interface UrlSubject {
  kind: UrlKind;
  /** Where the request went: a module proxy, the checksum database, or the module's own host (direct). */
  via: 'proxy' | 'sumdb' | 'direct' | 'unknown';
  module?: string;
  version?: string;
}

/** Escaped module paths already read: a cold tidy asks each module's list, .info, .mod and .zip (each URL twice). */
const UNESCAPED = new Map<string, string>();

/** module.UnescapePath, or the text as it is when it is not a valid escaped path; remembered (at most 4096). */
function unescaped(escaped: string): string {
  let path = UNESCAPED.get(escaped);
  if (path === undefined) {
    path = unescapePath(escaped) ?? escaped;
    if (UNESCAPED.size < 4096) UNESCAPED.set(escaped, path);
  }
  return path;
}

/**
 * Module path from the part of a proxy URL path before `/@v/`. `skip` = the path segments of the GOPROXY base the URL
 * was fetched from; without a known base, drops fault/prefix segments before the first dotted one (a guess).
 */
function moduleFromSegments(segs: string[], skip?: number): string | undefined {
  // A proxy base may have its own path (https://corp/goproxy/…); the module path starts at the first element with a dot
  // (module paths' first element is a host name: module.CheckPath). `golang.org/toolchain` fits too.
  const i = skip ?? segs.findIndex((s) => s.includes('.'));
  if (i < 0 || i >= segs.length) return undefined;
  const escaped = segs.slice(i).join('/');
  return unescaped(escaped);
}

/** scheme://host[:port]/path of a URL without userinfo, query or trailing slash; scheme and host lower-cased. */
function comparable(url: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^/?#]*@)?([^/?#]*)([^?#]*)/i.exec(url);
  return m ? `${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}${m[3]!.replace(/\/+$/, '')}` : undefined;
}

/**
 * The GOPROXY entry `url` was fetched from: same scheme, host and path prefix (whole segments), userinfo ignored, so a
 * URL that `go -x` printed redacted (`user:xxxxx@`) still finds its real entry. The longest base wins.
 */
export function matchProxyBase(url: string, bases: string[]): { base: string; rest: string } | undefined {
  const u = comparable(url);
  if (u === undefined) return undefined;
  let best: { base: string; path: string; len: number } | undefined;
  for (const base of bases) {
    const b = baseForm(base);
    if (b === null || !u.startsWith(b.comparable)) continue;
    const len = b.comparable.length;
    if ((u.length > len && u[len] !== '/') || (best && best.len >= len)) continue;
    best = { base, path: b.path, len };
  }
  if (!best) return undefined;
  const tail = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(url)?.[1] ?? '';
  return { base: best.base, rest: tail.slice(best.path.length) };
}

/** A GOPROXY entry's comparable form and its path, worked out once (a run asks about hundreds of URLs, few bases). */
const BASE_FORMS = new Map<string, { comparable: string; path: string } | null>();

function baseForm(base: string): { comparable: string; path: string } | null {
  let f = BASE_FORMS.get(base);
  if (f === undefined) {
    const c = comparable(base);
    f = c === undefined ? null : { comparable: c, path: c.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') };
    if (BASE_FORMS.size < 256) BASE_FORMS.set(base, f);
  }
  return f;
}

function splitUrl(url: string): { path: string; query: string } | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)(\?[^#]*)?/i.exec(url);
  return m ? { path: m[1] ?? '', query: m[2] ?? '' } : undefined;
}

const VERSIONED = /^(.*)\/@v\/(.+)\.(info|mod|zip)$/;

/**
 * Classifies a URL fetched by `go` into its step, channel, module and version. Never throws. `bases` (goproxy.ts
 * proxyUrls) are stripped first, so a base path with a dot (…/repository/go.proxy/) is not taken for the module path.
 */
export function urlSubject(url: string, bases: string[] = []): UrlSubject {
  const u = splitUrl(url);
  if (!u) return { kind: 'other', via: 'unknown' };
  if (/(^|&|\?)go-get=1/.test(u.query)) {
    const host = /^[a-z]+:\/\/(?:[^@/]*@)?([^/?#:]+)/i.exec(url)?.[1] ?? '';
    const path = u.path.replace(/\/+$/, '');
    return { kind: 'go-get', via: 'direct', module: host + path };
  }
  const segs = u.path.split('/').filter((s) => s !== '');
  const lookup = /\/lookup\/(.+)@([^@/]+)$/.exec(u.path);
  if (lookup) {
    const mod = lookup[1]!;
    return {
      kind: 'sumdb-lookup',
      via: 'sumdb',
      module: unescaped(mod),
      version: unescapeVersion(lookup[2]!) ?? lookup[2]!,
    };
  }
  if (/\/sumdb\/[^/]+\/supported$/.test(u.path)) return { kind: 'sumdb-supported', via: 'sumdb' };
  if (/\/tile\/\d+\//.test(u.path)) return { kind: 'sumdb-tile', via: 'sumdb' };
  // Signed tree head: Go never fetches it (x/mod/sumdb/client.go reads /lookup and /tile/ only; /latest is its local
  // config), nor does the watchdog; kept so that such a URL is still told apart from a module path.
  if (/\/latest$/.test(u.path) && !u.path.includes('/@')) return { kind: 'sumdb-latest', via: 'sumdb' };
  const base = bases.length ? matchProxyBase(url, bases) : undefined;
  const skip = base
    ? segs.length -
      base.rest
        .split(/[?#]/)[0]!
        .split('/')
        .filter((s) => s !== '').length
    : undefined;
  const versioned = VERSIONED.exec(u.path);
  if (versioned) {
    const module = moduleFromSegments(
      versioned[1]!.split('/').filter((s) => s !== ''),
      skip,
    );
    const ev = versioned[2]!;
    return { kind: versioned[3] as UrlKind, via: 'proxy', module, version: unescapeVersion(ev) ?? ev };
  }
  const at = segs.findIndex((s) => s === '@v' || s === '@latest');
  if (at >= 0) {
    const kind: UrlKind = segs[at] === '@latest' ? 'latest' : segs[at + 1] === 'list' ? 'list' : 'other';
    return { kind, via: 'proxy', module: moduleFromSegments(segs.slice(0, at), skip) };
  }
  return { kind: 'other', via: 'unknown' };
}
