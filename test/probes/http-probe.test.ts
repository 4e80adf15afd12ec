// The probe engine end to end against real servers on 127.0.0.1: every cause, timings, proxies, credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer as createNetServer, type Server as NetServer, type Socket, type AddressInfo } from 'node:net';
import {
  createServer as createHttpServer,
  type Server as HttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { probeUrl, type ProbeOptions } from '../../src/probes/http-probe.js';
import type { ProbeResult } from '../../src/core/probe-types.js';
import { startFaultProxy, refusedUrl, TLS_DIR, type FaultProxy } from '../helpers/fault-proxy.js';

const CA = [readFileSync(join(TLS_DIR, 'ca.pem'), 'utf8')];
const LIST = '/example.com/hello/@v/list';
const T = 1500; // default per-probe bound for cases that should answer quickly

let plain: FaultProxy;
let secure: FaultProxy;
let expired: FaultProxy;
let wrongName: FaultProxy;
let stallTls: { port: number; close(): Promise<void> };
let redirector: { url: string; close(): Promise<void> };
let secureRedirector: { url: string; close(): Promise<void> };
let refused: string;

const opts = (extra: Partial<ProbeOptions> = {}): ProbeOptions => ({ timeoutMs: T, env: {}, ca: CA, ...extra });
const portOf = (url: string): string => new URL(url).port;

/** A TCP server that accepts and never speaks (TLS handshake stall). */
async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const srv: NetServer = createNetServer((s) => void sockets.add(s));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    port: (srv.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  };
}

/** An HTTP(S) server: /hop redirects to /final, /loop to itself, /to-http to plain http. */
async function startRedirector(tls: boolean): Promise<{ url: string; close(): Promise<void> }> {
  const key = readFileSync(join(TLS_DIR, 'server-key.pem'));
  const cert = readFileSync(join(TLS_DIR, 'server.pem'));
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.url === '/to-http') return void res.writeHead(302, { location: 'http://127.0.0.1:1/final' }).end();
    if (req.url === '/hop') return void res.writeHead(302, { location: '/final' }).end();
    if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/final') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('v1.0.0\n');
    res.writeHead(404).end();
  };
  const srv: HttpServer = tls ? createHttpsServer({ key, cert }, handler) : createHttpServer(handler);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => (srv.closeAllConnections(), srv.close(() => r()))),
  };
}

beforeAll(async () => {
  [plain, secure, expired, wrongName, stallTls, refused] = await Promise.all([
    startFaultProxy(),
    startFaultProxy({ tls: 'self-signed' }),
    startFaultProxy({ tls: 'expired' }),
    startFaultProxy({ tls: 'wrong-name' }),
    startSilentServer(),
    refusedUrl(),
  ]);
  [redirector, secureRedirector] = await Promise.all([startRedirector(false), startRedirector(true)]);
});

afterAll(async () => {
  await Promise.all([plain, secure, expired, wrongName, stallTls, redirector, secureRedirector].map((s) => s?.close()));
});

function expectOrdered(r: ProbeResult): void {
  const seq = [r.timings.dnsMs, r.timings.connectMs, r.timings.tlsMs, r.timings.ttfbMs, r.timings.totalMs].filter(
    (x) => x !== undefined,
  );
  expect(seq).toEqual([...seq].sort((a, b) => a! - b!));
}

describe('successful probes report ordered phase timings', () => {
  it('http: connect, first byte, total (no DNS for an IP literal)', async () => {
    const r = await probeUrl(plain.url + LIST, opts({ readBody: 1000 }));
    expect(r).toMatchObject({ ok: true, status: 200, url: plain.url + LIST });
    expect(r.body).toContain('v1.1.0');
    expect(r.timings.dnsMs).toBeUndefined();
    expect(r.timings.connectMs).toBeTypeOf('number');
    expect(r.timings.ttfbMs).toBeTypeOf('number');
    expectOrdered(r);
  });

  it('https via localhost: dns, connect, tls, first byte all present and ordered', async () => {
    const url = `https://localhost:${portOf(secure.url)}${LIST}`;
    const r = await probeUrl(url, opts({ expect: 'list' }));
    expect(r.ok, String(r.message)).toBe(true);
    for (const k of ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs'] as const) expect(r.timings[k]).toBeTypeOf('number');
    expectOrdered(r);
    expect(r.via).toBeUndefined();
  });

  it('follows redirects like Go; stops after 10', async () => {
    expect(await probeUrl(redirector.url + '/hop', opts({ readBody: 100 }))).toMatchObject({
      ok: true,
      status: 200,
      body: 'v1.0.0\n',
    });
    const loop = await probeUrl(redirector.url + '/loop', opts());
    expect(loop).toMatchObject({ ok: false, cause: 'http-status', status: 302 });
    expect(String(loop.message)).toContain('stopped after 10 redirects');
  });
});

describe('each failure cause, end to end', () => {
  it('dns: a name under .invalid', async () => {
    const r = await probeUrl('https://nothing.invalid/x/@v/list', opts());
    expect(r).toMatchObject({ ok: false, cause: 'dns', phase: 'dns' });
    expect(String(r.message)).toContain('nothing.invalid');
  });

  it('refused: nothing listening', async () => {
    const r = await probeUrl(refused + LIST, opts());
    expect({ ...r, message: String(r.message) }).toMatchObject({
      ok: false,
      cause: 'refused',
      phase: 'connect',
      message: `connection refused by ${new URL(refused).host}`,
    });
  });

  it('timeout at first byte: blackhole', async () => {
    const r = await probeUrl(plain.base('blackhole') + LIST, opts({ timeoutMs: 400 }));
    expect(r).toMatchObject({ ok: false, cause: 'timeout', phase: 'first-byte' });
    expect(String(r.message)).toMatch(/succeeded, no response within 400ms/);
    expect(r.timings.connectMs).toBeTypeOf('number');
    expect(r.timings.totalMs).toBeGreaterThanOrEqual(390);
  });

  it('timeout in the body: headers then stall, when the body is read', async () => {
    const r = await probeUrl(plain.base('stall-headers') + LIST, opts({ timeoutMs: 400, readBody: 1000 }));
    expect(r).toMatchObject({ ok: false, cause: 'timeout', phase: 'body' });
    expect(r.timings.ttfbMs).toBeTypeOf('number');
  });

  it('timeout in TLS: TCP accepted, handshake never answered', async () => {
    const r = await probeUrl(`https://127.0.0.1:${stallTls.port}/`, opts({ timeoutMs: 400 }));
    expect(r).toMatchObject({ ok: false, cause: 'timeout', phase: 'tls' });
    expect(String(r.message)).toMatch(/TLS handshake did not finish within 400ms/);
  });

  it('reset: the server destroys the socket', async () => {
    expect(await probeUrl(plain.base('reset') + LIST, opts())).toMatchObject({
      ok: false,
      cause: 'reset',
      phase: 'first-byte',
    });
  });

  it.each([
    [404, 'http-status'],
    [410, 'http-status'],
    [500, 'http-status'],
    [401, 'auth'],
    [403, 'auth'],
    [407, 'auth'],
  ] as const)('status %i → %s', async (status, cause) => {
    expect(await probeUrl(plain.base(`status/${status}`) + LIST, opts())).toMatchObject({ ok: false, status, cause });
  });

  it('bad-response: an HTML page where a version list belongs', async () => {
    const r = await probeUrl(plain.base('notgo') + LIST, opts({ expect: 'list' }));
    expect(r).toMatchObject({ ok: false, status: 200, cause: 'bad-response', phase: 'body' });
    expect(String(r.message)).toMatch(/HTML page/);
  });

  it('tls unknown authority names the issuer (the CA is not trusted)', async () => {
    secure.clearLog();
    const r = await probeUrl(secure.url + LIST, opts({ ca: undefined }));
    expect(r).toMatchObject({
      ok: false,
      cause: 'tls',
      phase: 'tls',
      tls: { reason: 'unknown-authority', issuer: 'CN=gomodctl test ca' },
    });
    expect(String(r.message)).toContain('certificate signed by unknown authority (issuer: CN=gomodctl test ca)');
    expect(secure.log.some((e) => e.url === LIST)).toBe(false);
  });

  it('tls expired and name mismatch (CA trusted)', async () => {
    expect(await probeUrl(expired.url + LIST, opts())).toMatchObject({
      cause: 'tls',
      tls: { reason: 'expired', issuer: 'CN=gomodctl test ca' },
    });
    const w = await probeUrl(wrongName.url + LIST, opts());
    expect(w).toMatchObject({ cause: 'tls', tls: { reason: 'name-mismatch' } });
    expect(String(w.message)).toContain('wrong.invalid');
  });

  it('https to a plain-HTTP port is a TLS failure', async () => {
    const r = await probeUrl(`https://127.0.0.1:${portOf(plain.url)}/`, opts());
    expect(['tls', 'reset']).toContain(r.cause);
    expect(r.phase).toBe('tls');
  });

  it('https → http redirect is refused like Go (web/http.go)', async () => {
    const r = await probeUrl(`${secureRedirector.url}/to-http`, opts());
    expect(r).toMatchObject({ ok: false, cause: 'http-status', status: 302 });
    expect(String(r.message)).toMatch(
      /^redirected from secure URL https:\/\/127\.0\.0\.1:\d+\/to-http to insecure URL http:/,
    );
  });

  it('an external abort signal ends the probe', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const r = await probeUrl(plain.base('blackhole') + LIST, opts({ timeoutMs: 5000, signal: ac.signal }));
    expect(r).toMatchObject({ ok: false, cause: 'unknown' });
    expect(r.timings.totalMs).toBeLessThan(2000);
  });

  it('20 concurrent probes of a blackhole finish in about one timeout', async () => {
    const start = performance.now();
    const rs = await Promise.all(
      Array.from({ length: 20 }, () => probeUrl(plain.base('blackhole') + LIST, opts({ timeoutMs: 500 }))),
    );
    const elapsed = performance.now() - start;
    expect(rs.every((r) => r.cause === 'timeout' && r.phase === 'first-byte')).toBe(true);
    expect(elapsed).toBeLessThan(2500); // sanity bound only (5× the timeout)
  });
});

describe('bad input', () => {
  it('throws UsageError for non-URLs and other schemes', async () => {
    await expect(probeUrl('not a url', opts())).rejects.toMatchObject({ exitCode: 2 });
    await expect(probeUrl('ftp://x/', opts())).rejects.toThrow(/only http and https/);
  });
});
