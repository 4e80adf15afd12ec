// Reads the module cache the way cmd/go/internal/modfetch/cache.go does: GOMODCACHE/cache/download/<escaped path>/@v/
// <escaped version>.{info,mod,zip,ziphash,partial}, the extracted GOMODCACHE/<escaped path>@<version>, and the checksum
// database lookup cache GOMODCACHE/cache/download/sumdb/<name>/lookup/<path>@<version> (sumdb.go ReadCache).
import { promises as fsp } from 'node:fs'; // the CJS bundle reads fs.promises where used: not loaded on a healthy tidy's path (~2 ms)
import { join } from 'node:path';
import { escapePath, escapeVersion, unescapeVersion } from '../core/escape.js';
import type { CacheFiles } from '../core/needs/fetch-rules.js';
import { NO_CACHE } from '../core/needs/fetch-rules.js';
import type { GoSourceFile } from '../core/needs/go-imports.js';
import type { ModVer } from '../core/needs/types.js';

const exists = (p: string): Promise<boolean> =>
  fsp.stat(p).then(
    () => true,
    () => false,
  );
const isDir = (p: string): Promise<boolean> =>
  fsp.stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** Escaped [path, version], or null when Go could not name them in the cache either. */
function escaped(m: ModVer): [string, string] | null {
  try {
    return [escapePath(m.path), escapeVersion(m.version)];
  } catch {
    return null;
  }
}

/**
 * Whether the checksum database's record of m is in the lookup cache under GOMODCACHE `root` (an empty file counts as
 * absent: sumdb.go dbClient.ReadCache); x/mod/sumdb client.go Lookup reads it before asking, "/go.mod" trimmed.
 */
export async function sumdbLookupCached(root: string, dbName: string, m: ModVer): Promise<boolean> {
  const e = escaped({ path: m.path, version: m.version.replace(/\/go\.mod$/, '') });
  if (!e) return false;
  const file = join(root, 'cache', 'download', 'sumdb', ...dbName.split('/'), 'lookup', `${e[0]}@${e[1]}`);
  return fsp.stat(file).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );
}

/** cache.go oldVgoPrefix: a cached go.mod from vgo days is treated as absent (readDiskGoMod). */
const OLD_VGO = '//vgo 0.0.';

/** The module cache rooted at GOMODCACHE. */
export class ModuleCache {
  private readonly files = new Map<string, Promise<CacheFiles>>();
  private readonly mods = new Map<string, Promise<string | null>>();

  constructor(readonly root: string) {}

  private base(m: ModVer): string | null {
    const e = escaped(m);
    return e ? join(this.root, 'cache', 'download', e[0], '@v', e[1]) : null;
  }

  /** Which files of a module version are cached. */
  cacheFiles(m: ModVer): Promise<CacheFiles> {
    const k = `${m.path}@${m.version}`;
    let p = this.files.get(k);
    if (!p) {
      p = this.readFiles(m);
      this.files.set(k, p);
    }
    return p;
  }

  private async readFiles(m: ModVer): Promise<CacheFiles> {
    const base = this.base(m);
    const e = escaped(m);
    if (!base || !e || m.version === '') return NO_CACHE;
    const [info, mod, zip, ziphash, partial, dir] = await Promise.all([
      fsp.readFile(base + '.info', 'utf8').then(
        (t) => isJson(t),
        () => false,
      ),
      this.cachedMod(m).then((t) => t !== null),
      exists(base + '.zip'),
      exists(base + '.ziphash'),
      exists(base + '.partial'),
      isDir(join(this.root, `${e[0]}@${e[1]}`)),
    ]);
    return { info, mod, zip, ziphash, dir: dir && !partial };
  }

  /** The cached go.mod text of a module version, or null (readDiskGoMod); each file is read once per cache object. */
  cachedMod(m: ModVer): Promise<string | null> {
    const k = `${m.path}@${m.version}`;
    let p = this.mods.get(k);
    if (!p) {
      p = this.readMod(m);
      this.mods.set(k, p);
    }
    return p;
  }

  private async readMod(m: ModVer): Promise<string | null> {
    const base = this.base(m);
    if (!base) return null;
    const text = await fsp.readFile(base + '.mod', 'utf8').catch(() => null);
    return text === null || text.startsWith(OLD_VGO) ? null : text;
  }

  /** Whether the checksum database lookup for m is cached (sumdbLookupCached). */
  sumdbCached(dbName: string, m: ModVer): Promise<boolean> {
    return sumdbLookupCached(this.root, dbName, m);
  }

  /** The Go files of a package directory inside an extracted module, or 'unknown' when it is not extracted. */
  async packageFiles(m: ModVer, rel: string): Promise<GoSourceFile[] | 'absent' | 'unknown'> {
    const c = await this.cacheFiles(m);
    const e = escaped(m);
    if (!c.dir || !c.ziphash || !e) return 'unknown';
    return readGoFiles(join(this.root, `${e[0]}@${e[1]}`, ...rel.split('/').filter(Boolean)));
  }
}

function isJson(t: string): boolean {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/** The .go files of a directory (fsys.IsGoDir: none → 'absent'), with their text. */
export async function readGoFiles(dir: string): Promise<GoSourceFile[] | 'absent'> {
  const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => null);
  if (!entries) return 'absent';
  const names: string[] = [];
  for (const d of entries) {
    if (!d.name.endsWith('.go')) continue;
    if (
      d.isFile() ||
      (d.isSymbolicLink() &&
        (await fsp.stat(join(dir, d.name)).then(
          (s) => s.isFile(),
          () => false,
        )))
    )
      names.push(d.name);
  }
  if (names.length === 0) return 'absent';
  return Promise.all(
    names.sort().map(async (name) => ({ name, text: await fsp.readFile(join(dir, name), 'utf8').catch(() => '') })),
  );
}

/**
 * The newest version of `module` whose `.info` is cached and whose `.mod` is not yet: a version Go resolved and is
 * checking now. cache.go (the same in Go 1.19, 1.26 and 1.27): Stat writes `@v/V.info` as soon as the proxy answered
 * (writeDiskStat); GoMod writes `@v/V.mod` only after checkGoMod, i.e. after the checksum database's lookup of
 * V/go.mod (fetch.go checkModSum). Go < 1.21 prints no -x and `go: finding module for package P` names no version,
 * yet the database is asked `/lookup/M@V` (checked with the real Go 1.19: V.info and no V.mod while it waits there).
 */
export async function versionBeingChecked(root: string, module: string): Promise<string | undefined> {
  let dir: string;
  let names: string[];
  try {
    dir = join(root, 'cache', 'download', escapePath(module), '@v');
    names = await fsp.readdir(dir);
  } catch {
    return undefined; // nothing resolved yet, or a path Go could not cache
  }
  const have = new Set(names);
  const pending = names.filter((n) => n.endsWith('.info') && !have.has(`${n.slice(0, -5)}.mod`));
  const dated = await Promise.all(
    pending.map((n) =>
      fsp.stat(join(dir, n)).then(
        (st) => ({ version: unescapeVersion(n.slice(0, -5)), mtimeMs: st.mtimeMs }),
        () => undefined,
      ),
    ),
  );
  let best: { version: string; mtimeMs: number } | undefined;
  for (const d of dated)
    if (d?.version && (!best || d.mtimeMs > best.mtimeMs)) best = { version: d.version, mtimeMs: d.mtimeMs };
  return best?.version;
}
