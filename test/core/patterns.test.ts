// MatchPrefixPatterns: golang.org/x/mod module/module_test.go TestMatchPrefixPatterns (current HEAD, with
// trailing-slash trimming) and a table verified against the real go.
import { describe, expect, it } from 'vitest';
import { lintPatterns, matchingPattern, matchPrefixPatterns } from '../../src/core/patterns.js';

const GO_TESTS: [string, string, boolean][] = [
  ['', 'rsc.io/quote', false],
  ['/', 'rsc.io/quote', false],
  ['*/quote', 'rsc.io/quote', true],
  ['*/quo', 'rsc.io/quote', false],
  ['*/quo??', 'rsc.io/quote', true],
  ['*/quo*', 'rsc.io/quote', true],
  ['*quo*', 'rsc.io/quote', false],
  ['rsc.io', 'rsc.io/quote', true],
  ['*.io', 'rsc.io/quote', true],
  ['rsc.io/', 'rsc.io/quote', true],
  ['rsc', 'rsc.io/quote', false],
  ['rsc*', 'rsc.io/quote', true],
  ['rsc.io', 'rsc.io/quote/v3', true],
  ['*/quote', 'rsc.io/quote/v3', true],
  ['*/quote/', 'rsc.io/quote/v3', true],
  ['*/quote/*', 'rsc.io/quote/v3', true],
  ['*/quote/*/', 'rsc.io/quote/v3', true],
  ['*/v3', 'rsc.io/quote/v3', false],
  ['*/*/v3', 'rsc.io/quote/v3', true],
  ['*/*/*', 'rsc.io/quote/v3', true],
  ['*/*/*/', 'rsc.io/quote/v3', true],
  ['*/*/*', 'rsc.io/quote', false],
  ['*/*/*/', 'rsc.io/quote', false],
  ['*/*/*,,', 'rsc.io/quote', false],
  ['*/*/*,,*/quote', 'rsc.io/quote', true],
  [',,*/quote', 'rsc.io/quote', true],
];

const SEMANTICS_TABLE: [string, string, boolean][] = [
  ['corp.example.com', 'corp.example.com', true],
  ['corp.example.com', 'corp.example.com/team/repo', true],
  ['corp.example.com', 'corp.example.community/x', false],
  ['github.com/org', 'github.com/organization/repo', false],
  ['github.com/org/', 'github.com/org/repo', true],
  ['github.com/org/*', 'github.com/org', false],
  ['github.com/*/internal', 'github.com/acme/internal/x', true],
  ['foo.com, corp.example.com', 'corp.example.com/x', false],
  ['CORP.example.com', 'corp.example.com', false],
  ['[', 'corp.example.com', false],
  ['corp.example.com[', 'corp.example.com', false],
  ['*', 'anything.at/all', true],
  ['*.example.com', 'a.b.example.com/x', true],
  ['*.example.com', 'example.com/x', false],
];

describe('matchPrefixPatterns', () => {
  it.each(GO_TESTS)('module_test.go: MatchPrefixPatterns(%j, %j) = %s', (globs, target, want) => {
    expect(matchPrefixPatterns(globs, target)).toBe(want);
  });
  it.each(SEMANTICS_TABLE)('verified with go: (%j, %j) = %s', (globs, target, want) => {
    expect(matchPrefixPatterns(globs, target)).toBe(want);
  });
  it('matchingPattern returns the glob as written', () => {
    expect(matchingPattern('a.com,*.corp.com/', 'x.corp.com/y')).toBe('*.corp.com/');
    expect(matchingPattern('a.com', 'b.com')).toBeNull();
    expect(matchingPattern('[,b.com', 'b.com/x')).toBe('b.com');
  });
});

describe('lintPatterns', () => {
  const problems = (v: string): string[] => lintPatterns('GOPRIVATE', v).map((i) => i.problem);
  it('finds the mistakes Go accepts silently', () => {
    expect(problems('a.com, b.com')).toEqual(['whitespace']);
    expect(problems('https://git.corp.com')).toEqual(['scheme']);
    expect(problems('corp.com[')).toEqual(['malformed']);
    expect(problems('Corp.com')).toEqual(['uppercase']);
    expect(problems('a.com,,b.com')).toEqual(['empty-entry']);
    expect(problems('a.com,')).toEqual(['empty-entry']);
    expect(problems('github.com/org/')).toEqual(['trailing-slash']);
    expect(problems('git.corp.com:8443')).toEqual(['port']);
    expect(problems('*.corp.com,github.com/acme/*')).toEqual([]);
    expect(problems('')).toEqual([]);
  });
  it('suggests fixes and names the variable and value', () => {
    const [ws] = lintPatterns('GONOSUMDB', 'a.com, b.com');
    expect(ws).toMatchObject({ pattern: ' b.com', suggestion: 'b.com' });
    expect(ws!.message).toContain('GONOSUMDB');
    expect(ws!.message).toContain('" b.com"');
    expect(lintPatterns('GOPRIVATE', 'https://git.corp.com/x')[0]!.suggestion).toBe('git.corp.com/x');
    expect(lintPatterns('GOPRIVATE', 'a.com,,b.com')[0]!.suggestion).toBe('a.com,b.com');
    expect(lintPatterns('GOPRIVATE', 'git.corp.com:8443/x')[0]!.suggestion).toBe('git.corp.com/x');
  });
});
