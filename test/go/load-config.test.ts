// goVersionOf: the version from GOVERSION, for releases, release candidates and development builds.
import { expect, it } from 'vitest';
import { goVersionOf } from '../../src/go/load-config.js';

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
