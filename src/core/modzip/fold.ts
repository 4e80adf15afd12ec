// Go's strToFold (golang.org/x/mod/zip/zip.go): every rune becomes the smallest rune of its Unicode simple case
// folding orbit (unicode.SimpleFold), then A-Z become a-z. Two zip entries whose folds are equal collide on
// case-insensitive file systems, which Go refuses.
//
// JavaScript has no SimpleFold, so the orbits are rebuilt once, lazily (only for non-ASCII names), by joining each
// code point with its single-code-point upper and lower case: that yields the same orbits as Go's tables for
// every cased letter (K/k/U+212A KELVIN SIGN, S/s/U+017F LONG S, µ/μ/Μ …).

let orbitMin: Map<number, number> | null = null;

function buildOrbits(): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb)); // the root is the orbit's smallest rune
  };
  for (let cp = 0; cp <= 0x1ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    for (const t of [s.toUpperCase(), s.toLowerCase()]) {
      const c = t.codePointAt(0)!;
      if (t !== s && t.length === String.fromCodePoint(c).length) union(cp, c);
    }
  }
  const out = new Map<number, number>();
  for (const cp of parent.keys()) {
    const root = find(cp);
    if (root !== cp) out.set(cp, root);
  }
  return out;
}

/** strToFold: the key under which Go detects case-insensitive file name collisions. */
export function strToFold(s: string): string {
  if (/^[\x00-\x40\x5b-\x7f]*$/.test(s)) return s; // fast path: ASCII without upper case
  orbitMin ??= buildOrbits();
  let out = '';
  for (const ch of s) {
    let r = ch.codePointAt(0)!;
    r = orbitMin.get(r) ?? r;
    if (r >= 0x41 && r <= 0x5a) r += 0x20;
    out += String.fromCodePoint(r);
  }
  return out;
}
