// Watches the module cache for the zips Go is downloading, so a body that stops half-way is seen even where Go prints
// nothing (Go 1.19 has no -x; with -x the `# get` line closes when the headers arrive).
//
// Where Go writes (the same in Go 1.19, 1.26 and 1.27, cmd/go/internal/modfetch):
//   cache.go CachePath/cacheDir  GOMODCACHE/cache/download/<escaped module path>/@v/<escaped version>.zip
//   fetch.go downloadZip         creates the temp file `<version>.zip<random digits>.tmp` in that directory
//                                (tempFile, os.O_EXCL) BEFORE the GET, io.Copy()s the body into it as it arrives,
//                                truncates it when one proxy fails and the next is tried, hashes it, then renames it
//                                to `<version>.zip`; on failure it removes the temp file. Old `*.zip*.tmp` files are
//                                removed first (the version lock makes that safe).
// .info and .mod are read into memory and written at once (writeDiskCache): there is nothing to watch for them.
// Cheap by construction: one stat (done?) and at most one readdir of one known directory per open zip per poll, the last
// 22 bytes of a temp file only once it stopped growing (a whole zip?), never a recursive watch.
import { promises as fsp, readFile } from 'node:fs'; // the CJS bundle reads fs.promises where used: not loaded on a healthy tidy's path (~2 ms)
import { join } from 'node:path';
import { escapePath, escapeVersion } from '../core/escape.js';
import { addGoSum, parseGoSum, type GoSums } from '../core/sumdb/go-sum.js';
import { sumdbLookupCached } from './module-cache.js';
import type { Timeline } from '../core/tidy/timeline.js';
import type { ZipObservation } from '../core/tidy/transfers.js';

/** A module version whose zip download to watch. */
interface ZipTarget {
  module: string;
  version: string;
  /** The temp file's size at the previous poll: its end is read only once it stopped growing. */
  bytes?: number;
}

/** A watcher over one module cache. */
interface DownloadWatch {
  /** What the cache shows for each target now (at most `maxTargets`); concurrent calls share one poll. */
  poll(targets: ZipTarget[]): Promise<ZipObservation[]>;
  /** Polls the timeline's open zip downloads and applies what it sees at `now()` (the watchdog tick). */
  tick(t: Timeline, now: () => number): Promise<void>;
}

/** Where Go keeps module@version's zip and its temp file; undefined for a path or version Go could not cache. */
export function zipLocation(
  gomodcache: string,
  module: string,
  version: string,
): { dir: string; zip: string } | undefined {
  try {
    return {
      dir: join(gomodcache, 'cache', 'download', escapePath(module), '@v'),
      zip: `${escapeVersion(version)}.zip`,
    };
  } catch {
    return undefined;
  }
}

/** True for the temp file name Go gives a zip being downloaded: `<zip><digits>.tmp` (fetch.go tempFile). */
export function isZipTempName(name: string, zip: string): boolean {
  return name.startsWith(zip) && /^\d+\.tmp$/.test(name.slice(zip.length));
}

async function sizeOf(path: string): Promise<{ path: string; size: number; mtimeMs: number } | undefined> {
  try {
    const s = await fsp.stat(path);
    return { path, size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return undefined; // renamed or removed between readdir and stat
  }
}

/** A zip's end-of-central-directory record without a comment (the last 22 bytes): "PK\x05\x06" … */
const EOCD_SIZE = 22;

/**
 * True when the file of `size` bytes ends with the end-of-central-directory record of a zip whose central directory
 * ends right before it: the whole zip is there (module zips carry no archive comment: x/mod/zip Create; a zip with a
 * comment or zip64 records stays `partial`, as before this check). Go reads
 * the body to its end, then hashes and checks the file before renaming it (fetch.go downloadZip), so a temp file in
 * this state is being checked, or its response has not ended (core/tidy/progress.ts tells which).
 */
function isWholeZip(tail: Uint8Array, size: number): boolean {
  if (tail.length !== EOCD_SIZE || size < EOCD_SIZE) return false;
  const v = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  if (v.getUint32(0, true) !== 0x06054b50 || v.getUint16(20, true) !== 0) return false;
  const cdSize = v.getUint32(12, true);
  const cdOffset = v.getUint32(16, true);
  return cdOffset + cdSize + EOCD_SIZE === size;
}

/** Reads the last 22 bytes of a file; undefined when it is gone or shorter. */
async function tailOf(path: string, size: number): Promise<Uint8Array | undefined> {
  if (size < EOCD_SIZE) return undefined;
  try {
    const f = await fsp.open(path, 'r');
    try {
      const buf = new Uint8Array(EOCD_SIZE);
      const { bytesRead } = await f.read(buf, 0, EOCD_SIZE, size - EOCD_SIZE);
      return bytesRead === EOCD_SIZE ? buf : undefined;
    } finally {
      await f.close();
    }
  } catch {
    return undefined;
  }
}

/**
 * What the module cache shows for one zip download now; with `sumdbName` (the checksum database's name, asked only
 * for a whole zip: parsing GOSUMDB checks its key's hash, and a healthy run need not load node:crypto), whether a
 * whole zip's record is in the lookup cache. Never throws.
 */
export async function readZipProgress(
  gomodcache: string,
  target: ZipTarget,
  sumdbName?: () => string | undefined,
): Promise<ZipObservation> {
  const base = { module: target.module, version: target.version };
  const loc = zipLocation(gomodcache, target.module, target.version);
  if (!loc) return { ...base, state: 'absent', bytes: 0 };
  // Most zips a poll asks about are done: one stat says so, without reading the directory.
  const finished = await sizeOf(join(loc.dir, loc.zip));
  if (finished) return { ...base, state: 'complete', bytes: finished.size };
  let names: string[] = [];
  try {
    names = await fsp.readdir(loc.dir);
  } catch {
    // no directory yet: Go has not started this download
  }
  if (names.includes(loc.zip)) {
    // renamed from its temp file since the stat above
    const done = await sizeOf(join(loc.dir, loc.zip));
    if (done) return { ...base, state: 'complete', bytes: done.size };
  }
  // One writer holds the version lock; should another temp file be left, the most recently written one is Go's.
  const temps = await Promise.all(names.filter((n) => isZipTempName(n, loc.zip)).map((n) => sizeOf(join(loc.dir, n))));
  const newest = temps.filter((x) => x !== undefined).sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
  if (!newest) return { ...base, state: 'absent', bytes: 0 };
  const writtenAgoMs = Math.max(0, Date.now() - newest.mtimeMs);
  // A file still growing is not whole yet (and its end is not read on every poll of a long download).
  const tail = newest.size === target.bytes ? await tailOf(newest.path, newest.size) : undefined;
  if (tail && isWholeZip(tail, newest.size)) {
    const m = { path: target.module, version: target.version };
    const name = sumdbName?.();
    const lookupCached = name ? await sumdbLookupCached(gomodcache, name, m) : false;
    return { ...base, state: 'received', bytes: newest.size, writtenAgoMs, lookupCached };
  }
  return { ...base, state: 'partial', bytes: newest.size, writtenAgoMs };
}

/** Creates a watcher over `gomodcache` (Go's GOMODCACHE, from `go env`). */
export function createDownloadWatch(
  gomodcache: string,
  opts: { maxTargets?: number; sumdbName?: () => string | undefined } = {},
): DownloadWatch {
  const max = opts.maxTargets ?? 64;
  let inflight: Promise<ZipObservation[]> | null = null;
  const poll = (targets: ZipTarget[]): Promise<ZipObservation[]> => {
    inflight ??= Promise.all(targets.slice(0, max).map((x) => readZipProgress(gomodcache, x, opts.sumdbName))).finally(
      () => {
        inflight = null;
      },
    );
    return inflight;
  };
  return {
    poll,
    tick: async (t, now) => {
      const open = t.transfers
        .openZips()
        .map((z) => ({ module: z.module!, version: z.version!, ...(z.bytes !== undefined ? { bytes: z.bytes } : {}) }));
      if (open.length === 0) return;
      for (const o of await poll(open)) t.observeZip(o, now());
    },
  };
}

/**
 * The hashes of `dir`/go.sum (none when it cannot be read): without -x, whether a whole zip waits on the checksum
 * database depends on them (core/needs/fetch-rules.ts zipCheckAsksDatabase).
 */
export async function readGoSums(dir: string): Promise<GoSums> {
  // fs.readFile: a healthy run of Go < 1.21 reads this, and needs nothing else of fs/promises
  const text = await new Promise<string>((resolve) =>
    readFile(join(dir, 'go.sum'), 'utf8', (err, t) => resolve(err ? '' : t)),
  );
  return addGoSum(new Map(), parseGoSum(text));
}
