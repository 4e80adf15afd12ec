// GODEBUG as the running `go` command reads it: which network-relevant settings exist in which Go release
// (internal/godebugs/table.go of 1.21–1.27; 1.19/1.20 have no table), how a value is parsed, what the go binary
// itself defaults to, and which values make Go 1.27+ stop at start-up.
import { goMinorVersion } from './go-version.js';

/** One GODEBUG setting that changes how `go` talks to the network or trusts certificates. */
interface GodebugSetting {
  name: string;
  package: string;
  /** First minor release that reads it. */
  since: number;
  /** Minor release that removed it (internal/godebugs/table.go Removed). */
  removed?: number;
  /** Values that were the old behaviour: with Go ≥ 1.27 setting one of them after removal is fatal. */
  removedOld?: string[];
}

/**
 * Sources: 1.21–1.27 internal/godebugs/table.go All and Removed; 1.19 has no table and reads the names it knows
 * with internal/godebug.Get (net/http transport.go http2client, net/conf.go netdns, crypto/x509/x509.go x509sha1);
 * 1.20 likewise (internal/godebug.New without a table).
 */
const GODEBUG_SETTINGS: readonly GodebugSetting[] = [
  { name: 'http2client', package: 'net/http', since: 6 },
  { name: 'netdns', package: 'net', since: 5 },
  { name: 'x509sha1', package: 'crypto/x509', since: 18, removed: 24, removedOld: ['1'] },
  { name: 'x509usefallbackroots', package: 'crypto/x509', since: 20 },
  { name: 'tlsrsakex', package: 'crypto/tls', since: 22, removed: 27, removedOld: ['1'] },
  { name: 'tls10server', package: 'crypto/tls', since: 22, removed: 27, removedOld: ['1'] },
  { name: 'tlsunsafeekm', package: 'crypto/tls', since: 22, removed: 27, removedOld: ['1'] },
  { name: 'x509usepolicies', package: 'crypto/x509', since: 22 },
  { name: 'tls3des', package: 'crypto/tls', since: 23, removed: 27, removedOld: ['1'] },
  { name: 'tlskyber', package: 'crypto/tls', since: 23, removed: 24, removedOld: ['0'] },
  { name: 'x509keypairleaf', package: 'crypto/tls', since: 23, removed: 27, removedOld: ['0'] },
  { name: 'x509negativeserial', package: 'crypto/x509', since: 23 },
  { name: 'tlsmlkem', package: 'crypto/tls', since: 24 },
  { name: 'fips140', package: 'crypto/fips140', since: 24 },
  { name: 'x509rsacrt', package: 'crypto/x509', since: 24 },
  { name: 'tlssha1', package: 'crypto/tls', since: 25 },
  { name: 'x509sha256skid', package: 'crypto/x509', since: 25 },
  { name: 'tlssecpmlkem', package: 'crypto/tls', since: 26 },
  { name: 'x509sslcertoverrideplatform', package: 'crypto/x509', since: 27 },
];

// Not network settings, but in 1.27's Removed list: their old values are fatal too (runtime/proc.go main).
const OTHER_REMOVED: readonly GodebugSetting[] = [
  { name: 'gotypesalias', package: 'go/types', since: 23, removed: 27, removedOld: ['0'] },
  { name: 'asynctimerchan', package: 'time', since: 23, removed: 27, removedOld: ['1', '2'] },
];

/**
 * DefaultGODEBUG of the released `go` binaries (`go version -m $(go env GOROOT)/bin/go`, measured on 1.21.13,
 * 1.22.12, 1.23.12; none on 1.19, 1.20, 1.24–1.27): 1.21–1.23 build cmd/go with Go 1.20 compatibility defaults, so
 * their own TLS keeps RSA key exchange and 3DES, and Go 1.23's go command does not send the Kyber key share.
 */
const GO_BINARY_DEFAULTS: Record<number, string> = {
  21: 'netedns0=0,panicnil=1',
  22: 'httplaxcontentlength=1,httpmuxgo121=1,netedns0=0,panicnil=1,tls10server=1,tlsrsakex=1,tlsunsafeekm=1',
  23:
    'asynctimerchan=1,gotypesalias=0,httplaxcontentlength=1,httpmuxgo121=1,httpservecontentkeepheaders=1,' +
    'netedns0=0,panicnil=1,tls10server=1,tls3des=1,tlskyber=0,tlsrsakex=1,tlsunsafeekm=1,winreadlinkvolume=0,' +
    'winsymlink=0,x509keypairleaf=0,x509negativeserial=1',
};

/** The DefaultGODEBUG compiled into the `go` command of this version ("" when none). */
export function goBinaryDefaultGodebug(goVersion: string | null | undefined): string {
  return GO_BINARY_DEFAULTS[goMinorVersion(goVersion) ?? 0] ?? '';
}

/**
 * Parses a GODEBUG value into name → value as that Go reads it. Go 1.19's internal/godebug.Get scans forward and
 * the first `name=` wins; from 1.20 internal/godebug parse scans backward so the last one wins, and from 1.21 a
 * `#pattern` suffix (bisect) is not part of the value. Entries without "=" are ignored.
 */
export function parseGodebug(value: string, goVersion: string | null | undefined): Map<string, string> {
  const minor = goMinorVersion(goVersion) ?? 99;
  const out = new Map<string, string>();
  const parts = value.split(',');
  for (const part of minor <= 19 ? parts : parts.reverse()) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq);
    let v = part.slice(eq + 1);
    if (minor >= 21 && v.includes('#')) v = v.slice(0, v.indexOf('#'));
    if (!out.has(name)) out.set(name, v);
  }
  return out;
}

/**
 * The effective settings of the `go` command: the GODEBUG environment variable first, then the binary's defaults
 * (internal/godebug update(def, env) parses env first and locks what it sets).
 */
export function effectiveGodebug(
  envValue: string | undefined,
  goVersion: string | null | undefined,
): Map<string, string> {
  const env = parseGodebug(envValue ?? '', goVersion);
  for (const [k, v] of parseGodebug(goBinaryDefaultGodebug(goVersion), goVersion)) if (!env.has(k)) env.set(k, v);
  return env;
}

/** Whether this Go release reads the setting (a removed one is ignored, or fatal with an old value from 1.27). */
export function godebugExists(name: string, goVersion: string | null | undefined): boolean {
  const minor = goMinorVersion(goVersion) ?? 99;
  const s = GODEBUG_SETTINGS.find((x) => x.name === name);
  return s !== undefined && minor >= s.since && (s.removed === undefined || minor < s.removed);
}

/**
 * The fatal error Go ≥ 1.27 stops with before doing anything when GODEBUG sets a removed setting to its old value,
 * or null. The runtime checks every entry left to right at start-up, even one a later entry overrides
 * (runtime/runtime1.go parsegodebug with seen == nil; reported by runtime/proc.go main).
 */
export function godebugFatalError(envValue: string | undefined, goVersion: string | null | undefined): string | null {
  const minor = goMinorVersion(goVersion) ?? 99;
  if (minor < 27) return null;
  for (const field of (envValue ?? '').split(',')) {
    const eq = field.indexOf('=');
    if (eq < 0) continue;
    const [name, v] = [field.slice(0, eq), field.slice(eq + 1)];
    const s = [...GODEBUG_SETTINGS, ...OTHER_REMOVED].find((x) => x.name === name);
    if (s?.removed !== undefined && minor >= s.removed && s.removedOld?.includes(v)) {
      return `removed GODEBUG "${name}" set to old value "${v}" in environment (https://go.dev/doc/godebug#go-1${s.removed})`;
    }
  }
  return null;
}

/** GODEBUG with `name=value` added so that this Go picks it (appended from 1.20, prepended for 1.19). */
export function withGodebug(
  envValue: string | undefined,
  name: string,
  value: string,
  goVersion?: string | null,
): string {
  const current = envValue ?? '';
  if (current === '') return `${name}=${value}`;
  return (goMinorVersion(goVersion) ?? 99) <= 19 ? `${name}=${value},${current}` : `${current},${name}=${value}`;
}
