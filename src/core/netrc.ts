// .netrc parsing and host matching exactly as cmd/go does it (go-semantics.md §6.3;
// G:cmd/go/internal/auth/netrc.go parseNetrc, auth.go loadCredential @1.24+, auth/auth.go AddCredentials @1.19/1.21).
import type { NetrcEntry } from './types.js';

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

/** Minor version of a Go version string ("go1.21.3", "1.19", "devel go1.27-…"), or null when unknown. */
export function goMinorVersion(goVersion: string | null | undefined): number | null {
  const m = /(?:^|go)1\.(\d+)/.exec(goVersion ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Finds the .netrc entry Go would use for `url`. Only https URLs get credentials (§6.2). Matching by version:
 * ≤1.20 `machine` = hostname without port (1.20 not examined, assumed like 1.19); 1.21–1.23 `machine` = URL host
 * including an explicit port; 1.24+ (GOAUTH=netrc) a prefix of host[:port]/path — 1.24 the whole host/path, then the
 * host; 1.25+ the longest prefix, one path element at a time (auth.go loadCredential; see credential-cache.ts).
 * First entry in the file wins. `goVersion` null means the newest behaviour.
 */
export function findNetrcEntry(entries: NetrcEntry[], url: string, goVersion: string | null): NetrcEntry | null {
  const u = splitHttpsUrl(url);
  if (!u) return null;
  const minor = goMinorVersion(goVersion) ?? Number.MAX_SAFE_INTEGER;
  if (minor < 21) return entries.find((e) => e.machine === u.hostname) ?? null;
  if (minor < 24) return entries.find((e) => e.machine === u.host) ?? null;
  const walk = minor >= 25; // 1.25 trims one trailing "/" on both sides and walks up by the last "/"
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
