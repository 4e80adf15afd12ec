// Pure: fixes for the proxy hop (as data, rendered to POSIX shell) and the lint of the proxy variables.
import { describe, expect, it } from 'vitest';
import { placeholderProxyUrl, proxyHopFixes } from '../../src/core/proxy-hop-fixes.js';
import { renderFix } from '../../src/report/fix-render.js';
import { deadNoProxyEntries, lintProxyEnv } from '../../src/core/doctor/proxy-env.js';
import { proxyEnvSource } from '../../src/core/http-proxy-env.js';
import type { ProbeResult, ProxyFinding } from '../../src/core/probe-types.js';

const result = (proxy: ProxyFinding, url = 'https://goproxy.corp.test/x/@v/list'): ProbeResult => ({
  url,
  ok: false,
  cause: proxy.action === 'auth-required' ? 'auth' : 'proxy',
  hop: 'proxy',
  peer: proxy.url,
  proxy,
  timings: { totalMs: 1 },
});

describe('proxyHopFixes', () => {
  it('placeholder credentials replace any userinfo, in redacted form', () => {
    expect(placeholderProxyUrl('http://proxy:3128')).toBe('http://USER:xxxxx@proxy:3128');
    expect(placeholderProxyUrl('https://bob:xxxxx@proxy:3128/')).toBe('https://USER:xxxxx@proxy:3128/');
  });

  it('407 Basic without credentials → HTTPS_PROXY placeholder, plus NO_PROXY for a non-public host', () => {
    const fixes = proxyHopFixes(
      result({ url: 'http://p:3128', action: 'auth-required', challenge: 'Basic realm="R"', realm: 'R' }),
    );
    expect(fixes.map((f) => f.kind)).toEqual(['set', 'set']);
    expect(fixes[0]).toMatchObject({ variable: 'HTTPS_PROXY', value: 'http://USER:xxxxx@p:3128', scope: 'env' });
    expect(renderFix(fixes[1]!)).toBe(
      `export NO_PROXY="\${NO_PROXY:-$no_proxy},goproxy.corp.test"   # only if goproxy.corp.test is on the intranet: Go then connects to it without the proxy`,
    );
  });

  it('a public target gets no NO_PROXY advice; Negotiate-only proxies need a local helper proxy', () => {
    const fixes = proxyHopFixes(
      result({ url: 'http://p:3128', action: 'auth-required', challenge: 'Negotiate' }, 'https://proxy.golang.org/x'),
      'https_proxy',
    );
    expect(fixes).toHaveLength(1);
    expect(renderFix(fixes[0]!)).toMatch(
      /^# proxy http:\/\/p:3128 asks for Negotiate, which Go cannot answer .* point https_proxy at it$/,
    );
  });

  it('other hops get nothing; other actions get one comment naming the variable', () => {
    expect(proxyHopFixes({ ...result({ url: 'http://p', action: 'refused' }), hop: 'target' })).toEqual([]);
    expect(renderFix(proxyHopFixes(result({ url: 'http://p:1', action: 'refused' }), 'https_proxy')[0]!)).toBe(
      '# the proxy in https_proxy (http://p:1) refuses connections: fix or remove https_proxy (unset https_proxy if this network reaches goproxy.corp.test directly)',
    );
  });
});

describe('lintProxyEnv', () => {
  it('proxyEnvSource: upper case unless unset or empty', () => {
    expect(proxyEnvSource({ HTTPS_PROXY: 'a', https_proxy: 'b' }, 'HTTPS_PROXY')).toEqual({
      name: 'HTTPS_PROXY',
      value: 'a',
    });
    expect(proxyEnvSource({ HTTPS_PROXY: '', https_proxy: 'b' }, 'HTTPS_PROXY')).toEqual({
      name: 'https_proxy',
      value: 'b',
    });
    expect(proxyEnvSource({}, 'NO_PROXY')).toBeNull();
  });

  it('flags disagreeing spellings (passwords redacted) and an empty upper case that does not disable the proxy', () => {
    const f = lintProxyEnv(
      { HTTPS_PROXY: 'http://u:S3cret@a:1', https_proxy: 'http://b:2', NO_PROXY: '', no_proxy: 'x' },
      'go1.26.8',
    );
    expect(f.map((x) => x.id)).toEqual(['config.proxy-env.https_proxy', 'config.proxy-env.no_proxy']);
    expect(String(f[0]!.message)).toContain('HTTPS_PROXY="http://u:xxxxx@a:1" and https_proxy="http://b:2" differ');
    expect(JSON.stringify(f)).not.toContain('S3cret');
    expect(String(f[1]!.message)).toMatch(
      /^NO_PROXY is set but empty, and Go counts an empty value as unset: it uses no_proxy="x"/,
    );
    expect(lintProxyEnv({ HTTPS_PROXY: 'same', https_proxy: 'same' }, null)).toEqual([]);
  });

  it('REQUEST_METHOD with HTTP_PROXY; an unknown proxy scheme before Go 1.23', () => {
    expect(lintProxyEnv({ REQUEST_METHOD: 'GET', http_proxy: 'p:1' }, null)[0]?.id).toBe('config.proxy-env.cgi');
    expect(lintProxyEnv({ REQUEST_METHOD: 'GET' }, null)).toEqual([]);
    const old = lintProxyEnv({ HTTPS_PROXY: 'socks5h://p:1080' }, 'go1.22.5');
    expect(String(old[0]?.message)).toContain('reads HTTPS_PROXY as http://socks5h://p:1080');
    expect(lintProxyEnv({ HTTPS_PROXY: 'socks5h://p:1080' }, 'go1.23.0')).toEqual([]);
    expect(lintProxyEnv({ HTTPS_PROXY: 'p:3128' }, 'go1.19.8')).toEqual([]);
  });

  it('NO_PROXY entries Go never matches', () => {
    expect(deadNoProxyEntries('corp.test, .corp.test, *.corp.test, 10.0.0.0/8, 2001:db8::/32, *, h:443').length).toBe(
      0,
    );
    expect(
      deadNoProxyEntries('https://git.corp.test, corp.test/x, *corp.test, corp.test:*').map((d) => d.entry),
    ).toEqual(['https://git.corp.test', 'corp.test/x', '*corp.test', 'corp.test:*']);
  });
});
