// Which needs cost a request: module cache rules (modfetch/cache.go, fetch.go), useSumDB (modfetch/sumdb.go), go.sum
// reading (fetch.go readGoSum, HaveSum) and the query candidates of a missing import (modload/query.go).
import { describe, expect, it } from 'vitest';
import {
  NO_CACHE,
  sumdbName,
  useSumDB,
  zipCheckAsksDatabase,
  zipNeedsNetwork,
} from '../../../src/core/needs/fetch-rules.js';
import { addGoSum, haveSum, parseGoSum } from '../../../src/core/sumdb/go-sum.js';
import { modulePrefixesExcludingTarget } from '../../../src/core/needs/query-needs.js';

const S = { GOSUMDB: 'sum.golang.org', GONOSUMDB: '', GOPROXY: 'https://proxy.golang.org,direct' };

describe('module cache', () => {
  it('tidy (Download) is satisfied by a complete extracted dir or a zip; go mod download (DownloadZip) by the zip only', () => {
    const dir = { ...NO_CACHE, dir: true, ziphash: true };
    expect([zipNeedsNetwork(dir, 'tidy'), zipNeedsNetwork(dir, 'download')]).toEqual([false, true]);
    expect(zipNeedsNetwork({ ...NO_CACHE, dir: true }, 'tidy')).toBe(true); // DownloadDir: "ziphash file is missing"
    expect(zipNeedsNetwork({ ...NO_CACHE, zip: true }, 'download')).toBe(false); // the ziphash is recomputed
  });
});

describe('useSumDB', () => {
  it('GOSUMDB=off and GONOSUMDB patterns skip the database, except for toolchains', () => {
    expect(useSumDB('example.com/a', S)).toBe(true);
    expect(useSumDB('example.com/a', { ...S, GOSUMDB: 'off' })).toBe(false);
    expect(useSumDB('corp.example.com/x/y', { ...S, GONOSUMDB: '*.example.com' })).toBe(false);
    expect(useSumDB('golang.org/toolchain', { ...S, GOSUMDB: 'off', GONOSUMDB: 'golang.org' })).toBe(true);
    expect(useSumDB('golang.org/toolchain', { ...S, GOSUMDB: 'off', GOPROXY: 'file:///dist' })).toBe(false);
    expect(useSumDB('golang.org/toolchain', { ...S, GOSUMDB: 'off', GIT_HTTP_USER_AGENT: 'proxy.golang.org' })).toBe(
      false,
    );
  });
  it('the lookup cache is named after the verifier key', () => {
    expect([
      sumdbName('sum.golang.org'),
      sumdbName('sum.golang.google.cn'),
      sumdbName('off'),
      sumdbName('junk+1+2'),
    ]).toEqual(['sum.golang.org', 'sum.golang.org', null, null]);
  });
});

describe('zipCheckAsksDatabase (checkModSum after downloadZip)', () => {
  const sums = addGoSum(
    new Map(),
    parseGoSum(
      'example.com/zip v1.0.0 h1:z=\nexample.com/mod v1.0.0/go.mod h1:m=\ngolang.org/toolchain v1.0.0 h1:t=\n',
    ),
  );
  const asks = (m: string, lookupCached: boolean, s = S) => zipCheckAsksDatabase(sums, s, m, 'v1.0.0', lookupCached);
  it('go.sum has the zip hash, or the database does not apply: no lookup', () => {
    expect(asks('example.com/zip', false)).toBe(false);
    expect(asks('example.com/none', false, { ...S, GOSUMDB: 'off' })).toBe(false);
    expect(asks('corp.example.com/x', false, { ...S, GONOSUMDB: 'corp.example.com' })).toBe(false);
  });
  it("M@V's record in the lookup cache (the go.mod's lookup, this run or another): nothing left to ask", () => {
    expect(asks('example.com/none', true)).toBe(false);
    expect(asks('example.com/none', false)).toBe(true);
    expect(asks('example.com/mod', false)).toBe(true); // go.sum held only the go.mod's hash: its check asked nothing
  });
  it('golang.org/toolchain is asked for whatever go.sum says (Go 1.27 checkModSum)', () => {
    expect(asks('golang.org/toolchain', false)).toBe(true);
    expect(asks('golang.org/toolchain', true)).toBe(false);
  });
});

describe('go.sum', () => {
  it('h1: lines count; blank, malformed and the old empty-go.mod hash do not', () => {
    const sum = parseGoSum(
      'example.com/a v1.0.0 h1:abc=\nexample.com/a v1.0.0/go.mod h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=\n\nbad line\nexample.com/b v1.0.0/go.mod h2:new=\n',
    );
    expect(sum.malformed).toEqual([{ lineno: 4, fields: 2 }]);
    const sums = addGoSum(new Map(), sum);
    expect([
      haveSum(sums, 'example.com/a', 'v1.0.0', ''),
      haveSum(sums, 'example.com/a', 'v1.0.0', '/go.mod'),
      haveSum(sums, 'example.com/b', 'v1.0.0', '/go.mod'),
    ]).toEqual([true, false, false]);
  });
});

describe('modulePrefixesExcludingTarget', () => {
  it('every prefix that is a valid module path, longest first, main modules excluded', () => {
    expect(modulePrefixesExcludingTarget('example.com/new/pkg/sub', ['example.com/main'])).toEqual([
      'example.com/new/pkg/sub',
      'example.com/new/pkg',
      'example.com/new',
      'example.com',
    ]);
    expect(modulePrefixesExcludingTarget('example.com/a/v1', [])).toEqual(['example.com/a', 'example.com']); // "/v1" is not a valid major suffix
    expect(modulePrefixesExcludingTarget('example.com/main/x', ['example.com/main'])).toEqual([
      'example.com/main/x',
      'example.com',
    ]);
  });
});
