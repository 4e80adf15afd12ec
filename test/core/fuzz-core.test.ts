// Property tests: parsers never throw on arbitrary input except their documented error types,
// escape/unescape round-trip, and pathMatch agrees with a slow reference implementation of path.Match.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../src/core/config-model.js';
import { UsageError } from '../../src/core/errors.js';
import { checkModulePath, escapePath, escapeVersion, unescapePath, unescapeVersion } from '../../src/core/escape.js';
import { parseGoenvFile } from '../../src/core/goenv-file.js';
import { formatGoproxy, parseGoproxy, validateGoproxyForWrite } from '../../src/core/goproxy.js';
import { parseGosumdb, validateGosumdbForWrite } from '../../src/core/gosumdb.js';
import { BadPatternError, pathMatch } from '../../src/core/path-match.js';
import { lintPatterns, matchPrefixPatterns } from '../../src/core/patterns.js';
import { redactSecrets, redactUrl } from '../../src/core/redact.js';
import { resolveRoute } from '../../src/core/route.js';

const RUNS = { numRuns: 400 };
const onlyUsage = (f: () => void): void => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
  }
};

// Strings built from the characters that matter to each grammar, plus arbitrary unicode.
const gen = (chars: string, max = 24) =>
  fc.oneof(
    fc.string({ unit: fc.constantFrom(...chars.split('')), maxLength: max }),
    fc.string({ maxLength: max }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
  );
const proxyText = gen('ahtps:/.,|@x-_ %d!fileofrc1\\ ');
const globText = gen('ab/*?[]^-\\c.', 10);
const nameText = gen('ab/c.-]', 8);

/** Slow reference path.Match over code points: backtracking, validating the pattern syntax first. */
function refMatch(pattern: string, name: string): boolean {
  const p = [...pattern];
  const n = [...name];
  type Item =
    | { kind: 'star' }
    | { kind: 'any' }
    | { kind: 'lit'; c: string }
    | { kind: 'class'; neg: boolean; ranges: [number, number][] };
  const items: Item[] = [];
  for (let i = 0; i < p.length; ) {
    const c = p[i]!;
    if (c === '*') {
      items.push({ kind: 'star' });
      i++;
      continue;
    }
    if (c === '?') {
      items.push({ kind: 'any' });
      i++;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= p.length) throw new BadPatternError();
      items.push({ kind: 'lit', c: p[i + 1]! });
      i += 2;
      continue;
    }
    if (c !== '[') {
      items.push({ kind: 'lit', c });
      i++;
      continue;
    }
    i++;
    let neg = false;
    if (p[i] === '^') {
      neg = true;
      i++;
    }
    const ranges: [number, number][] = [];
    const esc = (): number => {
      if (i >= p.length || p[i] === '-' || p[i] === ']') throw new BadPatternError();
      if (p[i] === '\\') {
        i++;
        if (i >= p.length) throw new BadPatternError();
      }
      const r = p[i]!.codePointAt(0)!;
      i++;
      if (i >= p.length) throw new BadPatternError();
      return r;
    };
    for (;;) {
      if (p[i] === ']' && ranges.length > 0) {
        i++;
        break;
      }
      const lo = esc();
      let hi = lo;
      if (p[i] === '-') {
        i++;
        hi = esc();
      }
      ranges.push([lo, hi]);
    }
    items.push({ kind: 'class', neg, ranges });
  }
  const memo = new Map<string, boolean>();
  const m = (ii: number, ni: number): boolean => {
    const key = `${ii},${ni}`;
    if (memo.has(key)) return memo.get(key)!;
    let res: boolean;
    const it = items[ii];
    if (!it) res = ni === n.length;
    else if (it.kind === 'star') res = m(ii + 1, ni) || (ni < n.length && n[ni] !== '/' && m(ii, ni + 1));
    else if (ni >= n.length) res = false;
    else if (it.kind === 'any') res = n[ni] !== '/' && m(ii + 1, ni + 1);
    else if (it.kind === 'lit') res = n[ni] === it.c && m(ii + 1, ni + 1);
    else {
      const r = n[ni]!.codePointAt(0)!;
      const inside = it.ranges.some(([lo, hi]) => lo <= r && r <= hi);
      res = inside !== it.neg && m(ii + 1, ni + 1);
    }
    memo.set(key, res);
    return res;
  };
  return m(0, 0);
}

const outcome = (f: () => boolean): string => {
  try {
    return String(f());
  } catch (e) {
    if (e instanceof BadPatternError) return 'bad';
    throw e;
  }
};

describe('fuzz: pathMatch', () => {
  it('agrees with the slow reference implementation', () => {
    fc.assert(
      fc.property(globText, nameText, (g, n) => {
        expect(outcome(() => pathMatch(g, n))).toBe(outcome(() => refMatch(g, n)));
      }),
      { numRuns: 3000 },
    );
  });
  it('agrees on the Go table too', () => {
    for (const [g, n] of [
      ['a*b*c*d*e*/f', 'axbxcxdxexxx/f'],
      ['[a-ζ]*', 'α'],
      ['a[^a][^a][^a]b', 'a☺b'],
      ['[\\-x]', '-'],
    ] as const) {
      expect(outcome(() => pathMatch(g, n))).toBe(outcome(() => refMatch(g, n)));
    }
  });
});

describe('fuzz: parsers never throw undocumented errors', () => {
  it('matchPrefixPatterns / lintPatterns never throw', () => {
    fc.assert(
      fc.property(gen('ab/*?[]^-\\,. :', 20), nameText, (g, t) => {
        expect(typeof matchPrefixPatterns(g, t)).toBe('boolean');
        expect(Array.isArray(lintPatterns('GOPRIVATE', g))).toBe(true);
      }),
      RUNS,
    );
  });
  it('parseGoproxy returns a result; formatGoproxy round-trips accepted lists', () => {
    fc.assert(
      fc.property(proxyText, gen('ab.,*'), (p, np) => {
        const r = parseGoproxy(p, np);
        if (r.ok) {
          // The last entry's separator means nothing (it never falls through), so formatGoproxy drops it.
          const norm = r.entries.map((e, i) => (i === r.entries.length - 1 ? { ...e, fallBackOnError: false } : e));
          expect(parseGoproxy(formatGoproxy(r.entries), np)).toEqual({ ok: true, entries: norm });
        } else expect(typeof r.error).toBe('string');
        onlyUsage(() => validateGoproxyForWrite(p));
      }),
      RUNS,
    );
  });
  it('parseGosumdb returns a result', () => {
    fc.assert(
      fc.property(gen('sum.golang.org+033de0ae ht:/ off'), (v) => {
        const r = parseGosumdb(v);
        expect(typeof r.ok).toBe('boolean');
        onlyUsage(() => validateGosumdbForWrite(v));
      }),
      RUNS,
    );
  });
  it('parseGoenvFile and the config model never throw', () => {
    fc.assert(
      fc.property(
        gen('GOPRXY=\n\r #abc,'),
        fc.dictionary(fc.constantFrom('GOPROXY', 'GOPRIVATE', 'GONOPROXY', 'GOSUMDB', 'https_proxy'), fc.string()),
        (text, env) => {
          expect(parseGoenvFile(text)).toBeInstanceOf(Map);
          const m = buildConfigModel({ env, goenvPath: null, goenvText: text, gorootEnvText: text, goVersion: null });
          onlyUsage(() => resolveRoute(m, 'github.com/a/b', 'v1.0.0'));
        },
      ),
      RUNS,
    );
  });
  it('redaction never throws and removes passwords', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[a-z0-9]{6,12}$/), (text, pw) => {
        redactUrl(text);
        redactSecrets(text);
        expect(redactSecrets(`${text} https://me:${pw}@h.example/x ${text}`)).toContain('https://me:xxxxx@h.example/x');
        expect(redactUrl(`https://me:${pw}@h.example/x`)).not.toContain(pw);
      }),
      RUNS,
    );
  });
});

describe('fuzz: escaping', () => {
  const pathElem = fc.string({ unit: fc.constantFrom(...'abcXYZ019-._~'.split('')), minLength: 1, maxLength: 8 });
  const modPath = fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...'abc019-.'.split('')), minLength: 1, maxLength: 8 }),
      fc.array(pathElem, { maxLength: 3 }),
    )
    .map(([host, rest]) => [`${host}.com`, ...rest].join('/'));
  it('escape/unescape round-trip for every valid module path', () => {
    fc.assert(
      fc.property(modPath, (p) => {
        if (checkModulePath(p) !== null) {
          expect(() => escapePath(p)).toThrow(UsageError);
          return;
        }
        const e = escapePath(p);
        expect(e).not.toMatch(/[A-Z]/);
        expect(unescapePath(e)).toBe(p);
      }),
      { numRuns: 1000 },
    );
  });
  it('escape functions only throw UsageError; unescape returns string or null', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        onlyUsage(() => escapePath(s));
        onlyUsage(() => {
          const e = escapeVersion(s);
          expect(unescapeVersion(e)).toBe(s);
        });
        const u = unescapePath(s);
        expect(u === null || typeof u === 'string').toBe(true);
      }),
      RUNS,
    );
  });
});
