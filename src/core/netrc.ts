// .netrc parsing and host matching exactly as cmd/go does it (docs/go-rules.md#credentials;
// cmd/go/internal/auth/netrc.go parseNetrc, auth.go loadCredential @1.24+, auth/auth.go AddCredentials @1.19/1.21).
import { posix, win32 } from 'node:path';
import { goAtLeast } from './go-version.js';
import { commentFix, type Fix } from './fix/fix.js';
import { code } from './i18n/message.js';
import { fixMsg } from './i18n/messages/fix.js';

/** One complete `machine/login/password` entry of a .netrc file (auth/netrc.go netrcLine). */
export interface NetrcEntry {
  machine: string;
  login: string;
  password: string;
}

/**
 * Parses .netrc text like Go's parseNetrc: tokens are read in (keyword, value) pairs per line; an entry is recorded
 * as soon as machine, login and password are all set; `macdef` skips lines up to the next empty line; a `default`
 * token left as the last odd token of a line stops parsing (Go's quirk: `default login x` in pairs does not).
 */
export function parseNetrc(text: string): NetrcEntry[] {
  const out: NetrcEntry[] = [];
  let cur: NetrcEntry = { machine: '', login: '', password: '' };
  let inMacro = false;
  for (const line of text.split('\n')) {
    if (inMacro) {
      if (line === '') inMacro = false;
      continue;
    }
    const f = line.split(/[\t\n\v\f\r ]+/).filter((w) => w !== '');
    let i = 0;
    for (; i < f.length - 1; i += 2) {
      const key = f[i];
      const value = f[i + 1]!;
      if (key === 'machine') cur = { machine: value, login: '', password: '' };
      else if (key === 'login') cur.login = value;
      else if (key === 'password') cur.password = value;
      else if (key === 'macdef') inMacro = true;
      if (cur.machine !== '' && cur.login !== '' && cur.password !== '') {
        out.push(cur);
        cur = { machine: '', login: '', password: '' };
      }
    }
    if (i < f.length && f[i] === 'default') break;
  }
  return out;
}

/**
 * Finds the .netrc entry Go would use for `url`. Only https URLs get credentials (auth/auth.go). Matching by version:
 * ≤1.20 `machine` = hostname without port (1.20 not examined, assumed like 1.19); 1.21–1.23 `machine` = URL host
 * including an explicit port; 1.24+ (GOAUTH=netrc) a prefix of host[:port]/path — 1.24 the whole host/path, then the
 * host; 1.25+ the longest prefix, one path element at a time (auth.go loadCredential; see credential-cache.ts).
 * First entry in the file wins. `goVersion` null means the newest behaviour.
 */
export function findNetrcEntry(entries: NetrcEntry[], url: string, goVersion: string | null): NetrcEntry | null {
  const u = splitHttpsUrl(url);
  if (!u) return null;
  if (!goAtLeast(goVersion, '1.21')) return entries.find((e) => e.machine === u.hostname) ?? null;
  if (!goAtLeast(goVersion, '1.24')) return entries.find((e) => e.machine === u.host) ?? null;
  const walk = goAtLeast(goVersion, '1.25'); // 1.25 trims one trailing "/" on both sides and walks up by the last "/"
  const key = (m: string) => {
    const k = m.replace(/^https:\/\//, '');
    return walk ? k.replace(/\/$/, '') : k;
  };
  let prefix = walk ? (u.host + u.path).replace(/\/$/, '') : u.host + u.path;
  for (;;) {
    const hit = entries.find((e) => key(e.machine) === prefix);
    if (hit) return hit;
    const slash = walk ? prefix.lastIndexOf('/') : prefix.indexOf('/');
    if (slash < 0) return null;
    prefix = prefix.slice(0, slash);
  }
}

/**
 * The `machine` name under which Go finds credentials for `url` (the shortest one findNetrcEntry matches), or null
 * when Go sends none: only https URLs get them (web/http.go: auth.AddCredentials only if url.Scheme == "https").
 */
function netrcMachine(url: string, goVersion: string | null): string | null {
  const u = splitHttpsUrl(url);
  if (!u) return null;
  return goAtLeast(goVersion, '1.21') ? u.host : u.hostname;
}

/**
 * The login advice for a module proxy that answered 401/403 (doctor and tidy), only where Go sends credentials: over
 * https, from ~/.netrc (or GOAUTH, 1.24+) under the machine name that Go matches (netrcMachine). To an http:// URL Go
 * sends none: no .netrc (cmd/go/internal/web/http.go get: auth.AddCredentials only for https) and no user:password
 * from the URL (same function: "refusing to pass credentials to insecure URL"), Go 1.19 to 1.27 alike.
 */
export function loginFix(url: string | undefined, host: string | undefined, goVersion: string | null): Fix {
  const goauth = goAtLeast(goVersion, '1.24');
  if (url && /^http:\/\//i.test(url))
    return commentFix(
      fixMsg(goauth ? 'fix.note.httpNoCredentialsGoauth' : 'fix.note.httpNoCredentials', {
        host: host ?? fixMsg('fix.note.theProxy'),
      }),
    );
  const machine = (url ? netrcMachine(url, goVersion) : null) ?? host ?? 'HOST';
  return commentFix(
    fixMsg(goauth ? 'fix.note.netrcAddOrGoauth' : 'fix.note.netrcAdd', {
      line: code(`machine ${machine} login USER password TOKEN`),
    }),
  );
}

/** host (with explicit port, as written), hostname (no port, no brackets) and path of an https URL. */
function splitHttpsUrl(url: string): { host: string; hostname: string; path: string } | null {
  const m = /^https:\/\/([^/?#]*)([^?#]*)/i.exec(url);
  if (!m) return null;
  let host = m[1]!;
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  // net/http NewRequest removes an empty port ("host:" → "host").
  host = host.replace(/:$/, '');
  let hostname = host;
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && /^:\d*$/.test(host.slice(colon))) hostname = host.slice(0, colon);
  if (hostname.startsWith('[') && hostname.endsWith(']')) hostname = hostname.slice(1, -1);
  return { host, hostname, path: m[2]! };
}

/** Inputs of the pure .netrc location rule. */
interface NetrcPathInput {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Existence check for Windows' `_netrc` preference (Go 1.24+); without it `_netrc` is assumed absent. */
  exists?: (path: string) => boolean;
  /** Go version ("go1.23.4"); null/undefined means the newest behaviour. */
  goVersion?: string | null;
}

/**
 * Path of the .netrc file Go reads: $NETRC when non-empty; else the home directory (os.UserHomeDir: %USERPROFILE% on
 * Windows, $home on Plan 9, $HOME elsewhere) joined with `.netrc`. Windows: Go ≤1.23 reads only `_netrc`;
 * 1.24+ prefers `_netrc` when it exists, else `.netrc`. Null when there is no home directory.
 */
export function getNetrcPath(input: NetrcPathInput): string | null {
  const { platform, env } = input;
  if (env.NETRC) return env.NETRC;
  const home = platform === 'win32' ? env.USERPROFILE : env.HOME;
  if (!home) return null;
  if (platform !== 'win32') return posix.join(home, '.netrc');
  const legacy = win32.join(home, '_netrc');
  if (!goAtLeast(input.goVersion, '1.24')) return legacy;
  return input.exists?.(legacy) ? legacy : win32.join(home, '.netrc');
}
