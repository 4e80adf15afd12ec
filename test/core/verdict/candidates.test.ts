import { describe, expect, it } from 'vitest';
import { getVar } from '../../../src/core/config-model.js';
import type { Fix } from '../../../src/core/fix/fix.js';
import { generateCandidates, type CandidateInput } from '../../../src/core/verdict/candidates.js';
import { privatePrefix, isTooWidePattern } from '../../../src/core/verdict/private-prefix.js';
import type { NeedOutcome } from '../../../src/core/verdict/types.js';
import { failure, model } from './fake-verdict.js';

const mirrors = [{ id: 'm', url: 'http://mirror.test', note: '' }];

function input(
  env: Record<string, string>,
  failures: NeedOutcome[],
  more: Partial<CandidateInput> = {},
): CandidateInput {
  return { failures, model: model(env), env, goVersion: 'go1.26.8', mirrors, ...more };
}

const values = (fixes: Fix[]): string[] =>
  fixes.map((f) => (f.kind === 'set' ? `${f.variable}=${f.value}` : f.kind === 'unset' ? `-${f.variable}` : f.kind));

function table(i: CandidateInput): Record<string, string[]> {
  return Object.fromEntries(generateCandidates(i).map((c) => [c.id, values(c.fixes)]));
}

describe('generateCandidates', () => {
  it('a silent first entry: drop it or use a mirror in its place; no `|` (Go waits on a silent proxy)', () => {
    const env = { GOPROXY: 'http://a.test,http://b.test' };
    const f = failure('example.com/m', { hop: 'proxy', outcome: 'hang', entry: 'http://a.test', cause: 'timeout' });
    expect(table(input(env, [f]))).toEqual({
      'drop-entry:0': ['GOPROXY=http://b.test'],
      'mirror:m': ['GOPROXY=http://mirror.test,http://b.test'],
      'godebug-tlsmlkem': ['GODEBUG=tlsmlkem=0'],
    });
  });

  it('`,` before an entry that answers 403: `|` instead, or drop it (go help goproxy)', () => {
    const env = { GOPROXY: 'http://a.test,direct' };
    const f = failure('example.com/m', { hop: 'proxy', entry: 'http://a.test', status: 403 });
    const t = table(input(env, [f], { mirrors: [] }));
    expect(t).toEqual({ 'drop-entry:0': ['GOPROXY=direct'], 'pipe-after:0': ['GOPROXY=http://a.test|direct'] });
  });

  it('a 404 on the last entry: nothing to fall through to, so no `|`', () => {
    const env = { GOPROXY: 'http://a.test' };
    const f = failure('example.com/m', { hop: 'proxy', entry: 'http://a.test', status: 404 });
    expect(Object.keys(table(input(env, [f], { mirrors: [] })))).toEqual([]);
  });

  it('GOPRIVATE covers every failing private repository and never a bare public host (the cobra defect)', () => {
    const fs = [
      failure('github.com/acme/secret', { hop: 'proxy', status: 404, privateLooking: true }),
      failure('github.com/acme/secret/v2', { hop: 'proxy', status: 404, privateLooking: true }),
      failure('github.com/acme/tools/cmd/x', { hop: 'proxy', status: 404, privateLooking: true }),
      failure('git.corp.example/team/lib', { hop: 'direct', cause: 'dns', privateLooking: true }),
      failure('github.com/spf13/pflag', { hop: 'proxy', status: 500 }),
    ];
    const cs = generateCandidates(input({ GOPROXY: 'https://proxy.golang.org,direct' }, fs));
    const gp = cs.find((c) => c.id === 'goprivate');
    expect(values(gp!.fixes)).toEqual(['GOPRIVATE=github.com/acme/secret,github.com/acme/tools,git.corp.example']);
    for (const c of cs)
      for (const f of c.fixes)
        if (f.kind === 'set' && /^GO(PRIVATE|NOPROXY|NOSUMDB)$/.test(f.variable))
          for (const p of f.value!.split(',')) expect(isTooWidePattern(p), `${c.id}: ${p}`).toBe(false);
    expect(cs.some((c) => c.id === 'goprivate+mirror:m')).toBe(true); // private and public failures together
  });

  it('GOPRIVATE keeps what is there; an explicit GONOPROXY is widened too; apply moves the defaulted GONOSUMDB', () => {
    const env = { GOPRIVATE: 'corp.example', GONOPROXY: 'corp.example' };
    const f = failure('git.other.example/a/b', { hop: 'proxy', status: 403, privateLooking: true });
    const gp = generateCandidates(input(env, [f])).find((c) => c.id === 'goprivate')!;
    expect(values(gp.fixes)).toEqual([
      'GOPRIVATE=corp.example,git.other.example',
      'GONOPROXY=corp.example,git.other.example',
    ]);
    expect(gp.fixes.map((x) => (x.kind === 'set' ? x.scope : ''))).toEqual(['env', 'env']);
    const after = gp.apply(model(env), env);
    expect(getVar(after.model, 'GONOSUMDB')).toBe('corp.example,git.other.example');
    expect(after.env.GONOPROXY).toBe('corp.example,git.other.example');
  });

  it('GONOSUMDB alone when only the checksum lookup of a private module fails', () => {
    const f = failure('git.corp.example/x', { hop: 'sumdb', status: 410, privateLooking: true });
    expect(table(input({}, [f])).gonosumdb).toEqual(['GONOSUMDB=git.corp.example']);
  });

  it('privatePrefix: repository roots of vcs.go hosts, owner/repo on shared hosts, the host of an intranet server', () => {
    expect(privatePrefix('github.com/acme/secret/sub/pkg')).toBe('github.com/acme/secret');
    expect(privatePrefix('bitbucket.org/acme/repo/v3')).toBe('bitbucket.org/acme/repo');
    expect(privatePrefix('gitlab.com/group/sub/repo')).toBe('gitlab.com/group/sub');
    expect(privatePrefix('git.corp.example/team/lib')).toBe('git.corp.example');
    expect(privatePrefix('corp.example/src/lib.git/sub')).toBe('corp.example/src/lib.git');
    expect(privatePrefix('github.com/acme')).toBeNull();
  });

  it('CONNECT hop: unset the proxy variable; NO_PROXY only for an intranet host', () => {
    const intranet = failure('git.corp.example/a', {
      hop: 'connect-proxy',
      url: 'https://git.corp.example/a?go-get=1',
    });
    const pub = failure('golang.org/x/text', {
      hop: 'connect-proxy',
      url: 'https://proxy.golang.org/golang.org/x/text/@v/list',
    });
    expect(table(input({ HTTPS_PROXY: 'http://p:3128' }, [intranet, pub], { mirrors: [] }))).toMatchObject({
      'unset:HTTPS_PROXY': ['-HTTPS_PROXY'],
      'no-proxy:git.corp.example': ['NO_PROXY=git.corp.example'],
    });
    expect(Object.keys(table(input({ HTTPS_PROXY: 'http://p:3128' }, [pub], { mirrors: [] })))).toEqual([
      'unset:HTTPS_PROXY',
    ]);
  });

  it('GOTOOLCHAIN=local only when the local Go satisfies the go line', () => {
    const f = failure('golang.org/toolchain', { hop: 'toolchain', status: 404, why: 'toolchain' });
    expect(table(input({}, [f], { mirrors: [], goModGo: '1.21.0' }))['gotoolchain-local']).toEqual([
      'GOTOOLCHAIN=local',
    ]);
    expect(table(input({}, [f], { mirrors: [], goModGo: '1.99.0' }))['gotoolchain-local']).toBeUndefined();
  });

  it('GOSUMDB alternatives only for a failing sumdb hop, not a 404, and never the current value', () => {
    const silent = failure('golang.org/x/text', { hop: 'sumdb', outcome: 'hang', cause: 'timeout' });
    const ids = (env: Record<string, string>, f: NeedOutcome) =>
      Object.entries(table(input(env, [f]))).filter(([k]) => k.startsWith('gosumdb'));
    expect(ids({}, silent).map(([, v]) => v[0])).toEqual([
      'GOSUMDB=sum.golang.google.cn',
      'GOSUMDB=sum.golang.org http://mirror.test/sumdb/sum.golang.org',
    ]);
    expect(ids({ GOSUMDB: 'sum.golang.google.cn' }, silent).map(([, v]) => v[0])).toEqual([
      'GOSUMDB=sum.golang.org http://mirror.test/sumdb/sum.golang.org',
    ]);
    expect(ids({}, failure('golang.org/x/text', { hop: 'sumdb', status: 404 }))).toEqual([]);
  });

  it('GODEBUG=tlsmlkem=0 for a TLS failure on Go ≥ 1.24, appended to what is set; none on Go 1.19', () => {
    const f = failure('golang.org/x/text', { hop: 'proxy', cause: 'tls', entry: 'https://proxy.golang.org' });
    const env = { GODEBUG: 'http2client=0' };
    expect(table(input(env, [f], { mirrors: [] }))['godebug-tlsmlkem']).toEqual(['GODEBUG=http2client=0,tlsmlkem=0']);
    expect(table(input(env, [f], { mirrors: [], goVersion: 'go1.19.13' }))['godebug-tlsmlkem']).toBeUndefined();
  });

  it('no mirror for private modules (their paths are never sent to one), nothing when nothing fails', () => {
    const f = failure('git.corp.example/a', { hop: 'proxy', status: 404, privateLooking: true });
    expect(Object.keys(table(input({}, [f])))).toEqual(['goprivate']);
    expect(generateCandidates(input({}, []))).toEqual([]);
  });
});

describe('generateCandidates: a private repository on a shared host', () => {
  it('GOPRIVATE for a GitHub repository a proxy answers not found (noted as a guess); not for a 500', () => {
    const entry = 'http://proxy.test';
    const secret = failure('github.com/acme/secret/sub', { hop: 'proxy', entry, status: 404 });
    const gp = generateCandidates(input({ GOPROXY: entry }, [secret])).find((c) => c.id === 'goprivate');
    expect(gp?.fixes[0]).toMatchObject({ variable: 'GOPRIVATE', value: 'github.com/acme/secret' });
    expect(String(gp?.fixes[0]?.note)).toMatch(/only if github\.com\/acme\/secret is a private repository/);
    const err = failure('github.com/acme/secret', { hop: 'proxy', entry, status: 500 });
    expect(generateCandidates(input({ GOPROXY: entry }, [err])).some((c) => c.id === 'goprivate')).toBe(false);
  });
});
