// Version orderings ported from Go's own tables: golang.org/x/mod semver/semver_test.go (tests, TestCompare) and
// GOROOT/src/internal/gover/gover_test.go (compareTests, isLangTests, isValidTests).
import { describe, expect, it } from 'vitest';
import { canonicalSemver, compareSemver, isValidSemver } from '../../../src/core/semver.js';
import {
  compareGo,
  fromToolchain,
  isLangGo,
  isValidGo,
  langGo,
  modCompare,
  prevGo,
} from '../../../src/core/needs/gover.js';

// semver_test.go `tests`: input and Canonical(input), in increasing order ("" = invalid).
const SEMVER: [string, string][] = [
  ['bad', ''],
  ['v1-alpha.beta.gamma', ''],
  ['v1-pre', ''],
  ['v1+meta', ''],
  ['v1-pre+meta', ''],
  ['v1.2-pre', ''],
  ['v1.2+meta', ''],
  ['v1.2-pre+meta', ''],
  ['v1.0.0-alpha', 'v1.0.0-alpha'],
  ['v1.0.0-alpha.1', 'v1.0.0-alpha.1'],
  ['v1.0.0-alpha.beta', 'v1.0.0-alpha.beta'],
  ['v1.0.0-beta', 'v1.0.0-beta'],
  ['v1.0.0-beta.2', 'v1.0.0-beta.2'],
  ['v1.0.0-beta.11', 'v1.0.0-beta.11'],
  ['v1.0.0-rc.1', 'v1.0.0-rc.1'],
  ['v1', 'v1.0.0'],
  ['v1.0', 'v1.0.0'],
  ['v1.0.0', 'v1.0.0'],
  ['v1.2', 'v1.2.0'],
  ['v1.2.0', 'v1.2.0'],
  ['v1.2.3-456', 'v1.2.3-456'],
  ['v1.2.3-456.789', 'v1.2.3-456.789'],
  ['v1.2.3-456-789', 'v1.2.3-456-789'],
  ['v1.2.3-456a', 'v1.2.3-456a'],
  ['v1.2.3-pre', 'v1.2.3-pre'],
  ['v1.2.3-pre+meta', 'v1.2.3-pre'],
  ['v1.2.3-pre.1', 'v1.2.3-pre.1'],
  ['v1.2.3-zzz', 'v1.2.3-zzz'],
  ['v1.2.3', 'v1.2.3'],
  ['v1.2.3+meta', 'v1.2.3'],
  ['v1.2.3+meta-pre', 'v1.2.3'],
  ['v1.2.3+meta-pre.sha.256a', 'v1.2.3'],
];

describe('semver (x/mod/semver)', () => {
  it('IsValid and Canonical', () => {
    for (const [v, canon] of SEMVER) {
      expect(isValidSemver(v), v).toBe(canon !== '');
      expect(canonicalSemver(v), v).toBe(canon);
    }
  });
  it('Compare: the table is in order; equal canonical forms compare equal', () => {
    SEMVER.forEach(([v, cv], i) => {
      SEMVER.forEach(([w, cw], j) => {
        expect(compareSemver(v, w), `${v} ${w}`).toBe(cv === cw ? 0 : i < j ? -1 : 1);
      });
    });
    expect([compareSemver('v2', 'v1'), compareSemver('v1.19', 'v1.2')]).toEqual([1, 1]);
  });
});

describe('gover (internal/gover)', () => {
  it.each([
    ['', '', 0],
    ['x', 'x', 0],
    ['', 'x', 0],
    ['1', '1.1', -1],
    ['1.5', '1.6', -1],
    ['1.5', '1.10', -1],
    ['1.6', '1.6.1', -1],
    ['1.19', '1.19.0', 0],
    ['1.19rc1', '1.19', -1],
    ['1.20', '1.20.0', 0],
    ['1.21', '1.21.0', -1],
    ['1.21', '1.21rc1', -1],
    ['1.21rc1', '1.21.0', -1],
    ['1.19alpha3', '1.19beta2', -1],
    ['1.19beta2', '1.19rc1', -1],
    ['1.1', '1.99999999999999998', -1],
    ['1.99999999999999998', '1.99999999999999999', -1],
  ])('Compare(%s, %s) = %d', (x, y, want) => {
    expect(compareGo(x, y)).toBe(want);
    expect(compareGo(y, x)).toBe(-want || 0);
  });
  it('IsLang, IsValid, Lang', () => {
    const lang: [string, boolean][] = [
      ['1.2rc3', false],
      ['1.2.3', false],
      ['1.22', true],
      ['1.21', true],
      ['1.20', false],
      ['1', false],
    ];
    for (const [v, want] of lang) expect(isLangGo(v), v).toBe(want);
    expect(['1.2rc3', '1.999testmod', '1.21', '1'].every(isValidGo)).toBe(true);
    expect(isValidGo('1.600+auto')).toBe(false);
    expect(['1.2rc3', '1.2.3', '1', '1.999testmod'].map(langGo)).toEqual(['1.2', '1.2', '1', '1.999']);
  });
  it('Prev, FromToolchain, ModCompare for the go and toolchain pseudo-modules', () => {
    expect([prevGo('1.17'), prevGo('1.21.3'), prevGo('1.1'), prevGo('1')]).toEqual(['1.16', '1.20', '1', '1']);
    expect([
      fromToolchain('go1.22.3'),
      fromToolchain('go1.21rc1-custom'),
      fromToolchain('gccgo'),
      fromToolchain('go1.2/x'),
    ]).toEqual(['1.22.3', '1.21rc1', '', '']);
    expect(modCompare('toolchain', 'go1.21.0', 'go1.21rc1')).toBe(1);
    expect(modCompare('go', '1.21', '1.21.0')).toBe(-1);
    expect(modCompare('example.com/m', 'v1.10.0', 'v1.9.0')).toBe(1);
  });
});
