// The Go-shaped ClientHello check against loopback servers: a healthy TLS server, a middlebox that swallows (or
// resets) first records over 1,200 bytes, the same through an HTTPS_PROXY CONNECT tunnel, and non-TLS endpoints.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { checkClientHello } from '../../src/probes/tls-hello.js';
import { refusedUrl, startFaultProxy } from '../helpers/fault-proxy.js';
import { startConnectProxy } from '../helpers/connect-proxy.js';
import { startTlsMiddlebox, type TlsMiddleboxOptions } from '../helpers/tls-middlebox.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function tlsServer() {
  const p = await startFaultProxy({ tls: 'self-signed' });
  cleanups.push(() => p.close());
  return p;
}

async function middlebox(opts: TlsMiddleboxOptions = {}) {
  const p = await tlsServer();
  const m = await startTlsMiddlebox({ upstream: new URL(p.url).host, maxFirstRecord: 1200, ...opts });
  cleanups.push(() => m.close());
  return m;
}

async function rawServer(onConnection: (s: Socket) => void): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    onConnection(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => {
    for (const s of sockets) s.destroy();
    return new Promise((r) => server.close(r));
  });
  return (server.address() as AddressInfo).port;
}

describe('checkClientHello', () => {
  it('healthy TLS server: Go 1.26 hello (1,501 bytes, no SNI for an IP) answered → ok, one round', async () => {
    const m = await middlebox({ maxFirstRecord: undefined });
    const r = await checkClientHello(`https://${m.address}`, { goVersion: 'go1.26.8', timeoutMs: 2000 });
    expect(r).toMatchObject({
      ok: true,
      verdict: 'ok',
      largeBytes: 1501,
      smallBytes: 275,
      outcomes: { go: 'answered' },
    });
    expect(m.log.map((e) => e.bytes)).toContain(1501);
  });

  it('middlebox swallowing records > 1,200 bytes: Go 1.26 → large-dropped, cause tls, fix GODEBUG=tlsmlkem=0', async () => {
    const m = await middlebox();
    const r = await checkClientHello(`https://${m.address}`, { goVersion: 'go1.26.8', timeoutMs: 1000 });
    expect(r).toMatchObject({
      ok: false,
      verdict: 'large-dropped',
      largeBytes: 1501,
      smallBytes: 275,
      outcomes: { go: 'silent', fixed: 'answered' },
      failure: { cause: 'tls', phase: 'tls', tls: { reason: 'other', code: 'LARGE_CLIENT_HELLO_DROPPED' } },
    });
    expect(r.failure?.message).toMatch(
      /^a middlebox drops large TLS ClientHellos: on the path to 127\.0\.0\.1:\d+ a 275-byte ClientHello was answered, the 1501-byte one Go 1\.26\.8 sends got no answer; go waits 10 s and fails with "net\/http: TLS handshake timeout"$/,
    );
    expect(r.fix?.[0]).toMatch(/^export GODEBUG=tlsmlkem=0 /);
    expect(m.log.filter((e) => e.swallowed).map((e) => e.bytes)).toEqual([1501]);
  });

  it('the same middlebox: Go 1.19 (257 bytes) and Go 1.26 with GODEBUG=tlsmlkem=0 (275) pass', async () => {
    const m = await middlebox();
    for (const [goVersion, godebug, bytes] of [
      ['go1.19.8', undefined, 257],
      ['go1.26.8', 'tlsmlkem=0', 275],
    ] as const) {
      const r = await checkClientHello(`https://${m.address}`, { goVersion, godebug, timeoutMs: 1000 });
      expect(r).toMatchObject({ ok: true, verdict: 'ok', largeBytes: bytes });
      expect(r.smallBytes).toBeUndefined();
    }
  });

  it('a middlebox that resets large hellos → large-dropped, outcome reset, go fails at once', async () => {
    const m = await middlebox({ swallow: 'reset' });
    const r = await checkClientHello(`https://${m.address}`, { goVersion: 'go1.27.3', timeoutMs: 1000 });
    expect(r).toMatchObject({ verdict: 'large-dropped', largeBytes: 1513, smallBytes: 287, outcomes: { go: 'reset' } });
    expect(r.failure?.message).toMatch(/was reset; go fails at once/);
  });

  it('through HTTPS_PROXY: the hellos go inside the CONNECT tunnel, with the SNI Go sends', async () => {
    const m = await middlebox();
    const cp = await startConnectProxy({ hosts: { 'goproxy.corp.test': m.address } });
    cleanups.push(() => cp.close());
    const r = await checkClientHello('https://goproxy.corp.test', {
      goVersion: 'go1.26.8',
      env: { HTTPS_PROXY: cp.url.replace('http://', 'http://alice:s3cret@') },
      timeoutMs: 1000,
    });
    const sni = 9 + 'goproxy.corp.test'.length;
    expect(r).toMatchObject({ verdict: 'large-dropped', largeBytes: 1501 + sni, smallBytes: 275 + sni });
    expect(r.via).toBe(cp.url.replace('http://', 'http://alice:xxxxx@'));
    expect(r.failure?.message).toContain(`goproxy.corp.test:443 through proxy ${r.via}`);
    expect(r.failure?.message).not.toContain('s3cret');
    expect(cp.log.map((e) => `${e.method} ${e.target} ${e.status}`)).toEqual([
      'CONNECT goproxy.corp.test:443 200',
      'CONNECT goproxy.corp.test:443 200',
    ]);
  });

  it('NO_PROXY (or a loopback target) means direct, as Go decides', async () => {
    const m = await middlebox({ maxFirstRecord: undefined });
    const r = await checkClientHello(`https://${m.address}`, {
      goVersion: 'go1.26.8',
      env: { HTTPS_PROXY: 'http://127.0.0.1:1' },
      timeoutMs: 1000,
    });
    expect(r).toMatchObject({ verdict: 'ok' });
    expect(r.via).toBeUndefined();
  });

  it('a plain HTTP server → not-tls; nothing listening → unreachable with the connect failure', async () => {
    const port = await rawServer((s) => s.once('data', () => s.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    const r = await checkClientHello(`https://127.0.0.1:${port}`, { goVersion: 'go1.26.8', timeoutMs: 1000 });
    expect(r).toMatchObject({ ok: true, verdict: 'not-tls' });
    const refused = await checkClientHello((await refusedUrl()).replace('http:', 'https:'), {
      goVersion: 'go1.26.8',
      timeoutMs: 1000,
    });
    expect(refused).toMatchObject({
      ok: true,
      verdict: 'unreachable',
      failure: { cause: 'refused', phase: 'connect' },
    });
  });

  it('a server that accepts and never answers anything → no-answer (not a size problem)', async () => {
    const port = await rawServer((s) => s.resume());
    const r = await checkClientHello(`https://127.0.0.1:${port}`, { goVersion: 'go1.26.8', timeoutMs: 500 });
    expect(r).toMatchObject({ ok: true, verdict: 'no-answer', outcomes: { go: 'silent', fixed: 'silent' } });
  });
});
