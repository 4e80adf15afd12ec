// The fault proxy against the real `go` (hermetic) and against raw sockets for each fault mode.
import { afterEach, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { request as httpsRequest } from 'node:https';
import { get as httpGet } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHermeticGo, TEST_GO, type HermeticGo } from './go-env.js';
import { makeModuleGraph, refusedUrl, startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { crc32 } from './proxy/zip.js';
import { compareVersions } from './proxy/serve.js';
import { parseModes } from './proxy/modes.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function proxy(opts?: Parameters<typeof startFaultProxy>[0]): Promise<FaultProxy> {
  const p = await startFaultProxy(opts);
  cleanups.push(() => p.close());
  return p;
}

function hermetic(extra: NodeJS.ProcessEnv): HermeticGo {
  const h = makeHermeticGo(extra);
  cleanups.push(() => h.cleanup());
  return h;
}

async function goDownload(env: NodeJS.ProcessEnv, mod: string, cwd?: string) {
  const r = await execa(TEST_GO, ['mod', 'download', '-json', mod], {
    env,
    extendEnv: false,
    reject: false,
    timeout: 30_000,
    cwd,
  });
  return { ...r, json: r.stdout ? (JSON.parse(r.stdout) as Record<string, string>) : {} };
}

/** Raw status of a GET (fetch() refuses to expose a 407). */
function rawStatus(url: string): Promise<{ status?: number; type?: string }> {
  return new Promise((resolve) => {
    const req = httpGet(url, { timeout: 1500 }, (res) => {
      res.resume();
      resolve({ status: res.statusCode, type: String(res.headers['content-type']) });
    });
    req.on('error', () => resolve({}));
  });
}

/** GET with a hard deadline; resolves to status + body, or the error code. */
async function get(url: string, ms = 1500, headers: Record<string, string> = {}) {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(ms), headers });
    return { status: r.status, type: r.headers.get('content-type') ?? '', body: await r.text() };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return { error: err.name === 'TimeoutError' ? 'timeout' : (err.cause?.code ?? err.message) };
  }
}

describe('zip and helpers', () => {
  it('crc32 matches the IEEE check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
  it('orders versions like semver and parses chained modes', () => {
    expect(['v1.10.0', 'v1.2.0', 'v1.2.0-rc.1'].sort(compareVersions)).toEqual(['v1.2.0-rc.1', 'v1.2.0', 'v1.10.0']);
    expect(parseModes('/auth/status/404/example.com/x/@v/list')).toEqual({
      modes: ['auth', 'status/404'],
      rest: 'example.com/x/@v/list',
    });
  });
});

describe('plain proxy with the real go', () => {
  it('go mod download gets a module whose h1 hashes equal ours (zip format and dirhash agree with Go)', async () => {
    const p = await proxy();
    const h = hermetic({ GOPROXY: p.url });
    const r = await goDownload(h.env, 'example.com/hello@v1.1.0');
    expect(r.exitCode, r.stderr).toBe(0);
    const m = p.modules.find((x) => x.path === 'example.com/hello' && x.version === 'v1.1.0')!;
    expect(r.json.Sum).toBe(m.h1);
    expect(r.json.GoModSum).toBe(m.goModH1);
    expect(readFileSync(r.json.Dir + '/hello.go', 'utf8')).toContain('hello');
    expect(p.log.map((e) => e.kind)).toEqual(expect.arrayContaining(['info', 'mod', 'zip']));
  });

  it('serves a module with capitals at its !-escaped path and resolves @latest', async () => {
    const p = await proxy();
    const h = hermetic({ GOPROXY: p.url });
    const r = await goDownload(h.env, 'example.com/Upper/mod@latest');
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.json.Version).toBe('v1.0.0');
    expect(
      p.log.some((e) => /^\/example\.com\/(!|%21)upper\/mod\/@v\//.test(e.url) && e.module === 'example.com/Upper/mod'),
    ).toBe(true);
    expect(await get(`${p.url}/example.com/hello/@v/list`)).toMatchObject({ status: 200, body: 'v1.0.0\nv1.1.0\n' });
    expect(JSON.parse((await get(`${p.url}/example.com/hello/@latest`)).body!)).toMatchObject({ Version: 'v1.1.0' });
  });

  it('go reports the 404 of base("status/404") and the log records mode and module', async () => {
    const p = await proxy();
    const h = hermetic({ GOPROXY: p.base('status/404') });
    const r = await goDownload(h.env, 'example.com/dep@v1.0.0');
    expect(r.exitCode).not.toBe(0);
    expect(r.json.Error).toContain('404 Not Found');
    expect(p.log[0]).toMatchObject({ mode: 'status/404', module: 'example.com/dep', version: 'v1.0.0', kind: 'info' });
  });
});

describe('generated module graph', () => {
  it('go mod tidy resolves a makeModuleGraph(20) main module through the proxy and its sumdb', async () => {
    const g = makeModuleGraph(20);
    const p = await proxy({ modules: g.modules, fixtures: false });
    const h = hermetic({ GOPROXY: p.url, GOSUMDB: p.sumdb.gosumdb(), GONOSUMDB: undefined });
    const dir = join(h.dir, 'main');
    mkdirSync(dir);
    for (const [name, text] of Object.entries(g.mainFiles)) writeFileSync(join(dir, name), text);
    const r = await execa(TEST_GO, ['mod', 'tidy'], {
      env: h.env,
      extendEnv: false,
      reject: false,
      timeout: 60_000,
      cwd: dir,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    const goSum = readFileSync(join(dir, 'go.sum'), 'utf8');
    for (const m of g.modules) expect(goSum).toContain(`${m.path} v1.0.0/go.mod `);
    expect(goSum).toContain(`${g.rootPath} v1.0.0 ${p.modules.find((m) => m.path === g.rootPath)!.h1}`);
  });
});

describe('fault modes (bounded)', () => {
  it.each([404, 410, 500, 401, 403, 407])('status/%i answers that status as text/plain', async (code) => {
    const p = await proxy();
    const r = await rawStatus(`${p.base(`status/${code}`)}/example.com/dep/@v/list`);
    expect(r).toMatchObject({ status: code, type: expect.stringContaining('text/plain') });
  });

  it('blackhole, stall-headers and stall-zip never answer; close() still ends promptly', async () => {
    const p = await startFaultProxy();
    expect(await get(`${p.base('blackhole')}/example.com/dep/@v/list`, 300)).toEqual({ error: 'timeout' });
    const sh = await fetch(`${p.base('stall-headers')}/example.com/dep/@v/list`, { signal: AbortSignal.timeout(1000) });
    expect(sh.status).toBe(200);
    await expect(sh.text()).rejects.toThrow();
    expect(await get(`${p.base('stall-zip')}/example.com/dep/@v/v1.0.0.mod`)).toMatchObject({ status: 200 });
    expect(await get(`${p.base('stall-zip')}/example.com/dep/@v/v1.0.0.zip`, 300)).toEqual({ error: 'timeout' });
    const t0 = performance.now();
    await p.close();
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('reset destroys the socket; refusedUrl refuses; notgo is html', async () => {
    const p = await proxy();
    expect((await get(`${p.base('reset')}/example.com/dep/@v/list`)).error).toMatch(
      /ECONNRESET|UND_ERR_SOCKET|other side closed/,
    );
    expect((await get(`${await refusedUrl()}/x`)).error).toBe('ECONNREFUSED');
    expect(await get(`${p.base('notgo')}/example.com/dep/@v/list`)).toMatchObject({
      status: 200,
      type: expect.stringContaining('text/html'),
    });
  });

  it('drip sends one byte per dripMs; slow/MS delays the answer', async () => {
    const p = await proxy({ dripMs: 40 });
    const t0 = performance.now();
    expect(await get(`${p.base('drip')}/example.com/hello/@v/list`, 3000)).toMatchObject({ body: 'v1.0.0\nv1.1.0\n' });
    expect(performance.now() - t0).toBeGreaterThan(14 * 40 * 0.8);
    const t1 = performance.now();
    expect(await get(`${p.base('slow/200')}/example.com/dep/@v/list`)).toMatchObject({ status: 200 });
    expect(performance.now() - t1).toBeGreaterThan(180);
  });

  it('auth requires Basic credentials and logs the raw header', async () => {
    const p = await proxy({ auth: { user: 'u', pass: 's3cret' } });
    expect(await get(`${p.base('auth')}/example.com/dep/@v/list`)).toMatchObject({ status: 401 });
    const auth = 'Basic ' + Buffer.from('u:s3cret').toString('base64');
    expect(await get(`${p.base('auth')}/example.com/dep/@v/list`, 1500, { authorization: auth })).toMatchObject({
      status: 200,
    });
    expect(p.log[1]!.headers.authorization).toBe(auth);
    expect(() => p.base('nonsense')).toThrow(/unknown mode/);
  });
});

function tlsGet(url: string, ca: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const req = httpsRequest(url, { ca, timeout: 1500 }, (res) => {
      res.resume();
      resolve(String(res.statusCode));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

describe('TLS variants', () => {
  it('self-signed works with the CA, expired and wrong-name fail verification', async () => {
    const ok = await proxy({ tls: 'self-signed' });
    const ca = readFileSync(ok.caFile!);
    expect(ok.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(await tlsGet(`${ok.url}/example.com/dep/@v/list`, ca)).toBe('200');
    const expired = await proxy({ tls: 'expired' });
    expect(await tlsGet(`${expired.url}/example.com/dep/@v/list`, ca)).toBe('CERT_HAS_EXPIRED');
    const wrong = await proxy({ tls: 'wrong-name' });
    expect(await tlsGet(`${wrong.url}/example.com/dep/@v/list`, ca)).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('the real go trusts the self-signed proxy only with SSL_CERT_FILE', async () => {
    const p = await proxy({ tls: 'self-signed' });
    const bad = await goDownload(hermetic({ GOPROXY: p.url }).env, 'example.com/dep@v1.0.0');
    expect(bad.json.Error).toContain('x509: certificate signed by unknown authority');
    const good = await goDownload(hermetic({ GOPROXY: p.url, SSL_CERT_FILE: p.caFile }).env, 'example.com/dep@v1.0.0');
    expect(good.exitCode, good.stderr).toBe(0);
  });
});
