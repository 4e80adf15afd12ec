// Pure detection of the cause, URL and subject named in one error line of `go` (docs/go-rules.md#what-go-prints).
import { urlHost } from '../hosts.js';
import type { TidyCause } from './report-model.js';
import { connectRefusal } from '../go-proxy-errors.js';
import { escapePath, escapeVersion } from '../escape.js';

/** What one error line says: the cause and whatever subject it names. */
export interface ErrorDetail {
  cause: TidyCause;
  /** proxy | sumdb | direct | toolchain | config | module (go.mod/go.sum) */
  phase?: string;
  url?: string;
  host?: string;
  module?: string;
  version?: string;
  package?: string;
  httpStatus?: number;
  /** The first line of the server's words, as Go prints them after `server response:` (web/http.go errorDetail). */
  serverResponse?: string;
  /** The VCS command Go ran (`git ls-remote -q origin`), as Go names it before `exit status N`. */
  command?: string;
  /** The VCS tool's own reason (git's `fatal: …` line after Go's `exit status 128:`). */
  reason?: string;
  /** A checksum mismatch: where the other hash came from, as Go names it (go.sum, go.work.sum or the database). */
  checksumSource?: string;
}

type CauseRule = [TidyCause, RegExp];

// Ordered, strictest first: a checksum mismatch may mention a URL, a sumdb error wraps a network error, etc.
const CAUSES: CauseRule[] = [
  ['checksum', /SECURITY ERROR|checksum mismatch|checksum missing from sumdb/],
  // A CONNECT answered 407: net/http/transport.go dialConn returns errors.New(resp.Status[4:]) for a non-200 answer.
  ['auth', /Get "[^"]+": Proxy Authentication Required$/],
  // go.mod requires a v2+ version of a path without the /vN suffix (modfile: "version … invalid: should be v0 or v1").
  ['config', /version "[^"]+" invalid: should be v0 or v1, not v\d+|has post-v\d+ module path/],
  ['vcs-auth', /terminal prompts disabled|could not read (Username|Password)|Authentication failed for/],
  ['module-path', /module declares its path as|but was required as/],
  ['go-sum', /missing go\.sum entry/],
  [
    'toolchain',
    /toolchain not available|invalid go version '|requires go >= \S+ \(running go|invalid toolchain:|cannot find "go1[^"]*" in PATH/,
  ],
  [
    'config',
    /module lookup disabled by GOPROXY=off|GOPROXY list is not the empty string|invalid proxy URL|proxy URL missing scheme|invalid GOSUMDB|missing GOSUMDB|invalid sumdb name|checksum database disabled by GOSUMDB=off|refusing to pass credentials|invalid GOTOOLCHAIN|network disabled by cmdgonetlimit|go\.mod file not found|disabled by GOVCS|GOVCS/,
  ],
  [
    'tls',
    /x509: |tls: (failed|bad|unknown|handshake failure)|remote error: tls|first record does not look like a TLS handshake/,
  ],
  [
    'dns',
    /no such host|server misbehaving|dial tcp: lookup |Temporary failure in name resolution|Could not resolve host: /,
  ],
  ['refused', /connection refused|No connection could be made/],
  ['timeout', /i\/o timeout|TLS handshake timeout|context deadline exceeded|Client\.Timeout|timed out/],
  [
    'reset',
    // HTTP/2: a stream reset by the peer (x/net/http2 StreamError: "stream error: stream ID 3; INTERNAL_ERROR; …").
    /connection reset|: EOF\b|unexpected EOF|broken pipe|forcibly closed|server closed the connection|stream error: stream ID \d+|http2: server sent GOAWAY|http2: client connection lost/,
  ],
];

const STATUS_RE = /reading (\S+): (\d{3})\b/;
const GET_RE = /Get "([^"]+)"/;
const READING_RE = /reading (\S+?):/;
const MODVER_RE = /(?:^|\s|\t)([a-zA-Z0-9][^\s@:"]*)@(v[0-9][^\s:"]*|none|latest|upgrade|patch)\b/;
const PKG_RE = /cannot find module providing package (\S+?):?(?:\s|$)/;
const MODULE_RE = /(?:^|:\s)module ([a-zA-Z0-9][^\s@:]*):/;

/**
 * The module and version in modfetch/coderepo.go findDir's `reading %s/%s at revision %s` (codeRoot, then the go.mod of
 * the module's directory codeDir, or codeDir/vN), which names a file of the repository rather than the module: the path
 * before `/go.mod` is the module path without its /vN suffix (pathPrefix) or with it (the vN/ directory), and the
 * revision is the tag codeDir/ + version (versionToRev). A v2+ version of a path without its /vN was required as
 * +incompatible (the import path says which).
 */
function moduleAtRevision(text: string, pkg: string | undefined): { module: string; version?: string } | undefined {
  const m = /reading (\S+)\/go\.mod at revision (\S+?):? /.exec(text);
  if (!m) return undefined;
  const dir = m[1]!;
  const version = /^v\d+\.\d+\.\d+\S*$/.exec(m[2]!.split('/').pop()!)?.[0];
  const major = Number(/^v(\d+)\./.exec(version ?? '')?.[1] ?? 0);
  if (major < 2 || new RegExp(`[/.]v${major}$`).test(dir)) return version ? { module: dir, version } : { module: dir };
  const suffixed = `${dir}/v${major}`;
  if (pkg && pkg !== suffixed && !pkg.startsWith(`${suffixed}/`))
    return { module: dir, version: `${version}+incompatible` };
  return { module: suffixed, version: version! };
}

/**
 * The URL of modfetch/proxy.go's `invalid response from proxy %q` (the GOPROXY entry, redacted): Latest's `@latest`
 * for `module M:` (versionError("")), Stat's `@v/V.info` for `M@V:`.
 */
function invalidResponseUrl(text: string, module: string | undefined, version: string | undefined) {
  const base = /invalid response from proxy "([^"]+)"/.exec(text)?.[1];
  if (!base || !module) return base;
  try {
    const at = version ? `@v/${escapeVersion(version)}.info` : '@latest';
    return `${base.replace(/\/$/, '')}/${escapePath(module)}/${at}`;
  } catch {
    return base; // not a module path Go would have asked for: the entry is all that is known
  }
}

function statusCause(code: number): TidyCause {
  if (code === 404) return 'not-found';
  if (code === 410) return 'gone';
  if (code === 401 || code === 403 || code === 407) return 'auth';
  return 'http-status';
}

function phaseOf(text: string, url: string | undefined): string | undefined {
  if (/download go1|golang\.org\/toolchain|toolchain not available|requires go >=/.test(text)) return 'toolchain';
  // cmd/go/internal/modfetch/fetch.go: haveModSumLocked says `verifying M@V: checksum mismatch` when go.sum (go.work.sum)
  // holds another hash; checkSumDB's errors are `M@V: verifying module: …` / `verifying go.mod: …` (Go 1.19 to 1.27).
  if (/verifying [^\s:]+@[^\s:]+: checksum mismatch/.test(text)) return 'module';
  if (/verifying (module|go\.mod)|\/lookup\/|\/sumdb\/|\/tile\/|GOSUMDB/.test(text)) {
    return 'sumdb';
  }
  if (
    /\?go-get=1|unrecognized import path|git ls-remote|git fetch|exit status 128|go-import|unable to access '/.test(
      text,
    ) ||
    /^\t?(fatal|remote|error): /.test(text)
  )
    return 'direct';
  if (/GOPROXY|proxy URL/.test(text)) return 'config';
  if (/go\.sum|module declares/.test(text)) return 'module';
  return url ? 'proxy' : undefined;
}

function causeOf(text: string, status: number | undefined): TidyCause | undefined {
  for (const [cause, re] of CAUSES) if (re.test(text)) return cause;
  // Any other non-200 answer to the CONNECT (Go 1.19 too: it prints no `# get` trace, only this final line).
  const refusal = connectRefusal(text);
  if (refusal) return refusal.action === 'error-status' ? 'http-status' : 'auth';
  if (status !== undefined) return statusCause(status);
  if (/invalid response from proxy|proxy returned info for version/.test(text)) return 'http-status';
  if (
    /unrecognized import path|no go-import meta tags|git ls-remote|exit status \d+|import path does not begin/.test(
      text,
    )
  ) {
    return 'vcs';
  }
  if (/^\t(fatal|error|remote): /.test(text)) return 'vcs'; // git's own stderr, passed on by Go after `exit status 128:`
  if (
    /cannot find module providing package|no required module provides package|no matching versions|unknown revision|invalid version/.test(
      text,
    )
  ) {
    return 'not-found';
  }
  return undefined;
}

/**
 * Detects an error in one line of `go` stderr; undefined when the line is not an error we know.
 * Never throws (property-tested on arbitrary input).
 */
export function detectError(text: string): ErrorDetail | undefined {
  if (text.length > 8192) text = text.slice(0, 8192); // bound regex work on pathological lines
  const statusMatch = STATUS_RE.exec(text);
  const httpStatus = statusMatch ? Number(statusMatch[2]) : undefined;
  const cause = causeOf(text, httpStatus);
  if (!cause) return undefined;
  // git's words after Go's `exit status 128:` name the URL git really used (after any insteadOf rewrite): `unable to
  // access 'URL/'`, or `could not read Username for 'SCHEME://HOST'` when it wanted credentials.
  const gitMatch = /unable to access '([^']+)'|could not read (?:Username|Password) for '([^']+)'/.exec(text);
  const gitUrl = gitMatch?.[1] ?? gitMatch?.[2];
  const url = statusMatch?.[1] ?? GET_RE.exec(text)?.[1] ?? gitUrl ?? READING_RE.exec(text)?.[1];
  const d: ErrorDetail = { cause };
  const phase = phaseOf(text, url);
  if (phase) d.phase = phase;
  if (url) {
    d.url = url;
    const host = urlHost(url);
    if (host) d.host = host;
  }
  if (httpStatus !== undefined) d.httpStatus = httpStatus;
  const cmd = /: ((?:git|hg|svn|bzr|fossil) .*?) in \S+: exit status \d+/.exec(text)?.[1];
  if (cmd) d.command = cmd;
  if (/^\t?(fatal|error|remote): /.test(text)) d.reason = text.trim();
  const req = /require (\S+): version "([^"]+)" invalid/.exec(text);
  if (req) Object.assign(d, { module: req[1]!, version: req[2]!, phase: 'module' });
  const mv = req ? null : MODVER_RE.exec(text);
  // toolchain/select.go: `download %s for %s/%s` (gotoolchain, GOOS, GOARCH); the module version it fetches is
  // gotoolchainVersion + "-" + gotoolchain + "." + GOOS + "-" + GOARCH (v0.0.1-go1.22.0.linux-amd64).
  const tc = /download (go1[^\s:]*)(?: for ([a-z0-9]+)\/([a-z0-9]+))?/.exec(text);
  const imp = /unrecognized import path "([^"]+)"/.exec(text);
  const pkg = PKG_RE.exec(text)?.[1] ?? /^\t?([a-zA-Z0-9][^\s:@]*\.[^\s:@]*): /.exec(text.replace(/^go: /, ''))?.[1];
  const atRev = mv || req || tc ? undefined : moduleAtRevision(text, pkg);
  if (tc) {
    d.module = 'golang.org/toolchain';
    if (tc[2]) d.version = `v0.0.1-${tc[1]}.${tc[2]}-${tc[3]}`;
  } else if (mv) {
    d.module = mv[1];
    d.version = mv[2];
  } else if (atRev) {
    Object.assign(d, atRev);
  } else if (!req) {
    const m = MODULE_RE.exec(text);
    if (m) d.module = m[1];
    else if (imp) d.module = imp[1];
  }
  if (pkg) d.package = pkg;
  const bad = d.url ? undefined : invalidResponseUrl(text, d.module, d.version);
  if (bad) {
    d.url = bad;
    const host = urlHost(bad);
    if (host) d.host = host;
  }
  return d;
}
