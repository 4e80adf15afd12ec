// The probe engine's options for check-proxy, against a loopback server: bodies as bytes, truncation, response
// headers, and the redirects followed (redacted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeUrl } from '../../src/probes/http-probe.js';

let server: Server;
let base: string;
const BYTES = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x80, 0x0a]);

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/bytes')
      return void res.writeHead(200, { 'Content-Type': 'application/zip', Server: 'Test/1' }).end(BYTES);
    if (req.url === '/hop') return void res.writeHead(302, { Location: '/bytes' }).end();
    if (req.url === '/long') return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('x'.repeat(100));
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('probeUrl options', () => {
  it('binary keeps the exact bytes; responseHeaders returns them lower-cased', async () => {
    const r = await probeUrl(`${base}/bytes`, {
      timeoutMs: 5000,
      env: {},
      readBody: 1024,
      binary: true,
      responseHeaders: true,
    });
    expect(Buffer.from(r.bytes!)).toEqual(BYTES);
    expect(r.body).toBeUndefined();
    expect(r.truncated).toBeUndefined();
    expect(r.headers).toMatchObject({ 'content-type': 'application/zip', server: 'Test/1' });
  });

  it('a body longer than readBody is cut there and marked truncated', async () => {
    const r = await probeUrl(`${base}/long`, { timeoutMs: 5000, env: {}, readBody: 10 });
    expect(r.body).toBe('x'.repeat(10));
    expect(r.truncated).toBe(true);
    const exact = await probeUrl(`${base}/long`, { timeoutMs: 5000, env: {}, readBody: 100 });
    expect(exact.truncated).toBeUndefined();
  });

  it('lists the redirects it followed', async () => {
    const r = await probeUrl(`${base}/hop`, { timeoutMs: 5000, env: {}, readBody: 1024, binary: true });
    expect(r.status).toBe(200);
    expect(r.redirects).toEqual([`${base}/bytes`]);
  });
});
