// One prober keeps connections alive per route, as Go's Transport does (net/http/transport.go, idle connections per
// connectMethodKey): the first probe of a route opens it and measures its phases, later ones reuse it and say so; a
// connection the server dropped while idle costs a new one (shouldRetryRequest), and idle ones never hold the process.
import { execa } from 'execa';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGoProber } from '../../src/probes/go-prober.js';
import { startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { ROOT } from '../helpers/run-cli.js';

/** A keep-alive HTTP/1.1 server; `dropSecond` destroys a connection when its second request arrives, unanswered. */
async function rawServer(dropSecond: boolean): Promise<{ url: string; connections: () => number; server: Server }> {
  let n = 0;
  const server = createServer((socket: Socket) => {
    n++;
    let requests = 0;
    let buf = '';
    socket.on('data', (d) => {
      buf += d.toString('latin1');
      while (buf.includes('\r\n\r\n')) {
        buf = buf.slice(buf.indexOf('\r\n\r\n') + 4);
        requests++;
        if (dropSecond && requests === 2) return void socket.destroy();
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, connections: () => n, server };
}

let tls: FaultProxy;
let cp: ConnectProxy;
beforeAll(async () => {
  tls = await startFaultProxy({ tls: 'self-signed' });
  cp = await startConnectProxy({ hosts: { 'goproxy.corp.test': `127.0.0.1:${new URL(tls.url).port}` } });
});
afterAll(async () => {
  await Promise.all([tls?.close(), cp?.close()]);
});

it('through HTTPS_PROXY: one CONNECT and one handshake for three probes; the later ones report reuse', async () => {
  const env = { HTTPS_PROXY: cp.url, SSL_CERT_FILE: tls.caFile!, SSL_CERT_DIR: '/nonexistent' };
  const prober = await createGoProber({ env, goVersion: 'go1.26.8', platform: 'linux', timeoutMs: 2000 });
  try {
    const url = `https://goproxy.corp.test:${new URL(tls.url).port}/example.com/hello/@v/v1.1.0.info`;
    const rs = [];
    for (let i = 0; i < 3; i++) rs.push(await prober.probe(url, { readBody: 4096 }));
    expect(rs.map((r) => [r.ok, r.status, r.via !== undefined])).toEqual(Array(3).fill([true, 200, true]));
    expect(rs[0]!.timings.tlsMs).toBeDefined();
    expect(rs[0]!.timings.reused).toBeUndefined();
    for (const r of rs.slice(1)) {
      expect(r.timings.reused).toBe(true);
      expect([r.timings.connectMs, r.timings.tlsMs]).toEqual([undefined, undefined]);
    }
    expect(cp.log.map((e) => e.method)).toEqual(['CONNECT']);
  } finally {
    prober.close();
  }
});

it('a kept connection the server drops at the next request: the probe is sent again on a new one', async () => {
  const s = await rawServer(true);
  const prober = await createGoProber({ env: {}, goVersion: 'go1.26.8', platform: 'linux', timeoutMs: 2000 });
  try {
    const first = await prober.probe(`${s.url}/a`, { readBody: 64 });
    const second = await prober.probe(`${s.url}/b`, { readBody: 64 });
    expect([first.ok, first.body, second.ok, second.body]).toEqual([true, 'ok', true, 'ok']);
    expect(second.timings.reused).toBeUndefined(); // the answer came on the new connection
    expect(second.timings.connectMs).toBeDefined();
    expect(s.connections()).toBe(2);
  } finally {
    prober.close();
    s.server.close();
  }
});

it('idle kept connections do not keep the process alive (no close() called)', async () => {
  const s = await rawServer(false);
  const mod = pathToFileURL(join(ROOT, 'dist', 'probes', 'go-prober.js')).href;
  const script = `
    const { createGoProber } = await import(${JSON.stringify(mod)});
    const p = await createGoProber({ env: {}, goVersion: 'go1.26.8', platform: 'linux', timeoutMs: 2000 });
    const a = await p.probe(${JSON.stringify(`${s.url}/a`)}, { readBody: 64 });
    const b = await p.probe(${JSON.stringify(`${s.url}/b`)}, { readBody: 64 });
    console.log(JSON.stringify([a.status, b.status, !!b.timings.reused]));
  `;
  try {
    // A connection left holding the event loop would keep the child running until execa kills it (exit code ≠ 0).
    const r = await execa(process.execPath, ['--input-type=module', '-e', script], { timeout: 4000, reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([200, 200, true]);
  } finally {
    s.server.close();
  }
});
