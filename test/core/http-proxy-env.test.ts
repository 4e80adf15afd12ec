// Go's HTTP proxy selection (docs/go-rules.md#the-network-as-go-sees-it): table tests from
// golang.org/x/net/http/httpproxy proxy_test.go, plus a differential test against the httpproxy package vendored in the
// Go toolchain under test.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execa } from 'execa';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  getProxyConfig,
  proxyForUrl,
  useProxy,
  parseProxy,
  httpProxyRules,
  type ProxyConfig,
} from '../../src/core/http-proxy-env.js';
import { splitHostPort } from '../../src/core/net-ip.js';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { deadNoProxyEntries } from '../../src/core/doctor/proxy-env.js';

const cfg = (c: Partial<ProxyConfig>): ProxyConfig => ({
  httpProxy: '',
  httpsProxy: '',
  noProxy: '',
  cgi: false,
  ...c,
});

// proxyForURLTests (X: proxy_test.go); "<nil>" → null. The "foo://host" case is version-dependent (below).
const PROXY_FOR_URL: Array<[Partial<ProxyConfig>, string, string | null]> = [
  [{ httpProxy: '127.0.0.1:8080' }, 'http://example.com', 'http://127.0.0.1:8080'],
  [{ httpProxy: 'cache.corp.example.com:1234' }, 'http://example.com', 'http://cache.corp.example.com:1234'],
  [{ httpProxy: 'cache.corp.example.com' }, 'http://example.com', 'http://cache.corp.example.com'],
  [{ httpProxy: 'localhost' }, 'http://example.com', 'http://localhost'],
  [{ httpProxy: 'https://cache.corp.example.com' }, 'http://example.com', 'https://cache.corp.example.com'],
  [{ httpProxy: 'http://127.0.0.1:8080' }, 'http://example.com', 'http://127.0.0.1:8080'],
  [{ httpProxy: 'https://127.0.0.1:8080' }, 'http://example.com', 'https://127.0.0.1:8080'],
  [{ httpProxy: 'socks5://127.0.0.1' }, 'http://example.com', 'socks5://127.0.0.1'],
  [{ httpProxy: 'http.proxy.tld', httpsProxy: 'secure.proxy.tld' }, 'http://insecure.tld/', 'http://http.proxy.tld'],
  [{ httpProxy: 'http.proxy.tld', httpsProxy: 'secure.proxy.tld' }, 'https://secure.tld/', 'http://secure.proxy.tld'],
  [
    { httpProxy: 'http.proxy.tld', httpsProxy: 'https://secure.proxy.tld' },
    'https://secure.tld/',
    'https://secure.proxy.tld',
  ],
  [{ httpProxy: 'http.proxy.tld' }, 'https://secure.tld/', null], // HTTP_PROXY is never used for https
  [{ httpProxy: 'http.proxy.tld' }, 'ftp://insecure.tld/', null],
  [{ httpProxy: 'http://10.1.2.3:8080', cgi: true }, 'http://example.com', null], // Go: error (CGI)
  [{ httpsProxy: 'https://secure.proxy.tld', cgi: true }, 'https://secure.tld/', 'https://secure.proxy.tld'],
  [{}, 'http://example.com', null],
  [{ noProxy: 'example.com', httpProxy: 'proxy' }, 'http://example.com/', null],
  [{ noProxy: '.example.com', httpProxy: 'proxy' }, 'http://example.com/', 'http://proxy'],
  [{ noProxy: 'ample.com', httpProxy: 'proxy' }, 'http://example.com/', 'http://proxy'],
  [{ noProxy: 'example.com', httpProxy: 'proxy' }, 'http://foo.example.com/', null],
  [{ noProxy: '.foo.com', httpProxy: 'proxy' }, 'http://example.com/', 'http://proxy'],
  [{ noProxy: '.示例.com', httpProxy: 'proxy' }, 'http://www.示例.com', null],
  [{ noProxy: 'xn--fsq092h.com', httpProxy: 'proxy' }, 'http://www.示例.com', null],
  [{ noProxy: '示例.com', httpProxy: 'proxy' }, 'http://www.xn--fsq092h.com', null],
];

// UseProxyTests with the shared noProxy list (X: proxy_test.go); true = goes through the proxy.
const NO_PROXY =
  'foobar.com, .barbaz.net, *.wildcard.io, 192.168.1.1, 192.168.1.2:81, 192.168.1.3:80, 10.0.0.0/30, 2001:db8::52:0:1, [2001:db8::52:0:2]:443, [2001:db8::52:0:3]:80, 2002:db8:a::45/64';
const USE_PROXY: Array<[string, boolean]> = [
  ['localhost', false],
  ['127.0.0.1', false],
  ['127.0.0.2', false],
  ['::1', false],
  ['::2', true],
  ['192.168.1.1', false],
  ['192.168.1.2', true],
  ['192.168.1.3', false],
  ['192.168.1.4', true],
  ['10.0.0.2', false],
  ['2001:db8::52:0:1', false],
  ['2001:db8::52:0:2', true],
  ['2001:db8::52:0:3', false],
  ['2002:db8:a::123', false],
  ['fe80::424b:c8be:1643:a1b6', true],
  ['barbaz.net', true],
  ['www.barbaz.net', false],
  ['foobar.com', false],
  ['www.foobar.com', false],
  ['foofoobar.com', true],
  ['baz.com', true],
  ['localhost.net', true],
  ['local.localhost', true],
  ['barbarbaz.net', true],
  ['wildcard.io', true],
  ['nested.wildcard.io', false],
  ['awildcard.io', true],
];

describe('proxyForUrl (httpproxy proxy_test.go proxyForURLTests)', () => {
  it.each(PROXY_FOR_URL)('%j %s → %s', (c, url, want) => {
    expect(proxyForUrl(cfg(c), url)).toBe(want);
  });

  it('keeps unknown schemes in new Go, prefixes http:// in Go ≤1.20 (verified 1.26 vs 1.19)', () => {
    expect(proxyForUrl(cfg({ httpProxy: 'foo://host' }), 'http://example.com', 'go1.26.0')).toBe('foo://host');
    expect(proxyForUrl(cfg({ httpProxy: 'foo://host' }), 'http://example.com', 'go1.19.8')).toBe('http://foo://host');
  });

  it('per Go release: any scheme kept from 1.23, netip hosts from 1.23.7/1.24.1 (vendored httpproxy read in each)', () => {
    const foo = cfg({ httpProxy: 'foo://host' });
    const zone = cfg({ noProxy: 'example.com', httpProxy: 'proxy' });
    const table = ['go1.19.8', 'go1.22.0', 'go1.23.0', 'go1.23.7', 'go1.24.0', 'go1.24.13', 'go1.25.0', 'go1.27.3'].map(
      (v) => [
        v,
        proxyForUrl(foo, 'http://example.com', v),
        proxyForUrl(zone, 'http://[1000::%25.example.com]:123', v),
        httpProxyRules(v),
      ],
    );
    expect(table).toEqual([
      ['go1.19.8', 'http://foo://host', null, { anyScheme: false, netipHosts: false }],
      ['go1.22.0', 'http://foo://host', null, { anyScheme: false, netipHosts: false }],
      ['go1.23.0', 'foo://host', null, { anyScheme: true, netipHosts: false }],
      ['go1.23.7', 'foo://host', 'http://proxy', { anyScheme: true, netipHosts: true }],
      ['go1.24.0', 'foo://host', null, { anyScheme: true, netipHosts: false }],
      ['go1.24.13', 'foo://host', 'http://proxy', { anyScheme: true, netipHosts: true }],
      ['go1.25.0', 'foo://host', 'http://proxy', { anyScheme: true, netipHosts: true }],
      ['go1.27.3', 'foo://host', 'http://proxy', { anyScheme: true, netipHosts: true }],
    ]);
  });

  it('an IPv6 zone host: new Go treats it as an IP, so domain entries do not match it', () => {
    const c = cfg({ noProxy: 'example.com', httpProxy: 'proxy' });
    expect(proxyForUrl(c, 'http://[1000::%25.example.com]:123')).toBe('http://proxy');
    expect(proxyForUrl(c, 'http://[1000::%25.example.com]:123', 'go1.19')).toBeNull();
  });
});

describe('useProxy (TestUseProxy, TestInvalidNoProxy, TestAllNoProxy)', () => {
  it.each(USE_PROXY)('%s:80 → proxied=%s', (host, want) => {
    expect(useProxy(NO_PROXY, host, '80')).toBe(want);
  });
  it('an entry without host (":1") is ignored', () => expect(useProxy(':1', 'example.com', '80')).toBe(true));
  it('"*" disables the proxy for everything', () => {
    for (const [host] of USE_PROXY) expect(useProxy('*', host, '80')).toBe(false);
  });
});

describe('getProxyConfig (FromEnvironment)', () => {
  it('upper case wins over lower case; empty counts as unset', () => {
    const env = {
      HTTPS_PROXY: 'upper:1',
      https_proxy: 'lower:2',
      HTTP_PROXY: '',
      http_proxy: 'lowhttp:3',
      no_proxy: 'x',
    };
    expect(getProxyConfig(env)).toEqual({ httpProxy: 'lowhttp:3', httpsProxy: 'upper:1', noProxy: 'x', cgi: false });
  });
  it('REQUEST_METHOD marks CGI', () => expect(getProxyConfig({ REQUEST_METHOD: 'PUT' }).cgi).toBe(true));
});

describe('helpers', () => {
  it('parseProxy prefixes scheme-less values with http://', () => {
    expect(parseProxy('corp-proxy:3128')).toBe('http://corp-proxy:3128');
    expect(parseProxy('')).toBeNull();
  });
  it('splitHostPort mirrors net.SplitHostPort', () => {
    expect(splitHostPort('[::1]:80')).toEqual({ host: '::1', port: '80' });
    expect(splitHostPort('a:b:c')).toBeNull();
    expect(splitHostPort('host')).toBeNull();
    expect(splitHostPort('host:')).toEqual({ host: 'host', port: '' });
  });
});

// Differential: the same cases through the httpproxy package vendored in $GOROOT of the Go under test.
const HELPER = `package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/url"
	"os"

	"golang.org/x/net/http/httpproxy"
)

type tc struct {
	HTTP, HTTPS, No string
	CGI            bool
	URL            string
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		var c tc
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			panic(err)
		}
		cfg := httpproxy.Config{HTTPProxy: c.HTTP, HTTPSProxy: c.HTTPS, NoProxy: c.No, CGI: c.CGI}
		u, err := url.Parse(c.URL)
		if err != nil {
			fmt.Println("BADURL")
			continue
		}
		p, err := cfg.ProxyFunc()(u)
		if err != nil || p == nil {
			fmt.Println("<nil>")
		} else {
			fmt.Println(p.String())
		}
	}
}
`;

const DEAD_NO_PROXY = ['https://git.corp.test', 'git.corp.test/x', '*corp.test', 'git.corp.test:*'];

it('the dead NO_PROXY entries are dead in our port too (and in Go: the differential below)', () => {
  expect(deadNoProxyEntries(DEAD_NO_PROXY.join(',')).map((d) => d.entry)).toEqual(DEAD_NO_PROXY);
  for (const no of DEAD_NO_PROXY) expect(useProxy(no, 'git.corp.test', '443')).toBe(true);
});

interface DiffCase {
  HTTP: string;
  HTTPS: string;
  No: string;
  CGI: boolean;
  URL: string;
}

function differentialCases(): DiffCase[] {
  const out: DiffCase[] = PROXY_FOR_URL.map(([c, url]) => ({
    HTTP: c.httpProxy ?? '',
    HTTPS: c.httpsProxy ?? '',
    No: c.noProxy ?? '',
    CGI: c.cgi ?? false,
    URL: url,
  }));
  for (const [host] of USE_PROXY) {
    const h = host.includes(':') ? `[${host}]` : host;
    out.push({ HTTP: '', HTTPS: 'corp:3128', No: NO_PROXY, CGI: false, URL: `https://${h}:80/x` });
  }
  const extra: Array<[string, string, string]> = [
    ['foo://host', '', 'http://example.com'],
    ['', 'corp:3128', 'https://goproxy.corp.test/x'],
    ['', 'corp:3128', 'https://GOPROXY.CORP.TEST/x'],
    ['', 'http://u:p@corp:3128', 'https://[::ffff:127.0.0.1]:8443/'],
    ['', 'corp:3128', 'https://10.0.0.5/'],
    ['', 'corp:3128', 'https://example.com:8443/'],
    ['', 'corp:3128', 'https://[fe80::1%25.corp.test]:443/'],
    ['', 'socks5h://corp:1080', 'https://goproxy.corp.test/x'],
  ];
  for (const [http, https, url] of extra)
    out.push({ HTTP: http, HTTPS: https, No: '0.5,*.corp.test:443,example.com:8443', CGI: false, URL: url });
  // NO_PROXY entries that core/doctor/proxy-env.ts deadNoProxyEntries calls dead: Go must still proxy these URLs.
  for (const no of DEAD_NO_PROXY)
    out.push({ HTTP: '', HTTPS: 'corp:3128', No: no, CGI: false, URL: 'https://git.corp.test:443/x' });
  return out;
}

describe('differential: gomodctl vs the httpproxy vendored in the Go under test', () => {
  let go: HermeticGo;
  let bin = '';
  let goVersion = '';
  beforeAll(async () => {
    // Shared build cache so the helper (which compiles net and x/net/idna) builds once per machine, not per run.
    go = makeHermeticGo({ GO111MODULE: 'off', GOCACHE: join(tmpdir(), 'gomodctl-test-gocache') });
    // `go telemetry off` equivalent: otherwise Go ≥1.23 leaves a child writing into the temp tree we remove.
    mkdirSync(join(go.env.XDG_CONFIG_HOME!, 'go', 'telemetry'), { recursive: true });
    writeFileSync(join(go.env.XDG_CONFIG_HOME!, 'go', 'telemetry', 'mode'), 'off');
    const goroot = (
      await execa(TEST_GO, ['env', 'GOROOT'], { env: go.env, extendEnv: false, timeout: 30_000 })
    ).stdout.trim();
    goVersion = (
      await execa(TEST_GO, ['env', 'GOVERSION'], { env: go.env, extendEnv: false, timeout: 30_000 })
    ).stdout.trim();
    const src = join(go.env.GOPATH!, 'src');
    cpSync(join(goroot, 'src', 'vendor', 'golang.org'), join(src, 'golang.org'), { recursive: true });
    mkdirSync(join(src, 'hp'), { recursive: true });
    writeFileSync(join(src, 'hp', 'main.go'), HELPER);
    bin = join(go.dir, 'hp');
    await execa(TEST_GO, ['build', '-o', bin, 'hp'], { env: go.env, extendEnv: false, cwd: go.dir, timeout: 110_000 });
  }, 120_000);
  afterAll(() => go && rmSync(go.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }));

  it('every case gives the same proxy decision', async () => {
    const cases = differentialCases();
    const r = await execa(bin, [], { input: cases.map((c) => JSON.stringify(c)).join('\n') + '\n', timeout: 10_000 });
    const got = r.stdout.split('\n');
    const mismatches = cases.flatMap((c, i) => {
      const ours =
        proxyForUrl(cfg({ httpProxy: c.HTTP, httpsProxy: c.HTTPS, noProxy: c.No, cgi: c.CGI }), c.URL, goVersion) ??
        '<nil>';
      return ours === got[i] ? [] : [`${JSON.stringify(c)}: go=${got[i]} gomodctl=${ours}`];
    });
    expect(mismatches, goVersion).toEqual([]);
    expect(cases.length).toBeGreaterThan(55);
  });
});
