// Semantic versions as Go reads them: a port of golang.org/x/mod/semver (parse, IsValid, Canonical, Major,
// Build, Compare) and of module.CanonicalVersion. "v1.2" is valid and canonicalises to "v1.2.0".

interface Parsed {
  major: string;
  minor: string;
  patch: string;
  short: string;
  prerelease: string;
  build: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isIdentChar = (c: string): boolean => /^[A-Za-z0-9-]$/.test(c);

/** parseInt: digits without a leading zero; [digits, rest] or null. */
function parseNum(v: string): [string, string] | null {
  if (!isDigit(v[0])) return null;
  let i = 1;
  while (isDigit(v[i])) i++;
  if (v[0] === '0' && i !== 1) return null;
  return [v.slice(0, i), v.slice(i)];
}

const isBadNum = (v: string): boolean => /^\d+$/.test(v) && v.length > 1 && v[0] === '0';

/** parsePrerelease / parseBuild: dot-separated non-empty identifiers (pre-release numbers without leading 0). */
function parseIdents(v: string, lead: '-' | '+'): [string, string] | null {
  if (v[0] !== lead) return null;
  let i = 1;
  let start = 1;
  const stop = lead === '-' ? '+' : '';
  for (; i < v.length && v[i] !== stop; i++) {
    const c = v[i]!;
    if (!isIdentChar(c) && c !== '.') return null;
    if (c === '.') {
      if (start === i || (lead === '-' && isBadNum(v.slice(start, i)))) return null;
      start = i + 1;
    }
  }
  if (start === i || (lead === '-' && isBadNum(v.slice(start, i)))) return null;
  return [v.slice(0, i), v.slice(i)];
}

function parse(v: string): Parsed | null {
  if (v[0] !== 'v') return null;
  const p: Parsed = { major: '', minor: '', patch: '', short: '', prerelease: '', build: '' };
  const major = parseNum(v.slice(1));
  if (!major) return null;
  [p.major, v] = major;
  if (v === '') return { ...p, minor: '0', patch: '0', short: '.0.0' };
  if (v[0] !== '.') return null;
  const minor = parseNum(v.slice(1));
  if (!minor) return null;
  [p.minor, v] = minor;
  if (v === '') return { ...p, patch: '0', short: '.0' };
  if (v[0] !== '.') return null;
  const patch = parseNum(v.slice(1));
  if (!patch) return null;
  [p.patch, v] = patch;
  if (v[0] === '-') {
    const pre = parseIdents(v, '-');
    if (!pre) return null;
    [p.prerelease, v] = pre;
  }
  if (v[0] === '+') {
    const build = parseIdents(v, '+');
    if (!build) return null;
    [p.build, v] = build;
  }
  return v === '' ? p : null;
}

/** semver.IsValid. */
export function isValidSemver(v: string): boolean {
  return parse(v) !== null;
}

/** semver.Canonical: "" when invalid; the build suffix is dropped, short forms are completed. */
export function canonicalSemver(v: string): string {
  const p = parse(v);
  if (!p) return '';
  if (p.build) return v.slice(0, v.length - p.build.length);
  return p.short ? v + p.short : v;
}

/** semver.Major: "v2" for "v2.1.0"; "" when invalid. */
export function semverMajor(v: string): string {
  const p = parse(v);
  return p ? v.slice(0, 1 + p.major.length) : '';
}

/** semver.Build: "+incompatible" for "v2.0.0+incompatible"; "" when none or invalid. */
export function semverBuild(v: string): string {
  return parse(v)?.build ?? '';
}

/** module.CanonicalVersion: like canonicalSemver but keeps "+incompatible". */
export function canonicalModuleVersion(v: string): string {
  const cv = canonicalSemver(v);
  return semverBuild(v) === '+incompatible' ? cv + '+incompatible' : cv;
}

function compareInt(x: string, y: string): number {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

function comparePrerelease(x: string, y: string): number {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  const xs = x.slice(1).split('.');
  const ys = y.slice(1).split('.');
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const [a, b] = [xs[i]!, ys[i]!];
    if (a === b) continue;
    const [an, bn] = [/^\d+$/.test(a), /^\d+$/.test(b)];
    if (an !== bn) return an ? -1 : 1;
    if (an) return compareInt(a, b);
    return a < b ? -1 : 1;
  }
  return xs.length === ys.length ? 0 : xs.length < ys.length ? -1 : 1;
}

/** semver.Compare: invalid versions sort before valid ones and are equal to each other. */
export function compareSemver(v: string, w: string): number {
  const pv = parse(v);
  const pw = parse(w);
  if (!pv || !pw) return !pv && !pw ? 0 : !pv ? -1 : 1;
  return (
    compareInt(pv.major, pw.major) ||
    compareInt(pv.minor, pw.minor) ||
    compareInt(pv.patch, pw.patch) ||
    comparePrerelease(pv.prerelease, pw.prerelease)
  );
}
