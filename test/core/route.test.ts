// Route resolution: modfetch/proxy.go proxyList, TryProxies; repo.go lookup; sumdb.go initBase, useSumDB;
// docs/go-rules.md#the-goproxy-list-and-when-go-falls-through.
import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../src/core/config-model.js';
import { UsageError } from '../../src/core/errors.js';
import { isPublicModulePath, isPublicProxyUrl } from '../../src/core/public-hosts.js';
import { resolveRoute as resolveRouteData, type Route } from '../../src/core/route.js';
import { simulateRoute } from '../../src/core/route-simulate.js';
import { routeJson } from '../../src/report/route-report.js';

/** The route as its JSON document carries it: notes, reasons and warnings as their English sentences. */
function resolveRoute(...args: Parameters<typeof resolveRouteData>): Omit<Route, 'warnings'> & { warnings: string[] } {
  return JSON.parse(JSON.stringify(routeJson([resolveRouteData(...args)]))).routes[0];
}

const model = (env: Record<string, string>, goVersion = 'go1.26.0') =>
  buildConfigModel({ env, goenvPath: null, goenvText: null, gorootEnvText: null, goVersion });

describe('resolveRoute', () => {
  it('default config: proxy.golang.org (404/410 → direct), sumdb via the proxy first', () => {
    const r = resolveRoute(model({}), 'github.com/Azure/go-autorest', 'v1.0.0');
    expect(r.private).toBe(false);
    expect(r.steps.map((s) => [s.kind, s.fallThrough])).toEqual([
      ['proxy', 'on-404-410'],
      ['vcs', 'never'],
      ['sumdb-supported', 'on-404-410'],
      ['sumdb', 'never'],
    ]);
    expect(r.steps[0]!.requests).toEqual([
      'https://proxy.golang.org/github.com/!azure/go-autorest/@v/v1.0.0.info',
      'https://proxy.golang.org/github.com/!azure/go-autorest/@v/v1.0.0.mod',
      'https://proxy.golang.org/github.com/!azure/go-autorest/@v/v1.0.0.zip',
    ]);
    expect(r.steps[1]!.url).toBe('https://github.com/Azure/go-autorest');
    expect(r.sumdb).toMatchObject({ checked: true, name: 'sum.golang.org', via: 'proxy' });
    expect(r.sumdb.urls).toEqual([
      'https://proxy.golang.org/sumdb/sum.golang.org/supported',
      'https://sum.golang.org/lookup/github.com/!azure/go-autorest@v1.0.0',
    ]);
    expect(r.warnings).toEqual([]);
  });
  it('| falls through on any error; no version → @v/list; direct uses ?go-get=1', () => {
    const r = resolveRoute(
      model({ GOPROXY: 'https://a.example/|https://b.example,direct', GOSUMDB: 'off' }),
      'example.com/m',
    );
    expect(r.steps.map((s) => s.fallThrough)).toEqual(['on-any-error', 'on-404-410', 'never']);
    expect(r.steps[0]!.requests).toEqual(['https://a.example/example.com/m/@v/list']);
    expect(r.steps[2]).toMatchObject({ kind: 'direct', requests: ['https://example.com/m?go-get=1'] });
    expect(r.sumdb).toEqual({ checked: false, reason: 'GOSUMDB=off' });
  });
  it('GOPRIVATE → direct only, decided by the pattern; no sumdb', () => {
    const r = resolveRoute(model({ GOPRIVATE: 'x.com,*.corp.example' }), 'git.corp.example/team/m', 'v1.2.3');
    expect(r.private).toBe(true);
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]).toMatchObject({
      kind: 'direct',
      decidedBy: { variable: 'GOPRIVATE', pattern: '*.corp.example' },
    });
    expect(r.sumdb).toEqual({ checked: false, reason: 'GOPRIVATE pattern "*.corp.example" matches' });
  });
  it('GOPROXY=off still fetches GONOPROXY modules directly', () => {
    const r = resolveRoute(model({ GOPROXY: 'off', GONOPROXY: 'corp.example' }), 'corp.example/m', 'v1.0.0');
    expect(r.steps[0]).toMatchObject({ kind: 'direct', decidedBy: { variable: 'GONOPROXY', pattern: 'corp.example' } });
    const pub = resolveRoute(model({ GOPROXY: 'off', GONOPROXY: 'corp.example' }), 'other.example/m', 'v1.0.0');
    expect(pub.steps[0]).toMatchObject({ kind: 'off', fallThrough: 'never' });
  });
  it('GONOPROXY=none with GOPRIVATE: proxy used, sumdb skipped', () => {
    const r = resolveRoute(
      model({ GOPRIVATE: 'corp.example', GONOPROXY: 'none', GOPROXY: 'https://athens.corp' }),
      'corp.example/m',
      'v1.0.0',
    );
    expect(r.private).toBe(false);
    expect(r.steps.map((s) => s.kind)).toEqual(['proxy']);
    expect(r.sumdb.checked).toBe(false);
  });
  it('GOSUMDB with URL bypasses proxies; invalid GOSUMDB is reported', () => {
    const r = resolveRoute(
      model({ GOSUMDB: 'sum.golang.google.cn', GOPROXY: 'https://goproxy.cn' }),
      'github.com/a/b',
      'v1.0.0',
    );
    expect(r.sumdb).toMatchObject({ via: 'url', urls: ['https://sum.golang.google.cn/lookup/github.com/a/b@v1.0.0'] });
    const bad = resolveRoute(model({ GOSUMDB: 'sum.corp' }), 'github.com/a/b', 'v1.0.0');
    expect(bad.sumdb).toMatchObject({
      checked: true,
      reason: 'verifying module: invalid GOSUMDB: malformed verifier id',
    });
  });
  it("invalid GOPROXY: no steps, a warning with Go's error", () => {
    const r = resolveRoute(model({ GOPROXY: 'Direct' }), 'github.com/a/b');
    expect(r.steps.filter((s) => s.kind !== 'sumdb')).toEqual([]);
    expect(r.warnings[0]).toContain('invalid proxy URL missing scheme: Direct');
  });
  it('toolchain: "go" bypasses GONOPROXY and is always checked, even with GOSUMDB=off', () => {
    const r = resolveRoute(model({ GOPRIVATE: '*', GOSUMDB: 'off', GOPROXY: 'https://p.example' }), 'go', '1.22.0', {
      goos: 'linux',
      goarch: 'arm64',
    });
    expect(r.module).toBe('golang.org/toolchain');
    expect(r.version).toBe('v0.0.1-go1.22.0.linux-arm64');
    expect(r.private).toBe(false);
    expect(r.steps[0]!.requests![0]).toBe('https://p.example/golang.org/toolchain/@v/v0.0.1-go1.22.0.linux-arm64.info');
    expect(r.sumdb).toMatchObject({
      checked: true,
      reason: 'verifying module: checksum database disabled by GOSUMDB=off',
    });
    const file = resolveRoute(
      model({ GOPROXY: 'file:///srv/dist', GONOSUMDB: 'golang.org' }),
      'golang.org/toolchain',
      'v0.0.1-go1.22.0.linux-amd64',
    );
    expect(file.sumdb.checked).toBe(false);
  });
  it('warns when a private-looking path would go to a public proxy / sumdb', () => {
    const r = resolveRoute(model({ GOPROXY: 'https://goproxy.cn,direct' }), 'git.internal.acme/x/y', 'v1.0.0');
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toContain('https://goproxy.cn');
    expect(r.warnings[0]).toContain('go env -w GOPRIVATE=git.internal.acme');
    expect(
      resolveRoute(model({ GOPROXY: 'https://athens.acme' }), 'git.internal.acme/x', 'v1.0.0').warnings,
    ).toHaveLength(1);
  });
  it('warns when an explicit GONOPROXY/GONOSUMDB overrides GOPRIVATE and a private module leaks', () => {
    const r = resolveRoute(
      model({
        GOPRIVATE: '*.corp.example.com',
        GONOSUMDB: 'x.y',
        GONOPROXY: 'x.y',
        GOPROXY: 'https://goproxy.cn,direct',
      }),
      'git.corp.example.com/team/lib',
      'v1.0.0',
    );
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toContain("export GONOPROXY='x.y,*.corp.example.com'");
    expect(r.warnings[1]).toContain('public checksum database');
    expect(r.warnings[1]).toContain("export GONOSUMDB='x.y,*.corp.example.com'");
    expect(
      resolveRoute(model({ GOPRIVATE: '*.corp.example.com' }), 'git.corp.example.com/x', 'v1.0.0').warnings,
    ).toEqual([]);
  });
  it('the leak fix keeps the existing GOPRIVATE, and says export when the environment sets it', () => {
    const fromFile = buildConfigModel({
      env: {},
      goenvPath: '/e',
      goenvText: 'GOPRIVATE=corp-a.example.com\n',
      gorootEnvText: null,
      goVersion: 'go1.26.0',
    });
    expect(resolveRoute(fromFile, 'git.corp-b.example.com/x', 'v1.0.0').warnings[0]).toContain(
      'go env -w GOPRIVATE=corp-a.example.com,git.corp-b.example.com',
    );
    const fromEnv = resolveRoute(model({ GOPRIVATE: 'corp-a.example.com' }), 'git.corp-b.example.com/x', 'v1.0.0');
    expect(fromEnv.warnings[0]).toContain('export GOPRIVATE=corp-a.example.com,git.corp-b.example.com');
  });
  it('rejects invalid module paths with a UsageError', () => {
    expect(() => resolveRoute(model({}), 'notapath', 'v1.0.0')).toThrow(UsageError);
    expect(() => resolveRoute(model({}), 'github.com/a/b', 'v1!')).toThrow(UsageError);
  });
});

describe('public hosts', () => {
  it('knows public module hosts and proxies', () => {
    expect(isPublicModulePath('github.com/x/y')).toBe(true);
    expect(isPublicModulePath('k8s.io/api')).toBe(true);
    expect(isPublicModulePath('sigs.k8s.io/yaml')).toBe(true);
    expect(isPublicModulePath('gocloud.dev/blob')).toBe(true); // vanity hosts of widely used modules
    expect(isPublicModulePath('xorm.io/xorm')).toBe(true);
    expect(isPublicModulePath('git.corp.example/x')).toBe(false);
    expect(isPublicModulePath('github.com.evil.example/x')).toBe(false);
    expect(isPublicProxyUrl('https://user:pw@goproxy.cn/')).toBe(true);
    expect(isPublicProxyUrl('https://proxy.golang.org')).toBe(true);
    expect(isPublicProxyUrl('https://athens.corp')).toBe(false);
  });
});

describe('simulateRoute', () => {
  const m = model({ GOPROXY: 'https://a.example,https://b.example|direct', GOSUMDB: 'sum.golang.org' });
  const route = resolveRouteData(m, 'example.com/m', 'v1.0.0');
  it('walks the list separately for .info, .mod and .zip, with the sumdb between .mod and .zip', () => {
    const sim = simulateRoute(route, (u) => (u.startsWith('https://a.example/example') ? 'not-found' : 'ok'));
    expect(sim.outcome).toBe('ok');
    expect(sim.requests).toEqual([
      'https://a.example/example.com/m/@v/v1.0.0.info',
      'https://b.example/example.com/m/@v/v1.0.0.info',
      'https://a.example/example.com/m/@v/v1.0.0.mod',
      'https://b.example/example.com/m/@v/v1.0.0.mod',
      'https://a.example/sumdb/sum.golang.org/supported',
      'https://a.example/sumdb/sum.golang.org/lookup/example.com/m@v1.0.0',
      'https://a.example/example.com/m/@v/v1.0.0.zip',
      'https://b.example/example.com/m/@v/v1.0.0.zip',
    ]);
  });
  it('stops on a non-404 error after a comma, goes on after a pipe', () => {
    expect(simulateRoute(route, (u) => (u.startsWith('https://a.') ? 'error' : 'ok'))).toEqual({
      requests: ['https://a.example/example.com/m/@v/v1.0.0.info'],
      outcome: 'error',
    });
    const r = simulateRoute(route, (u) => (u.startsWith('https://a.') ? 'not-found' : 'error'));
    expect(r.outcome).toBe('direct');
    expect(r.requests.at(-1)).toBe('https://example.com/m?go-get=1');
  });
});
