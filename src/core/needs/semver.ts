// Semantic versions as Go compares module versions: a port of golang.org/x/mod/semver
// (GOROOT/src/cmd/vendor/golang.org/x/mod/semver/semver.go parse, Compare, Canonical, Max).
// npm's semver differs (no "v1.2" shorthand, other prerelease rules), so Go's rules are ported.

interface Parsed {
  major: string;
  minor: string;
  patch: string;
  short: string;
  prerelease: string;
  build: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** semver.go parseInt: decimal without leading zeros; [value, rest] or null. */
function parseDecimal(v: string): [string, string] | null {
  if (!isDigit(v[0])) return null;
  let i = 1;
  while (isDigit(v[i])) i++;
  if (v[0] === '0' && i !== 1) return null;
  return [v.slice(0, i), v.slice(i)];
}

const isIdentChar = (c: string): boolean => /^[A-Za-z0-9-]$/.test(c);
const isBadNum = (v: string): boolean => /^[0-9]+$/.test(v) && v.length > 1 && v[0] === '0';

/** semver.go parsePrerelease / parseBuild: dot-separated identifiers after "-" or "+". */
function parseIdents(v: string, lead: '-' | '+'): [string, string] | null {
  if (v[0] !== lead) return null;
  let i = 1;
  let start = 1;
  while (i < v.length && (lead === '+' || v[i] !== '+')) {
    const c = v[i]!;
    if (!isIdentChar(c) && c !== '.') return null;
    if (c === '.') {
      if (start === i || (lead === '-' && isBadNum(v.slice(start, i)))) return null;
      start = i + 1;
    }
    i++;
  }
  if (start === i || (lead === '-' && isBadNum(v.slice(start, i)))) return null;
  return [v.slice(0, i), v.slice(i)];
}

function parse(v: string): Parsed | null {
  if (v[0] !== 'v') return null;
  const major = parseDecimal(v.slice(1));
  if (!major) return null;
  const p: Parsed = { major: major[0], minor: '0', patch: '0', short: '', prerelease: '', build: '' };
  let rest = major[1];
  if (rest === '') return { ...p, short: '.0.0' };
  if (rest[0] !== '.') return null;
  const minor = parseDecimal(rest.slice(1));
  if (!minor) return null;
  [p.minor, rest] = minor;
  if (rest === '') return { ...p, short: '.0' };
  if (rest[0] !== '.') return null;
  const patch = parseDecimal(rest.slice(1));
  if (!patch) return null;
  [p.patch, rest] = patch;
  if (rest[0] === '-') {
    const pre = parseIdents(rest, '-');
    if (!pre) return null;
    [p.prerelease, rest] = pre;
  }
  if (rest[0] === '+') {
    const build = parseIdents(rest, '+');
    if (!build) return null;
    [p.build, rest] = build;
  }
  return rest === '' ? p : null;
}

/** semver.IsValid: "v1", "v1.2", "v1.2.3", "v1.2.3-pre+build". */
export function isValidSemver(v: string): boolean {
  return parse(v) !== null;
}

/** semver.Canonical: "v1.2" → "v1.2.0", build metadata dropped; "" when invalid. */
export function canonicalSemver(v: string): string {
  const p = parse(v);
  if (!p) return '';
  if (p.build !== '') return v.slice(0, v.length - p.build.length);
  return p.short !== '' ? v + p.short : v;
}

/** semver.Prerelease: "-pre" of "v1.2.3-pre+meta", or "". */
export function semverPrerelease(v: string): string {
  return parse(v)?.prerelease ?? '';
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
  for (let i = 0; i < xs.length && i < ys.length; i++) {
    const dx = xs[i]!;
    const dy = ys[i]!;
    if (dx === dy) continue;
    const ix = /^[0-9]*$/.test(dx);
    const iy = /^[0-9]*$/.test(dy);
    if (ix !== iy) return ix ? -1 : 1;
    if (ix && dx.length !== dy.length) return dx.length < dy.length ? -1 : 1;
    return dx < dy ? -1 : 1;
  }
  return xs.length < ys.length ? -1 : 1;
}

/** semver.Compare: an invalid version sorts before every valid one; two invalid ones are equal. */
export function compareSemver(v: string, w: string): number {
  const pv = parse(v);
  const pw = parse(w);
  if (!pv && !pw) return 0;
  if (!pv) return -1;
  if (!pw) return 1;
  return (
    compareInt(pv.major, pw.major) ||
    compareInt(pv.minor, pw.minor) ||
    compareInt(pv.patch, pw.patch) ||
    comparePrerelease(pv.prerelease, pw.prerelease)
  );
}
