// The checksum database against the real `go` (both legs): Go verifies our signed tree, tiles and records.
import { afterEach, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { makeHermeticGo, TEST_GO } from './go-env.js';
import { makeModuleGraph, startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { formatTilePath, parseTilePath, HashTree, recordHash } from './tlog.js';
import { generateKeyPair } from './note-signer.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function proxy(opts?: Parameters<typeof startFaultProxy>[0]): Promise<FaultProxy> {
  const p = await startFaultProxy(opts);
  cleanups.push(() => p.close());
  return p;
}

async function download(extra: NodeJS.ProcessEnv, mod: string) {
  const h = makeHermeticGo({ GONOSUMDB: undefined, GOPRIVATE: undefined, GOFLAGS: '-modcacherw', ...extra });
  cleanups.push(() => h.cleanup());
  const r = await execa(TEST_GO, ['mod', 'download', '-json', mod], {
    env: h.env,
    extendEnv: false,
    reject: false,
    timeout: 30_000,
  });
  return { exitCode: r.exitCode, out: String(r.stdout) + String(r.stderr) };
}

describe('tlog helpers', () => {
  it.each([
    ['tile/8/0/000', { h: 8, l: 0, n: 0, w: 256 }],
    ['tile/8/0/000.p/5', { h: 8, l: 0, n: 0, w: 5 }],
    ['tile/8/1/x001/234.p/7', { h: 8, l: 1, n: 1234, w: 7 }],
    ['tile/8/data/x123/x456/789', { h: 8, l: -1, n: 123456789, w: 256 }],
  ])('%s parses and formats back', (path, tile) => {
    expect(parseTilePath(path)).toEqual(tile);
    expect(formatTilePath(tile)).toBe(path);
  });
  it.each(['tile/8/0/1', 'tile/8/0/x000', 'tile/8/0/000.p/0', 'tile/8/0/000.p/256', 'tile/x/0/000', 'tiles/8/0/000'])(
    'rejects %s',
    (p) => {
      expect(parseTilePath(p)).toBeNull();
    },
  );
  it('tree hash of 3 records is H(H(r0,r1), r2) and a tile beyond the tree is null', () => {
    const leaves = ['a', 'b', 'c'].map((s) => recordHash(Buffer.from(s)));
    const t = new HashTree(leaves);
    const node = (l: Buffer, r: Buffer) =>
      createHash('sha256')
        .update(Buffer.from([1]))
        .update(l)
        .update(r)
        .digest();
    expect(t.treeHash().equals(node(node(leaves[0]!, leaves[1]!), leaves[2]!))).toBe(true);
    expect(t.tile(8, 0, 0, 3)?.length).toBe(96);
    expect(t.tile(8, 0, 0, 4)).toBeNull();
  });
});

describe('checksum database with the real go', () => {
  it('go mod download verifies a module through GOSUMDB="<key> <url>"', async () => {
    const p = await proxy();
    const r = await download({ GOPROXY: p.url, GOSUMDB: p.sumdb.gosumdb() }, 'example.com/hello@v1.0.0');
    expect(r.exitCode, r.out).toBe(0);
    const sumdbUrls = p.log.filter((e) => e.kind === 'sumdb').map((e) => e.url);
    expect(sumdbUrls).toContain(`/sumdb/${p.sumdb.name}/lookup/example.com/hello@v1.0.0`);
    expect(sumdbUrls.some((u) => /\/tile\/8\/0\/000\.p\/\d+$/.test(u))).toBe(true);
  });

  it('go finds the database through the proxy (<proxy>/sumdb/<name>/supported) when GOSUMDB has no URL', async () => {
    const p = await proxy();
    const r = await download({ GOPROXY: p.url, GOSUMDB: p.sumdb.verifierKey }, 'example.com/Upper/mod@v1.0.0');
    expect(r.exitCode, r.out).toBe(0);
    expect(p.log.map((e) => e.url)).toContain(`/sumdb/${p.sumdb.name}/supported`);
    expect(p.log.map((e) => e.url)).toContain(`/sumdb/${p.sumdb.name}/lookup/example.com/!upper/mod@v1.0.0`);
  });

  it('verifies with full and level-1 tiles in a database of more than 256 records', async () => {
    const p = await proxy({ modules: makeModuleGraph(300).modules });
    const r = await download({ GOPROXY: p.url, GOSUMDB: p.sumdb.gosumdb() }, 'example.com/gen/m0299@v1.0.0');
    expect(r.exitCode, r.out).toBe(0);
    const tiles = p.log.filter((e) => e.url.includes('/tile/')).map((e) => e.url.replace(/.*\/tile\//, 'tile/'));
    expect(tiles).toEqual(expect.arrayContaining(['tile/8/1/000.p/1']));
  });

  it('corrupt-zip makes go report a checksum mismatch against the database', async () => {
    const p = await proxy();
    const r = await download({ GOPROXY: p.base('corrupt-zip'), GOSUMDB: p.sumdb.gosumdb() }, 'example.com/dep@v1.0.0');
    expect(r.exitCode).not.toBe(0);
    expect(r.out).toContain('checksum mismatch');
    expect(r.out).toContain('SECURITY ERROR');
  });

  it('a wrong key (same name) makes go fail verification', async () => {
    const p = await proxy();
    const wrong = generateKeyPair(p.sumdb.name).verifierKey;
    const r = await download({ GOPROXY: p.url, GOSUMDB: `${wrong} ${p.sumdb.url()}` }, 'example.com/dep@v1.0.0');
    expect(r.exitCode).not.toBe(0);
    expect(r.out).toMatch(/verifying (module|go\.mod): .*(no verifiable signatures|invalid signature|malformed)/s);
  });

  it('serves /latest and record data tiles', async () => {
    const p = await proxy();
    const latest = await (await fetch(`${p.sumdb.url()}/latest`)).text();
    expect(latest).toMatch(/^go\.sum database tree\n4\n/);
    const data = await (await fetch(`${p.sumdb.url()}/tile/8/data/000.p/4`)).text();
    expect(data.startsWith('0\nexample.com/Upper/mod v1.0.0 h1:')).toBe(true);
    expect(data.split('\n\n').length).toBe(5);
    expect((await fetch(`${p.sumdb.url()}/tile/8/0/000`)).status).toBe(404);
  });

  it('sumdb-status/410 reaches go as a verifying error; sumdb-blackhole never answers', async () => {
    const p = await proxy();
    const r = await download(
      { GOPROXY: p.url, GOSUMDB: p.sumdb.gosumdb('sumdb-status/410') },
      'example.com/dep@v1.0.0',
    );
    expect(r.exitCode).not.toBe(0);
    expect(r.out).toMatch(/verifying (module|go\.mod): .*410 Gone/s);
    await expect(
      fetch(`${p.sumdb.url('sumdb-blackhole')}/latest`, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    const ok = await fetch(`${p.base('sumdb-blackhole')}/example.com/dep/@v/list`, {
      signal: AbortSignal.timeout(1000),
    });
    expect(ok.status).toBe(200);
    expect((await fetch(`${p.base('no-sumdb')}/sumdb/${p.sumdb.name}/supported`)).status).toBe(404);
  });
});
