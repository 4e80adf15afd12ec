// Go versions as Go compares them (internal/gover/gover_test.go's cases), and the version from GOVERSION.
import { describe, expect, it } from 'vitest';
import {
  compareGoVersions,
  fromToolchain,
  goAtLeast,
  goMinorVersion,
  goLanguageVersion,
  goVersionOf,
  isGoLanguageVersion,
  isValidGoVersion,
  modCompare,
  prevGo,
} from '../../src/core/go-version.js';

describe('compareGoVersions (internal/gover Compare)', () => {
  // internal/gover/gover_test.go compareTests verbatim, then the "go" prefix and custom suffix go/version accepts.
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
    ['1.20rc1', '1.20', -1],
    ['1.21', '1.21.0', -1],
    ['1.21', '1.21rc1', -1],
    ['1.21rc1', '1.21.0', -1],
    ['1.6', '1.19', -1],
    ['1.19', '1.19.1', -1],
    ['1.19rc1', '1.19', -1],
    ['1.19rc1', '1.19.1', -1],
    ['1.19rc1', '1.19rc2', -1],
    ['1.19.0', '1.19.1', -1],
    ['1.19rc1', '1.19.0', -1],
    ['1.19alpha3', '1.19beta2', -1],
    ['1.19beta2', '1.19rc1', -1],
    ['1.1', '1.99999999999999998', -1],
    ['1.99999999999999998', '1.99999999999999999', -1],
    ['go1.21.0', '1.19', 1],
    ['go1.19.8', 'go1.19.8', 0],
    ['go1.9', 'go1.10', -1],
    ['garbage', 'go1.1', -1],
    ['go1.22.0-bigcorp', 'go1.22.0', 0],
  ])('%s vs %s → %i', (a, b, want) => {
    expect(Math.sign(compareGoVersions(a, b))).toBe(want);
    expect(Math.sign(compareGoVersions(b, a))).toBe(-want || 0);
  });

  it('goAtLeast: an unknown Go counts as the newest', () => {
    expect(goAtLeast('go1.20.5', '1.21')).toBe(false);
    expect(goAtLeast('go1.21rc1', '1.21')).toBe(true);
    expect(goAtLeast('go1.24.0', '1.24')).toBe(true);
    expect(goAtLeast(null, '1.24')).toBe(true);
    expect(goAtLeast(undefined, '1.24')).toBe(true);
  });

  it.each([
    ['1.2rc3', '1.2'],
    ['1.2.3', '1.2'],
    ['1.2', '1.2'],
    ['1', '1'],
    ['1.999testmod', '1.999'],
    ['go1.19.8', '1.19'],
    ['junk', null],
  ])('goLanguageVersion(%s) = %s (gover_test.go langTests, then the go prefix)', (v, want) => {
    expect(goLanguageVersion(v)).toBe(want);
  });
});

it.each([
  ['go1.26.8', 'go1.26.8'],
  ['go1.19.8', 'go1.19.8'],
  ['go1.27rc1', 'go1.27rc1'],
  ['devel go1.27-abcdef Tue Nov 3 2026', 'go1.27'],
  ['', null],
  [undefined, null],
])('GOVERSION %s → %s', (input, want) => {
  expect(goVersionOf(input)).toBe(want);
});

it('isGoLanguageVersion and isValidGoVersion (gover_test.go isLangTests, plus the go prefix)', () => {
  for (const [v, want] of [
    ['1.2rc3', false],
    ['1.2.3', false],
    ['1.999testmod', false],
    ['1.22', true],
    ['1.21', true],
    ['1.20', false],
    ['1.19', false],
    ['1.3', false],
    ['go1.22', true],
  ] as const)
    expect(isGoLanguageVersion(v), v).toBe(want);
  expect(isValidGoVersion('go1.22.3')).toBe(true);
  expect(isValidGoVersion('1.21rc1')).toBe(true);
  expect(isValidGoVersion('latest')).toBe(false);
  expect(isValidGoVersion('v1.2.3')).toBe(false);
});

it('isValidGoVersion (gover_test.go isValidTests)', () => {
  expect(['1.2rc3', '1.999testmod', '1.21', '1'].every(isValidGoVersion)).toBe(true);
  expect(isValidGoVersion('1.600+auto')).toBe(false);
});

it('prevGo, fromToolchain, modCompare (cmd/go/internal/gover Prev, FromToolchain, ModCompare)', () => {
  expect([prevGo('1.17'), prevGo('1.21.3'), prevGo('1.1'), prevGo('1')]).toEqual(['1.16', '1.20', '1', '1']);
  expect([
    fromToolchain('go1.22.3'),
    fromToolchain('go1.21rc1-custom'),
    fromToolchain('gccgo'),
    fromToolchain('go1.2/x'),
    fromToolchain('gogo1.2'),
  ]).toEqual(['1.22.3', '1.21rc1', '', '', '']);
  expect(modCompare('toolchain', 'go1.21.0', 'go1.21rc1')).toBe(1);
  expect(modCompare('go', '1.21', '1.21.0')).toBe(-1);
  expect(modCompare('example.com/m', 'v1.10.0', 'v1.9.0')).toBe(1);
});

it.each([
  ['go1.21.3', 21],
  ['1.19', 19],
  ['go1.27rc1', 27],
  ['devel go1.27-abcdef Tue Nov 3 2026', 27],
  ['go2.0', null],
  ['', null],
  [null, null],
])('goMinorVersion(%s) = %s', (v, want) => {
  expect(goMinorVersion(v)).toBe(want);
});
