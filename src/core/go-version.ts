// Go toolchain versions ("go1.21.3", "1.21", "go1.22rc1") compared exactly as Go compares them: a port of
// internal/gover/gover.go (Parse, Compare, IsLang, Lang; cmd/go/internal/gover before Go 1.22), cmd/go/internal/gover
// (FromToolchain, Prev, ModCompare) and go/version/version.go (stripGo). The one place in gomodctl that parses a Go
// version.
import { compareSemver } from './semver.js';

/** A parsed version, with the numbers kept as decimal strings like gover.Version. */
interface Version {
  major: string;
  minor: string;
  patch: string;
  /** "", "alpha", "beta" or "rc". */
  kind: string;
  pre: string;
}

const ZERO: Version = { major: '', minor: '', patch: '', kind: '', pre: '' };

/** gover.cutInt: the leading decimal number (no unnecessary leading zero) and the rest, or null. */
function cutInt(x: string): [string, string] | null {
  const m = /^\d+/.exec(x);
  if (!m || (m[0].length > 1 && m[0].startsWith('0'))) return null;
  return [m[0], x.slice(m[0].length)];
}

/** gover.Parse: "1.21" has no patch (a language version), "1.20" means 1.20.0; malformed → the zero version. */
function parse(text: string): Version {
  const major = cutInt(text);
  if (!major) return ZERO;
  const [maj, afterMajor] = major;
  if (afterMajor === '') return { ...ZERO, major: maj, minor: '0', patch: '0' };
  if (!afterMajor.startsWith('.')) return ZERO;
  const minor = cutInt(afterMajor.slice(1));
  if (!minor) return ZERO;
  const [min, rest] = minor;
  const v: Version = { ...ZERO, major: maj, minor: min };
  // Before Go 1.21 a missing patch means .0; from 1.21 "1.21" is the language version, below "1.21rc1" and "1.21.0".
  if (rest === '') return cmpInt(min, '21') < 0 ? { ...v, patch: '0' } : v;
  if (rest.startsWith('.')) {
    const patch = cutInt(rest.slice(1));
    return patch && patch[1] === '' ? { ...v, patch: patch[0] } : ZERO; // no prereleases of patch releases
  }
  const pre = /^([a-z]+)(.*)$/.exec(rest);
  if (!pre) return ZERO;
  if (pre[2] === '') return { ...v, kind: pre[1]! };
  const n = cutInt(pre[2]!);
  return n && n[1] === '' ? { ...v, kind: pre[1]!, pre: n[0] } : ZERO;
}

/** gover.CmpInt: compares decimal strings as numbers. */
function cmpInt(x: string, y: string): number {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

/** go/version stripGo, also accepting the bare "1.21" form gover uses: "go1.21.0-bigcorp" → "1.21.0". */
function strip(v: string): string {
  const t = v.trim().split('-')[0]!;
  return t.startsWith('go') ? t.slice(2) : t;
}

/**
 * Compares two Go versions (with or without the "go" prefix): negative, zero or positive, like gover.Compare
 * (1.21 < 1.21rc1 < 1.21.0; malformed versions sort first and equal each other).
 */
export function compareGoVersions(a: string, b: string): number {
  const x = parse(strip(a));
  const y = parse(strip(b));
  for (const k of ['major', 'minor', 'patch'] as const) {
    const c = cmpInt(x[k], y[k]);
    if (c !== 0) return c;
  }
  if (x.kind !== y.kind) return x.kind < y.kind ? -1 : 1; // "" < alpha < beta < rc
  return cmpInt(x.pre, y.pre);
}

/** Whether Go `version` is at least `min`; an unknown version (Go not found) counts as the newest Go. */
export function goAtLeast(version: string | null | undefined, min: string): boolean {
  return !version || compareGoVersions(version, min) >= 0;
}

/** gover.IsLang: "1.21" names the language, not a release (1.20 and earlier mean 1.20.0: not a language version). */
export function isGoLanguageVersion(version: string): boolean {
  const v = parse(strip(version));
  return v.major !== '' && v.patch === '' && v.kind === '' && v.pre === '';
}

/** gover.IsValid: whether the text is a Go version at all ("go1.22.3", "1.21rc1", "1.19"). */
export function isValidGoVersion(version: string): boolean {
  return parse(strip(version)).major !== '';
}

/** gover.Lang: the language version of a Go version ("go1.19.8" → "1.19"), or null when it is malformed. */
export function goLanguageVersion(version: string): string | null {
  const v = parse(strip(version));
  if (v.major === '') return null;
  return v.minor === '' || (v.major === '1' && v.minor === '0') ? v.major : `${v.major}.${v.minor}`;
}

/** "go1.26.8" from GOVERSION ("go1.26.8", "go1.27rc1", "devel go1.27-abcdef …"); null when absent. */
export function goVersionOf(goversion: string | undefined): string | null {
  const m = /\bgo\d+(\.\d+)*(rc\d+|beta\d+)?/.exec(goversion ?? '');
  return m ? m[0] : null;
}

/**
 * The minor number of a Go 1.x release ("go1.21.3" → 21, "1.19" → 19, "devel go1.27-…" → 27), or null when the text
 * names no Go 1 release: for tables indexed by release.
 */
export function goMinorVersion(version: string | null | undefined): number | null {
  const v = parse(strip(goVersionOf(version ?? '') ?? version ?? ''));
  return v.major === '1' ? Number(v.minor) : null;
}

/** gover.Prev (cmd/go/internal/gover/gover.go): the language version before x ("1.17" → "1.16", "1.21.3" → "1.20"). */
export function prevGo(x: string): string {
  const v = parse(x);
  if (cmpInt(v.minor, '1') <= 0) return v.major;
  return `${v.major}.${String(Number(v.minor) - 1)}`;
}

/** gover.FromToolchain (cmd/go/internal/gover/toolchain.go): "go1.21.3" → "1.21.3"; custom suffixes dropped. */
export function fromToolchain(name: string): string {
  if (/[\\/]/.test(name) || !name.startsWith('go')) return '';
  let v = name.slice(2);
  const cut = v.search(/[ \t-]/);
  if (cut >= 0) v = v.slice(0, cut);
  return parse(v).major !== '' ? v : ''; // gover.IsValid, no prefix stripped
}

/** gover.ModCompare: versions of the "go" and "toolchain" pseudo-modules compare as Go versions, others as semver. */
export function modCompare(path: string, x: string, y: string): number {
  if (path === 'go') return compareGoVersions(x, y);
  const tv = (n: string): string => (parse(n).major !== '' ? n : fromToolchain(n)); // gover.maybeToolchainVersion
  if (path === 'toolchain') return compareGoVersions(tv(x), tv(y));
  return compareSemver(x, y);
}
