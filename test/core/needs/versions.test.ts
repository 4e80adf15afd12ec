// Version orderings ported from Go's own tables: golang.org/x/mod semver/semver_test.go (tests, TestCompare). Go
// versions (internal/gover) are tested in test/core/go-version.test.ts.
import { describe, expect, it } from 'vitest';
import { canonicalSemver, compareSemver, isValidSemver } from '../../../src/core/semver.js';

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
