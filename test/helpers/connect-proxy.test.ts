// The forward proxy: raw CONNECT/GET behaviour, and the real `go` reaching a TLS fault proxy by name through it.
import { afterEach, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { request } from 'node:http';
import { makeHermeticGo, TEST_GO } from './go-env.js';
import { startFaultProxy } from './fault-proxy.js';
import { startConnectProxy, type ConnectProxyOptions } from './connect-proxy.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function both(opts: ConnectProxyOptions = {}, tls?: 'self-signed') {
  const fault = await startFaultProxy(tls ? { tls } : {});
  cleanups.push(() => fault.close());
  const port = new URL(fault.url).port;
  const cp = await startConnectProxy({ hosts: { 'goproxy.corp.test': `127.0.0.1:${port}` }, ...opts });
  cleanups.push(() => cp.close());
  return { fault, cp, port };
}

/** Sends CONNECT authority and, when tunnelled, a plain GET of `path` through the tunnel; returns statuses. */
function connectThrough(
  proxyUrl: string,
  authority: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const u = new URL(proxyUrl);
  return new Promise((resolve) => {
    const req = request({ host: u.hostname, port: u.port, method: 'CONNECT', path: authority, headers, timeout: 1500 });
    req.on('connect', (res, socket) => {
      if (res.statusCode !== 200) return void (socket.destroy(), resolve(String(res.statusCode)));
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      let data = '';
      socket.on('data', (d: Buffer) => (data += d.toString()));
      socket.on('end', () => resolve(`200 ${data.split('\r\n')[0]}`));
    });
    req.on('error', (e) => resolve(e.message));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

function absoluteGet(proxyUrl: string, target: string): Promise<number> {
  const u = new URL(proxyUrl);
  return new Promise((resolve) => {
    const req = request({ host: u.hostname, port: u.port, path: target, timeout: 1500 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(-1));
    req.end();
  });
}

describe('connect proxy (raw)', () => {
  it('tunnels mapped names, refuses unmapped ones with 502, and forwards absolute-URI GETs', async () => {
    const { cp, port } = await both();
    expect(await connectThrough(cp.url, 'goproxy.corp.test:443', '/example.com/dep/@v/list')).toBe(
      '200 HTTP/1.1 200 OK',
    );
    expect(await connectThrough(cp.url, 'elsewhere.invalid:443', '/')).toBe('502');
    expect(await absoluteGet(cp.url, 'http://goproxy.corp.test/example.com/dep/@v/list')).toBe(200);
    expect(await absoluteGet(cp.url, `http://127.0.0.1:${port}/status/404/x/@v/list`)).toBe(404);
    expect(await absoluteGet(cp.url, 'http://public.example.com/')).toBe(502);
    expect(cp.log.map((e) => [e.method, e.target, e.status])).toContainEqual(['CONNECT', 'elsewhere.invalid:443', 502]);
  });

  it('requires Proxy-Authorization when auth is set, and refuse answers 403', async () => {
    const { cp } = await both({ auth: { user: 'pu', pass: 'pp' } });
    expect(await connectThrough(cp.url, 'goproxy.corp.test:443', '/')).toBe('407');
    const ok = { 'proxy-authorization': 'Basic ' + Buffer.from('pu:pp').toString('base64') };
    expect(await connectThrough(cp.url, 'goproxy.corp.test:443', '/example.com/dep/@v/list', ok)).toBe(
      '200 HTTP/1.1 200 OK',
    );
    const refusing = await startConnectProxy({ refuse: true });
    cleanups.push(() => refusing.close());
    expect(await connectThrough(refusing.url, 'goproxy.corp.test:443', '/')).toBe('403');
  });

  it('close() ends promptly with a tunnel to a blackhole open', async () => {
    const fault = await startFaultProxy();
    cleanups.push(() => fault.close());
    const cp = await startConnectProxy({ hosts: { 'bh.test': new URL(fault.url).host } });
    const pending = connectThrough(cp.url, 'bh.test:80', '/blackhole/x/@v/list');
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    await cp.close();
    expect(performance.now() - t0).toBeLessThan(500);
    await pending;
  });
});

describe('the real go through the connect proxy', () => {
  const run = async (env: NodeJS.ProcessEnv) => {
    const h = makeHermeticGo(env);
    cleanups.push(() => h.cleanup());
    const r = await execa(TEST_GO, ['mod', 'download', '-json', 'example.com/dep@v1.0.0'], {
      env: h.env,
      extendEnv: false,
      reject: false,
      timeout: 30_000,
    });
    return { exitCode: r.exitCode, out: String(r.stdout) + String(r.stderr) };
  };

  it('fetches https://goproxy.corp.test via HTTPS_PROXY (CONNECT name:443), with proxy credentials', async () => {
    const { fault, cp } = await both({ auth: { user: 'pu', pass: 'pp' } }, 'self-signed');
    const base = {
      GOPROXY: 'https://goproxy.corp.test',
      SSL_CERT_FILE: fault.caFile,
      GOSUMDB: `${fault.sumdb.verifierKey} https://goproxy.corp.test/sumdb/${fault.sumdb.name}`,
    };
    const denied = await run({ ...base, HTTPS_PROXY: cp.url });
    expect(denied.exitCode).not.toBe(0);
    expect(denied.out).toContain('Proxy Authentication Required');
    const ok = await run({ ...base, HTTPS_PROXY: cp.url.replace('http://', 'http://pu:pp@') });
    expect(ok.exitCode, ok.out).toBe(0);
    expect(cp.log.filter((e) => e.status === 200).map((e) => e.target)).toContain('goproxy.corp.test:443');
    expect(fault.log.some((e) => e.kind === 'sumdb' && e.url.includes('/lookup/'))).toBe(true);
  });
});
