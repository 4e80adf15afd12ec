// Guard: with endpoints that never answer (HTTP blackhole, a TCP port that accepts and stays silent — so TLS never
// completes — and a forward proxy that never answers CONNECT), every command ends by itself within its bound.
// Bounds are asserted generously (bound + 10 s): this catches hangs, not slowness (bench/ measures that).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';
import { writeModule } from './support.js';

const SLACK_MS = 10_000;
let p: FaultProxy;
let h: HermeticGo;
let silent: { url: string; close(): Promise<void> };

/** A TCP server that accepts connections and never writes a byte (nor closes them until close()). */
async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

beforeAll(async () => {
  [p, silent] = await Promise.all([startFaultProxy(), startSilentServer()]);
  h = makeHermeticGo({
    GOPROXY: `${p.base('blackhole')}|https://${silent.url}|${p.base('stall-headers')}`,
    GOSUMDB: p.sumdb.gosumdb('sumdb-blackhole'),
    GONOSUMDB: undefined,
    GOPRIVATE: 'git.corp.invalid',
  });
});
afterAll(async () => {
  await Promise.all([p?.close(), silent?.close()]);
  h?.cleanup();
});

async function bounded(args: string[], boundMs: number, extra: NodeJS.ProcessEnv = {}, cwd = h.dir) {
  const r = await runCli(args, { env: { ...h.env, ...extra }, cwd, timeoutMs: boundMs + SLACK_MS + 5000 });
  expect(r.durationMs, `${args.join(' ')} took ${Math.round(r.durationMs)} ms (bound ${boundMs} ms)`).toBeLessThan(
    boundMs + SLACK_MS,
  );
  expect(r.exitCode, `killed by the test harness, not ended by itself: ${r.stderr}`).toBeDefined();
  return r;
}

describe('every command ends within its bound when nothing answers', () => {
  it('doctor --timeout 1s (proxies, TLS handshake and sumdb that never answer)', async () => {
    const r = await bounded(
      ['doctor', '--json', '--timeout', '1s', '--module', 'example.com/hello@v1.1.0', '--go', TEST_GO],
      1000,
    );
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout).checks.some((c: { cause?: string }) => c.cause === 'timeout')).toBe(true);
  });

  it('doctor --deps --timeout 1s with a go.mod of several requirements', async () => {
    const req = ['example.com/hello v1.1.0', 'example.com/dep v1.0.0', 'git.corp.invalid/team/lib v1.0.0']
      .map((l) => `\t${l}`)
      .join('\n');
    const dir = writeModule(h.dir, {
      name: 'deps',
      goMod: `module example.com/m\n\ngo 1.18\n\nrequire (\n${req}\n)\n`,
    });
    await bounded(['doctor', '--json', '--deps', '--timeout', '1s', '--go', TEST_GO], 1000, {}, dir);
  });

  it('doctor with its default timeout (5s) through an HTTPS_PROXY that never answers CONNECT', async () => {
    await bounded(['doctor', '--json', '--go', TEST_GO], 5000, {
      GOPROXY: 'https://goproxy.corp.test',
      HTTPS_PROXY: `http://${silent.url}`,
    });
  });

  it('env and route (no network at all)', async () => {
    await bounded(['env', '--json', '--go', TEST_GO], 0);
    await bounded(['route', '--json', 'example.com/hello@v1.1.0', 'git.corp.invalid/team/lib', '--go', TEST_GO], 0);
  });

  it('init --yes (and any probe it makes)', async () => {
    const hi = makeHermeticGo({ GOPROXY: undefined, GOSUMDB: undefined, HTTPS_PROXY: `http://${silent.url}` });
    try {
      const r = await runCli(
        ['init', '--yes', '--proxy', `${p.base('blackhole')}|https://${silent.url}`, '--go', TEST_GO],
        { env: hi.env, cwd: hi.dir, timeoutMs: 30_000 },
      );
      expect(r.durationMs).toBeLessThan(15_000 + SLACK_MS);
      expect(r.exitCode, r.stderr).toBe(0);
    } finally {
      hi.cleanup();
    }
  });

  it('tidy --explain --stall 1s --timeout 3s', async () => {
    const dir = writeModule(h.dir, { name: 'tidy' });
    const r = await bounded(
      ['tidy', '--explain', '--json', '--stall', '1s', '--timeout', '3s', '--go', TEST_GO, '-C', dir],
      3000,
      { GOMODCACHE: join(h.dir, 'mc-tidy') },
      dir,
    );
    expect(r.exitCode).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'timeout' });
  });

  it('tidy --explain --timeout 3s with the checksum database hanging after the proxy answered', async () => {
    const dir = writeModule(h.dir, { name: 'tidy-sumdb' });
    const r = await bounded(
      ['tidy', '--explain', '--json', '--stall', '1s', '--timeout', '3s', '--go', TEST_GO, '-C', dir],
      3000,
      { GOPROXY: p.url, GOMODCACHE: join(h.dir, 'mc-sumdb') },
      dir,
    );
    expect(r.exitCode).toBe(3);
  });
});
