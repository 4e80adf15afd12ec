// The fault modes added for issue 12 (test/helpers/proxy/faults.ts), against raw sockets.
import { afterEach, describe, expect, it } from 'vitest';
import { get as httpGet } from 'node:http';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { GATEWAY_BODY } from './proxy/faults.js';
import { isValidModePrefix } from './proxy/modes.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function proxy(opts?: Parameters<typeof startFaultProxy>[0]): Promise<FaultProxy> {
  const p = await startFaultProxy(opts);
  cleanups.push(() => p.close());
  return p;
}

interface Seen {
  status?: number;
  length?: number;
  chunks: number;
  bytes: number;
  ended: boolean;
  error?: string;
  body: string;
}

/** GETs `url`; reports what arrived (status, body bytes and chunks) when the body ends, or fails, or after `ms`. */
function watchGet(url: string, ms: number): Promise<Seen> {
  return new Promise((resolve) => {
    const seen: Seen = { chunks: 0, bytes: 0, ended: false, body: '' };
    const done = (): void => {
      clearTimeout(timer);
      req.destroy();
      resolve(seen);
    };
    const timer = setTimeout(done, ms);
    const req = httpGet(url, (res) => {
      seen.status = res.statusCode;
      seen.length = Number(res.headers['content-length']);
      res.on('data', (d: Buffer) => {
        seen.chunks += 1;
        seen.bytes += d.length;
        if (seen.body.length < 200) seen.body += d.toString('latin1');
      });
      res.on('end', () => {
        seen.ended = true;
        done();
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      seen.error = e.code ?? e.message;
      done();
    });
  });
}

const ZIP = 'example.com/hello/@v/v1.1.0.zip';

describe('fault modes of issue 12', () => {
  it('every new mode is a valid prefix', () => {
    for (const m of ['rst', 'gateway/403', 'fail-first/2', 'stall-zip-body/256', 'drip-zip'])
      expect(isValidModePrefix(m), m).toBe(true);
  });

  it('rst resets the connection (ECONNRESET, not a clean EOF)', async () => {
    const p = await proxy();
    expect((await watchGet(`${p.base('rst')}/example.com/hello/@v/list`, 500)).error).toBe('ECONNRESET');
  });

  it("gateway/NNN answers NNN with the gateway's words to module requests, not to the checksum database", async () => {
    const p = await proxy();
    const list = await watchGet(`${p.base('gateway/403')}/example.com/hello/@v/list`, 500);
    expect(list).toMatchObject({ status: 403, body: GATEWAY_BODY, ended: true });
    const supported = await watchGet(`${p.base('gateway/403')}/sumdb/${p.sumdb.name}/supported`, 500);
    expect(supported.status).toBe(200);
  });

  it('fail-first/2 answers 500 twice, then serves', async () => {
    const p = await proxy();
    const url = `${p.base('fail-first/2')}/example.com/hello/@v/list`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await watchGet(url, 500)).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('stall-zip-body/N announces the whole zip, sends N bytes and then nothing; other files are served', async () => {
    const p = await proxy();
    const zip = await watchGet(`${p.base('stall-zip-body/100')}/${ZIP}`, 600);
    expect(zip.status).toBe(200);
    expect(zip.length).toBeGreaterThan(100);
    expect(zip).toMatchObject({ bytes: 100, ended: false });
    const mod = await watchGet(`${p.base('stall-zip-body/100')}/example.com/hello/@v/v1.1.0.mod`, 500);
    expect(mod).toMatchObject({ status: 200, ended: true });
  });

  it('stall-zip-end sends every byte of the zip under a Content-Length one longer, and never ends', async () => {
    const p = await proxy();
    const whole = await watchGet(`${p.url}/${ZIP}`, 500);
    const zip = await watchGet(`${p.base('stall-zip-end')}/${ZIP}`, 600);
    expect(zip).toMatchObject({ status: 200, length: whole.bytes + 1, bytes: whole.bytes, ended: false });
    expect(isValidModePrefix('stall-zip-end')).toBe(true);
  });

  it('drip-zip drips only the zip (many chunks, growing), list and mod come at once', async () => {
    const p = await proxy({ dripMs: 5 });
    const zip = await watchGet(`${p.base('drip-zip')}/${ZIP}`, 400);
    expect(zip.status).toBe(200);
    expect(zip.chunks).toBeGreaterThan(3);
    expect(zip.bytes).toBeLessThan(zip.length!);
    const list = await watchGet(`${p.base('drip-zip')}/example.com/hello/@v/list`, 300);
    expect(list).toMatchObject({ status: 200, ended: true, chunks: 1 });
  });
});
