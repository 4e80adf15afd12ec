// Cases from golang/go src/path/match_test.go (matchTests), plus the Go ≥1.16 rule that a mismatch
// still validates the rest of the pattern.
import { describe, expect, it } from 'vitest';
import { BadPatternError, pathMatch } from '../../src/core/path-match.js';

const BAD = 'bad';
// [pattern, name, match | BAD]
const GO_MATCH_TESTS: [string, string, boolean | typeof BAD][] = [
  ['abc', 'abc', true],
  ['*', 'abc', true],
  ['*c', 'abc', true],
  ['a*', 'a', true],
  ['a*', 'abc', true],
  ['a*', 'ab/c', false],
  ['a*/b', 'abc/b', true],
  ['a*/b', 'a/c/b', false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false],
  ['ab[c]', 'abc', true],
  ['ab[b-d]', 'abc', true],
  ['ab[e-g]', 'abc', false],
  ['ab[^c]', 'abc', false],
  ['ab[^b-d]', 'abc', false],
  ['ab[^e-g]', 'abc', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a☺b', true],
  ['a[^a]b', 'a☺b', true],
  ['a???b', 'a☺b', false],
  ['a[^a][^a][^a]b', 'a☺b', false],
  ['[a-ζ]*', 'α', true],
  ['*[a-ζ]', 'A', false],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['[\\]a]', ']', true],
  ['[\\-]', '-', true],
  ['[x\\-]', 'x', true],
  ['[x\\-]', '-', true],
  ['[x\\-]', 'z', false],
  ['[\\-x]', 'x', true],
  ['[\\-x]', '-', true],
  ['[\\-x]', 'a', false],
  ['[]a]', ']', BAD],
  ['[-]', '-', BAD],
  ['[x-]', 'x', BAD],
  ['[x-]', '-', BAD],
  ['[x-]', 'z', BAD],
  ['[-x]', 'x', BAD],
  ['[-x]', '-', BAD],
  ['[-x]', 'a', BAD],
  ['\\', 'a', BAD],
  ['[a-b-c]', 'a', BAD],
  ['[', 'a', BAD],
  ['[^', 'a', BAD],
  ['[^bc', 'a', BAD],
  ['a[', 'a', BAD],
  ['a[', 'ab', BAD],
  ['a[', 'x', BAD],
  ['a/b[', 'x', BAD],
  ['*x', 'xxx', true],
];

describe('pathMatch (path/match_test.go)', () => {
  it.each(GO_MATCH_TESTS)('Match(%j, %j) = %s', (pattern, name, want) => {
    if (want === BAD) expect(() => pathMatch(pattern, name)).toThrow(BadPatternError);
    else expect(pathMatch(pattern, name)).toBe(want);
  });

  it('validates the rest of the pattern after a mismatch (Go ≥1.16)', () => {
    expect(() => pathMatch('x*[', 'abc')).toThrow(BadPatternError);
    expect(() => pathMatch('corp.example.com[', 'corp.example.com')).toThrow(BadPatternError);
    expect(() => pathMatch('a*b*\\', 'zzz')).toThrow(BadPatternError);
  });

  it("the error text is Go's", () => {
    expect(() => pathMatch('[', 'a')).toThrow('syntax error in pattern');
  });
});
