// Go toolchain and language versions ("1.21", "1.21.0", "1.22rc1") as cmd/go compares them: a port of
// internal/gover (Parse, Compare, IsLang, Lang) and cmd/go/internal/gover (FromToolchain, Prev, ModCompare).
// "1.21" is the language version and sorts before "1.21rc1", which sorts before "1.21.0".
import { compareSemver } from '../semver.js';

interface Version {
  major: string;
  minor: string;
  patch: string;
  kind: string;
  pre: string;
}

/** internal/gover cutInt: decimal without unnecessary leading zero. */
function cutInt(x: string): [string, string] | null {
  const m = /^[0-9]+/.exec(x);
  if (!m || (m[0].length > 1 && m[0][0] === '0')) return null;
  return [m[0], x.slice(m[0].length)];
}

/** internal/gover CmpInt: compares decimal strings. */
function cmpInt(x: string, y: string): number {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

/** internal/gover Parse; null for an invalid version. */
function parseGo(x: string): Version | null {
  const major = cutInt(x);
  if (!major) return null;
  const v: Version = { major: major[0], minor: '', patch: '', kind: '', pre: '' };
  let rest = major[1];
  if (rest === '') return { ...v, minor: '0', patch: '0' };
  if (rest[0] !== '.') return null;
  const minor = cutInt(rest.slice(1));
  if (!minor) return null;
  [v.minor, rest] = minor;
  if (rest === '') return cmpInt(v.minor, '21') < 0 ? { ...v, patch: '0' } : v;
  if (rest[0] === '.') {
    const patch = cutInt(rest.slice(1));
    if (patch?.[1] !== '') return null;
    return { ...v, patch: patch![0] };
  }
  const kind = /^[a-z]+/.exec(rest);
  if (!kind) return null;
  v.kind = kind[0];
  rest = rest.slice(kind[0].length);
  if (rest === '') return v;
  const pre = cutInt(rest);
  if (pre?.[1] !== '') return null;
  return { ...v, pre: pre![0] };
}

/** gover.Compare: "" and invalid versions sort first; "" < alpha < beta < rc by kind. */
export function compareGo(x: string, y: string): number {
  const vx = parseGo(x) ?? { major: '', minor: '', patch: '', kind: '', pre: '' };
  const vy = parseGo(y) ?? { major: '', minor: '', patch: '', kind: '', pre: '' };
  const kind = vx.kind === vy.kind ? 0 : vx.kind < vy.kind ? -1 : 1;
  return (
    cmpInt(vx.major, vy.major) ||
    cmpInt(vx.minor, vy.minor) ||
    cmpInt(vx.patch, vy.patch) ||
    kind ||
    cmpInt(vx.pre, vy.pre)
  );
}

/** gover.IsValid. */
export function isValidGo(x: string): boolean {
  return parseGo(x) !== null;
}

/** gover.IsLang: "1.21" (language version), not a release like "1.21.0" or "1.21rc1". */
export function isLangGo(x: string): boolean {
  const v = parseGo(x);
  return v !== null && v.patch === '' && v.kind === '' && v.pre === '';
}

/** gover.Lang: "1.21.3" → "1.21". */
export function langGo(x: string): string {
  const v = parseGo(x);
  if (!v) return '';
  if (v.minor === '' || (v.major === '1' && v.minor === '0')) return v.major;
  return `${v.major}.${v.minor}`;
}

/** gover.Prev (cmd/go/internal/gover/gover.go): the language version before x ("1.17" → "1.16"). */
export function prevGo(x: string): string {
  const v = parseGo(x) ?? { major: '', minor: '', patch: '', kind: '', pre: '' };
  if (cmpInt(v.minor, '1') <= 0) return v.major;
  return `${v.major}.${String(Number(v.minor) - 1)}`;
}

/** gover.FromToolchain (cmd/go/internal/gover/toolchain.go): "go1.21.3" → "1.21.3"; custom suffixes dropped. */
export function fromToolchain(name: string): string {
  if (/[\\/]/.test(name) || !name.startsWith('go')) return '';
  let v = name.slice(2);
  const cut = v.search(/[ \t-]/);
  if (cut >= 0) v = v.slice(0, cut);
  return isValidGo(v) ? v : '';
}

/** gover.ModCompare: versions of the "go" and "toolchain" pseudo-modules compare as Go versions, others as semver. */
export function modCompare(path: string, x: string, y: string): number {
  if (path === 'go') return compareGo(x, y);
  const tv = (n: string): string => (isValidGo(n) ? n : fromToolchain(n)); // gover.maybeToolchainVersion
  if (path === 'toolchain') return compareGo(tv(x), tv(y));
  return compareSemver(x, y);
}
