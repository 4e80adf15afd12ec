// Exact port of Go's path.Match (golang/go src/path/match.go, same semantics 1.19 → 1.27).
// Works on UTF-8 bytes like Go does, so `?` and `[...]` consume one rune and literals compare bytes.
// Since Go 1.16 a mismatch still validates the rest of the pattern, so malformed patterns always
// report ErrBadPattern (used by MatchPrefixPatterns for GOPRIVATE & co, docs/go-rules.md#private-modules).

/** Thrown exactly when Go's path.Match returns ErrBadPattern ("syntax error in pattern"). */
export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
    this.name = 'BadPatternError';
  }
}

type Bytes = Uint8Array;

const SLASH = 0x2f;
const STAR = 0x2a;
const QUESTION = 0x3f;
const BACKSLASH = 0x5c;
const LBRACK = 0x5b;
const RBRACK = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const RUNE_ERROR = 0xfffd;
const EMPTY: Bytes = new Uint8Array(0);
const encoder = new TextEncoder();

/** Reports whether name matches the shell pattern; throws BadPatternError for malformed patterns. */
export function pathMatch(pattern: string, name: string): boolean {
  return matchBytes(encoder.encode(pattern), encoder.encode(name));
}

function matchBytes(pattern: Bytes, name: Bytes): boolean {
  outer: while (pattern.length > 0) {
    const sc = scanChunk(pattern);
    pattern = sc.rest;
    if (sc.star && sc.chunk.length === 0) {
      // Trailing * matches rest of string unless it has a /.
      return name.indexOf(SLASH) < 0;
    }
    const t = matchChunk(sc.chunk, name);
    if (t !== null && (t.length === 0 || pattern.length > 0)) {
      name = t;
      continue;
    }
    if (sc.star) {
      // Look for match skipping i+1 bytes. Cannot skip /.
      for (let i = 0; i < name.length && name[i] !== SLASH; i++) {
        const t2 = matchChunk(sc.chunk, name.subarray(i + 1));
        if (t2 !== null) {
          if (pattern.length === 0 && t2.length > 0) continue;
          name = t2;
          continue outer;
        }
      }
    }
    // Before returning false, check that the remainder of the pattern is syntactically valid.
    while (pattern.length > 0) {
      const rest = scanChunk(pattern);
      pattern = rest.rest;
      matchChunk(rest.chunk, EMPTY);
    }
    return false;
  }
  return name.length === 0;
}

/** Next segment of pattern: a non-star string possibly preceded by stars. */
function scanChunk(pattern: Bytes): { star: boolean; chunk: Bytes; rest: Bytes } {
  let star = false;
  while (pattern.length > 0 && pattern[0] === STAR) {
    pattern = pattern.subarray(1);
    star = true;
  }
  let inrange = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === BACKSLASH) {
      if (i + 1 < pattern.length) i++;
    } else if (c === LBRACK) {
      inrange = true;
    } else if (c === RBRACK) {
      inrange = false;
    } else if (c === STAR && !inrange) {
      return { star, chunk: pattern.subarray(0, i), rest: pattern.subarray(i) };
    }
  }
  return { star, chunk: pattern, rest: EMPTY };
}

/** Matches chunk against the start of s; returns the rest of s, or null when it does not match. */
function matchChunk(chunk: Bytes, s: Bytes): Bytes | null {
  let failed = false;
  let c = 0;
  let si = 0;
  while (c < chunk.length) {
    failed = failed || si >= s.length;
    const ch = chunk[c];
    if (ch === LBRACK) {
      let r = 0;
      if (!failed) {
        const [rr, n] = decodeRune(s, si);
        r = rr;
        si += n;
      }
      const cls = matchClass(chunk, c + 1, r);
      c = cls.next;
      failed = failed || !cls.match;
    } else if (ch === QUESTION) {
      if (!failed) {
        failed = s[si] === SLASH;
        si += decodeRune(s, si)[1];
      }
      c++;
    } else {
      if (ch === BACKSLASH) {
        c++;
        if (c >= chunk.length) throw new BadPatternError();
      }
      if (!failed) {
        failed = chunk[c] !== s[si];
        si++;
      }
      c++;
    }
  }
  return failed ? null : s.subarray(si);
}

/** Parses a character class starting after '['; reports whether rune r is in it. */
function matchClass(chunk: Bytes, c: number, r: number): { next: number; match: boolean } {
  let negated = false;
  if (c < chunk.length && chunk[c] === CARET) {
    negated = true;
    c++;
  }
  let match = false;
  let nrange = 0;
  for (;;) {
    if (c < chunk.length && chunk[c] === RBRACK && nrange > 0) {
      c++;
      break;
    }
    const lo = getEsc(chunk, c);
    let hi = lo.r;
    c = lo.next;
    if (chunk[c] === DASH) {
      const h = getEsc(chunk, c + 1);
      hi = h.r;
      c = h.next;
    }
    match = match || (lo.r <= r && r <= hi);
    nrange++;
  }
  return { next: c, match: match !== negated };
}

/** A possibly-escaped character of a character class. */
function getEsc(chunk: Bytes, c: number): { r: number; next: number } {
  if (c >= chunk.length || chunk[c] === DASH || chunk[c] === RBRACK) throw new BadPatternError();
  if (chunk[c] === BACKSLASH) {
    c++;
    if (c >= chunk.length) throw new BadPatternError();
  }
  const [r, n] = decodeRune(chunk, c);
  if (r === RUNE_ERROR && n === 1) throw new BadPatternError();
  if (c + n >= chunk.length) throw new BadPatternError();
  return { r, next: c + n };
}

/** Go's utf8.DecodeRune: [rune, size]; invalid → [RuneError, 1]; empty → [RuneError, 0]. */
function decodeRune(b: Bytes, i: number): [number, number] {
  const b0 = b[i];
  if (b0 === undefined) return [RUNE_ERROR, 0];
  if (b0 < 0x80) return [b0, 1];
  const need = b0 >= 0xf0 && b0 <= 0xf4 ? 3 : b0 >= 0xe0 && b0 <= 0xef ? 2 : b0 >= 0xc2 && b0 <= 0xdf ? 1 : -1;
  if (need < 0 || i + need >= b.length) return [RUNE_ERROR, 1];
  let r = b0 & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    const cb = b[i + k];
    if (cb === undefined || (cb & 0xc0) !== 0x80) return [RUNE_ERROR, 1];
    r = (r << 6) | (cb & 0x3f);
  }
  const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
  if (r < min || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return [RUNE_ERROR, 1];
  return [r, need + 1];
}
