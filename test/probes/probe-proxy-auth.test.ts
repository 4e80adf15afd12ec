// Probes see the network as Go does: HTTPS_PROXY/HTTP_PROXY/NO_PROXY (x/net/http/httpproxy), .netrc and URL
// credentials (cmd/go/internal/auth, net/http client.go) — against a real CONNECT proxy and a real auth-requiring fault
// proxy on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer as createNetServer, type Socket, type AddressInfo } from 'node:net';
import { probeUrl, type ProbeOptions } from '../../src/probes/http-probe.js';
import { parseNetrc } from '../../src/core/netrc.js';
import type { ProbeResult } from '../../src/core/probe-types.js';
import { startFaultProxy, refusedUrl, TLS_DIR, type FaultProxy } from '../helpers/fault-proxy.js';
import { startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.js';

const CA = [readFileSync(join(TLS_DIR, 'ca.pem'), 'utf8')];
const LIST = '/example.com/hello/@v/list';
const SECRET = 'S3cr3t-Pa55';

let secure: FaultProxy;
let plain: FaultProxy;
let proxy: ConnectProxy;
let authProxy: ConnectProxy;
let refusingProxy: ConnectProxy;
let refused: string;
let port: string;

const opts = (env: Record<string, string>, extra: Partial<ProbeOptions> = {}): ProbeOptions => ({
  timeoutMs: 1500,
  env,
  ca: CA,
  ...extra,
});
const withCreds = (url: string, user: string, pass: string): string => url.replace('://', `://${user}:${pass}@`);
const noSecret = (r: ProbeResult): void => expect(JSON.stringify(r)).not.toContain(SECRET);
const authHeader = (user: string, pass: string): string => 'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');

beforeAll(async () => {
  [secure, plain, refused] = await Promise.all([
    startFaultProxy({ tls: 'self-signed', auth: { user: 'gopher', pass: SECRET } }),
    startFaultProxy({ auth: { user: 'gopher', pass: SECRET } }),
    refusedUrl(),
  ]);
  port = new URL(secure.url).port;
  const hosts = { 'goproxy.corp.test': `127.0.0.1:${port}`, 'plain.corp.test': `127.0.0.1:${new URL(plain.url).port}` };
  [proxy, authProxy, refusingProxy] = await Promise.all([
    startConnectProxy({ hosts }),
    startConnectProxy({ hosts, auth: { user: 'pxuser', pass: SECRET } }),
    startConnectProxy({ hosts, refuse: true }),
  ]);
});

afterAll(async () => {
  await Promise.all([secure, plain, proxy, authProxy, refusingProxy].map((s) => s?.close()));
});

describe('HTTPS_PROXY / HTTP_PROXY / NO_PROXY', () => {
  const target = (): string => `https://goproxy.corp.test:${port}${LIST}`;

  it('an https URL goes through HTTPS_PROXY via CONNECT; the probe never resolves the name itself', async () => {
    proxy.log.splice(0);
    const r = await probeUrl(target(), opts({ HTTPS_PROXY: proxy.url }));
    expect(r, String(r.message)).toMatchObject({ ok: true, status: 200, via: proxy.url });
    expect(proxy.log[0]).toMatchObject({ method: 'CONNECT', target: `goproxy.corp.test:${port}` });
    expect(r.timings.tlsMs).toBeTypeOf('number');
  });

  it('lower-case https_proxy works; upper case wins when both are set', async () => {
    expect(await probeUrl(target(), opts({ https_proxy: proxy.url }))).toMatchObject({ ok: true, via: proxy.url });
    const r = await probeUrl(target(), opts({ HTTPS_PROXY: refused, https_proxy: proxy.url }));
    expect(r).toMatchObject({ ok: false, cause: 'proxy', phase: 'proxy-connect', via: refused });
  });

  it('HTTP_PROXY is not used for https URLs (the probe goes direct and DNS fails)', async () => {
    const r = await probeUrl('https://goproxy.corp.invalid/x', opts({ HTTP_PROXY: proxy.url }));
    expect(r).toMatchObject({ ok: false, cause: 'dns' });
    expect(r.via).toBeUndefined();
  });

  it('NO_PROXY bypasses the proxy (domain and subdomains)', async () => {
    proxy.log.splice(0);
    const r = await probeUrl(
      'https://goproxy.corp.invalid/x',
      opts({ HTTPS_PROXY: proxy.url, NO_PROXY: 'corp.invalid' }),
    );
    expect(r).toMatchObject({ ok: false, cause: 'dns' });
    expect(proxy.log).toEqual([]);
  });

  it('loopback targets are never proxied, even with NO_PROXY empty (Go rule)', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const r = await probeUrl(`https://${host}:${port}${LIST}`, opts({ HTTPS_PROXY: refused }));
      expect(r, host).toMatchObject({ ok: true, status: 200 }); // reached the server directly
      expect(r.via).toBeUndefined();
    }
  });

  it('an http URL goes through HTTP_PROXY as an absolute-form request', async () => {
    proxy.log.splice(0);
    const r = await probeUrl(
      `http://plain.corp.test:${new URL(plain.url).port}${LIST}`,
      opts({ HTTP_PROXY: proxy.url }),
    );
    expect(r).toMatchObject({ ok: true, status: 200, via: proxy.url });
    expect(proxy.log[0]).toMatchObject({
      method: 'GET',
      target: `http://plain.corp.test:${new URL(plain.url).port}${LIST}`,
    });
  });

  it('proxy refusing the connection → cause proxy', async () => {
    const r = await probeUrl(target(), opts({ HTTPS_PROXY: refused }));
    expect(r).toMatchObject({ ok: false, cause: 'proxy', phase: 'proxy-connect' });
    expect(String(r.message)).toContain('connection refused by proxy');
  });

  it('CONNECT answered 403 → cause proxy with the status', async () => {
    expect(await probeUrl(target(), opts({ HTTPS_PROXY: refusingProxy.url }))).toMatchObject({
      ok: false,
      cause: 'proxy',
      status: 403,
      phase: 'proxy-connect',
    });
  });

  it('CONNECT answered 407 → auth; credentials in HTTPS_PROXY are sent and redacted in `via`', async () => {
    expect(await probeUrl(target(), opts({ HTTPS_PROXY: authProxy.url }))).toMatchObject({
      ok: false,
      cause: 'auth',
      status: 407,
    });
    authProxy.log.splice(0);
    const r = await probeUrl(target(), opts({ HTTPS_PROXY: withCreds(authProxy.url, 'pxuser', SECRET) }));
    expect(r).toMatchObject({ ok: true, via: withCreds(authProxy.url, 'pxuser', 'xxxxx') });
    expect(authProxy.log[0]?.headers['proxy-authorization']).toBe(authHeader('pxuser', SECRET));
    noSecret(r);
  });

  it('a proxy that accepts and never answers the CONNECT times out in the proxy-connect phase', async () => {
    const sockets = new Set<Socket>();
    const silent = createNetServer((c) => void sockets.add(c));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const via = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const r = await probeUrl(target(), opts({ HTTPS_PROXY: via }, { timeoutMs: 400 }));
      expect(r).toMatchObject({ ok: false, cause: 'timeout', phase: 'proxy-connect', via });
      expect(String(r.message)).toMatch(
        /accepted the connection but did not answer the CONNECT to goproxy\.corp\.test:\d+ within 400ms/,
      );
      expect(r).toMatchObject({ hop: 'proxy', peer: via, proxy: { action: 'silent' }, go: { limitMs: 60_000 } });
    } finally {
      for (const c of sockets) c.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it('something that is not a proxy (closes on CONNECT) → cause proxy', async () => {
    const r = await probeUrl(target(), opts({ HTTPS_PROXY: secure.url.replace('https:', 'http:') }));
    expect(r).toMatchObject({ ok: false, cause: 'proxy', phase: 'proxy-connect' });
  });
});

describe('.netrc and URL credentials', () => {
  const url = (): string => `${secure.base('auth')}${LIST}`;
  const lastAuth = (): unknown => secure.log.at(-1)?.headers.authorization;

  it('Go 1.21+: machine host:port matches an explicit port and the credentials arrive', async () => {
    const netrc = parseNetrc(`machine 127.0.0.1:${port} login gopher password ${SECRET}\n`);
    const r = await probeUrl(url(), opts({}, { netrc, goVersion: 'go1.26.1' }));
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect(lastAuth()).toBe(authHeader('gopher', SECRET));
    noSecret(r);
  });

  it('Go 1.19: only machine host (no port) matches', async () => {
    const hostOnly = parseNetrc(`machine 127.0.0.1 login gopher password ${SECRET}\n`);
    expect(await probeUrl(url(), opts({}, { netrc: hostOnly, goVersion: 'go1.19.8' }))).toMatchObject({ ok: true });
    const r = await probeUrl(url(), opts({}, { netrc: hostOnly, goVersion: 'go1.26.1' }));
    expect(r).toMatchObject({ ok: false, cause: 'auth', status: 401 });
    expect(lastAuth()).toBeUndefined();
  });

  it('.netrc is never sent over http', async () => {
    const netrc = parseNetrc(
      `machine 127.0.0.1 login gopher password ${SECRET}\nmachine 127.0.0.1:${new URL(plain.url).port} login gopher password ${SECRET}\n`,
    );
    const r = await probeUrl(`${plain.base('auth')}${LIST}`, opts({}, { netrc }));
    expect(r).toMatchObject({ cause: 'auth', status: 401 });
    expect(plain.log.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('userinfo in an https URL is sent when .netrc has no entry; never echoed', async () => {
    const r = await probeUrl(withCreds(url(), 'gopher', SECRET), opts({}));
    expect(r).toMatchObject({ ok: true, url: withCreds(url(), 'gopher', 'xxxxx') });
    expect(lastAuth()).toBe(authHeader('gopher', SECRET));
    noSecret(r);
  });

  it('userinfo in an http URL is refused like Go, before any request', async () => {
    plain.clearLog();
    const r = await probeUrl(withCreds(`${plain.base('auth')}${LIST}`, 'gopher', SECRET), opts({}));
    expect(r).toMatchObject({ ok: false, cause: 'auth' });
    expect(String(r.message)).toMatch(/^refusing to pass credentials to insecure URL http:\/\/gopher:xxxxx@/);
    expect(plain.log).toEqual([]);
    noSecret(r);
  });

  it('wrong credentials → auth 401, and the password is still not in the result', async () => {
    const r = await probeUrl(withCreds(url(), 'gopher', `${SECRET}-wrong`), opts({}));
    expect(r).toMatchObject({ ok: false, cause: 'auth', status: 401 });
    noSecret(r);
  });
});
