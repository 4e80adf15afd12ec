// download-watch on a module cache laid out the way Go writes it (cmd/go/internal/modfetch fetch.go downloadZip):
// the names are Go's, the files are written by the test. The real go is in test/e2e/download-watch.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { escapePath } from '../../src/core/escape.js';
import { createDownloadWatch, isZipTempName, readZipProgress, zipLocation } from '../../src/go/download-watch.js';
import { buildZip } from '../helpers/proxy/zip.js';
import { Timeline } from '../../src/core/tidy/timeline.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function cache(): string {
  const d = mkdtempSync(join(tmpdir(), 'gomodctl-watch-'));
  dirs.push(d);
  return d;
}

const UPPER = { module: 'github.com/Azure/go-autorest', version: 'v14.2.0+incompatible' };

describe('download-watch', () => {
  it('finds the @v directory and zip name Go uses, with the module path escaped (cache.go CachePath)', () => {
    expect(zipLocation('/c', UPPER.module, UPPER.version)).toEqual({
      dir: join('/c', 'cache', 'download', 'github.com', '!azure', 'go-autorest', '@v'),
      zip: 'v14.2.0+incompatible.zip',
    });
    expect(zipLocation('/c', 'golang.org/toolchain', 'v0.0.1-go1.99.0.linux-amd64')?.zip).toBe(
      'v0.0.1-go1.99.0.linux-amd64.zip',
    );
    expect(zipLocation('/c', 'not a path', 'v1.0.0')).toBeUndefined();
  });

  it("knows Go's temp file name: <zip><random digits>.tmp (fetch.go tempFile)", () => {
    expect(isZipTempName('v1.0.0.zip123456789.tmp', 'v1.0.0.zip')).toBe(true);
    expect(isZipTempName('v1.0.0.zip.tmp', 'v1.0.0.zip')).toBe(false);
    expect(isZipTempName('v1.0.0.zipabc.tmp', 'v1.0.0.zip')).toBe(false);
    expect(isZipTempName('v1.0.0.mod123.tmp', 'v1.0.0.zip')).toBe(false);
    expect(isZipTempName('v1.0.0.ziphash', 'v1.0.0.zip')).toBe(false);
  });

  it('a temp file that holds the whole zip is "received" (Go checks its sum before the rename), a cut one is partial', async () => {
    const c = cache();
    const loc = zipLocation(c, UPPER.module, UPPER.version)!;
    mkdirSync(loc.dir, { recursive: true });
    const root = `${UPPER.module}@${UPPER.version}`;
    const zip = buildZip([
      { name: `${root}/go.mod`, data: Buffer.from('module x\n') },
      { name: `${root}/a.go`, data: Buffer.from('package a\n') },
    ]);
    const tmp = join(loc.dir, `${loc.zip}77.tmp`);
    writeFileSync(tmp, zip.subarray(0, zip.length - 1)); // one byte short of its end record
    expect(await readZipProgress(c, UPPER)).toMatchObject({ state: 'partial', bytes: zip.length - 1 });
    writeFileSync(tmp, zip);
    // Its end is read once it stopped growing: the size the previous poll saw.
    expect(await readZipProgress(c, UPPER)).toMatchObject({ state: 'partial', bytes: zip.length });
    expect(await readZipProgress(c, { ...UPPER, bytes: zip.length })).toMatchObject({
      state: 'received',
      bytes: zip.length,
    });
    // Whether the database's record of M@V is in Go's lookup cache (then its sum check asks nothing).
    expect((await readZipProgress(c, { ...UPPER, bytes: zip.length }, () => 'sum.test')).lookupCached).toBe(false);
    const record = join(
      c,
      'cache',
      'download',
      'sumdb',
      'sum.test',
      'lookup',
      `${escapePath(UPPER.module)}@${UPPER.version}`,
    );
    mkdirSync(dirname(record), { recursive: true });
    writeFileSync(record, '');
    expect((await readZipProgress(c, { ...UPPER, bytes: zip.length }, () => 'sum.test')).lookupCached).toBe(false); // empty
    writeFileSync(record, '1234\nexample.com/x v1.0.0 h1:x=\n');
    expect((await readZipProgress(c, { ...UPPER, bytes: zip.length }, () => 'sum.test')).lookupCached).toBe(true);
    // The end record must close the central directory right before it: its record after other bytes is not an end.
    writeFileSync(tmp, Buffer.concat([Buffer.from('x'.repeat(40)), zip.subarray(zip.length - 22)]));
    expect(await readZipProgress(c, { ...UPPER, bytes: 62 })).toMatchObject({ state: 'partial', bytes: 62 });
  });

  it('reports absent, then partial growth, then complete after the rename', async () => {
    const c = cache();
    expect(await readZipProgress(c, UPPER)).toMatchObject({ state: 'absent', bytes: 0 });
    const loc = zipLocation(c, UPPER.module, UPPER.version)!;
    mkdirSync(loc.dir, { recursive: true });
    writeFileSync(join(loc.dir, 'v14.2.0+incompatible.lock'), '');
    writeFileSync(join(loc.dir, 'v14.2.0+incompatible.mod'), 'module x\n');
    const tmp = join(loc.dir, `${loc.zip}482910331.tmp`);
    writeFileSync(tmp, '');
    expect(await readZipProgress(c, UPPER)).toMatchObject({ state: 'partial', bytes: 0 });
    writeFileSync(tmp, Buffer.alloc(300));
    const partial = await readZipProgress(c, UPPER);
    expect(partial).toEqual({ ...UPPER, state: 'partial', bytes: 300, writtenAgoMs: expect.any(Number) });
    expect(partial.writtenAgoMs).toBeGreaterThanOrEqual(0); // from the temp file's mtime: when the byte landed
    renameSync(tmp, join(loc.dir, loc.zip));
    expect(await readZipProgress(c, UPPER)).toEqual({ ...UPPER, state: 'complete', bytes: 300 });
  });

  it('tick() polls only the open zips of the timeline and applies what it sees', async () => {
    const c = cache();
    const t = new Timeline(0);
    t.apply({ kind: 'downloading', module: 'example.com/a', version: 'v1.0.0' }, 1);
    t.apply({ kind: 'downloading', module: 'example.com/b', version: 'v1.0.0' }, 2);
    t.apply({ kind: 'found', package: 'example.com/b', module: 'example.com/b', version: 'v1.0.0' }, 3);
    const loc = zipLocation(c, 'example.com/a', 'v1.0.0')!;
    mkdirSync(loc.dir, { recursive: true });
    writeFileSync(join(loc.dir, `${loc.zip}7.tmp`), Buffer.alloc(42));
    const w = createDownloadWatch(c);
    let clock = 100;
    await w.tick(t, () => clock);
    const z = t.transfers.zip('example.com/a', 'v1.0.0')!;
    expect(z).toMatchObject({ phase: 'body', bytes: 42 });
    // The byte landed when the file was written (mtime), at most this tick, never before the download started.
    expect(z.lastByteMs).toBeGreaterThanOrEqual(1);
    expect(z.lastByteMs).toBeLessThanOrEqual(100);
    expect(t.lastActivityMs()).toBe(z.lastByteMs);
    clock = 400;
    renameSync(join(loc.dir, `${loc.zip}7.tmp`), join(loc.dir, loc.zip));
    await w.tick(t, () => clock);
    expect(t.transfers.openZips()).toEqual([]);
  });

  it('concurrent polls share one pass over the directories', async () => {
    const w = createDownloadWatch(cache());
    const a = w.poll([{ module: 'example.com/a', version: 'v1.0.0' }]);
    const b = w.poll([{ module: 'example.com/b', version: 'v1.0.0' }]);
    expect(b).toBe(a);
    expect((await a).map((o) => o.module)).toEqual(['example.com/a']);
  });
});
