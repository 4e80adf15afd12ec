// The version of a module Go resolved but has not finished checking, read from the module cache: Go < 1.21 prints no
// -x, and `go: finding module for package P` names no version, yet the checksum database is asked `/lookup/M@V`.
//
// Where Go writes (modfetch/cache.go, the same in Go 1.19, 1.26 and 1.27): Stat writes `@v/V.info` as soon as the
// proxy answered (writeDiskStat); GoMod writes `@v/V.mod` only after checkGoMod, i.e. after the checksum database's
// lookup of V/go.mod (checkModSum in fetch.go). So a `.info` without its `.mod` is a version whose go.mod is being
// fetched or looked up now. Checked with the real Go 1.19 (sumdb-blackhole: `V.info` and no `V.mod` while Go waits
// on /lookup/M@V).
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { escapePath, unescapeVersion } from '../core/escape.js';

/** Go's module cache for `env` (go help environment: GOMODCACHE, else the first GOPATH entry's pkg/mod). */
export function goModCache(env: NodeJS.ProcessEnv, gomodcache?: string): string | undefined {
  if (gomodcache) return gomodcache;
  if (env.GOMODCACHE) return env.GOMODCACHE;
  const gopath = env.GOPATH?.split(delimiter).find((p) => p !== '');
  if (gopath) return join(gopath, 'pkg', 'mod');
  const home = env.HOME || homedir();
  return home ? join(home, 'go', 'pkg', 'mod') : undefined;
}

/** The newest version of `module` whose `.info` is in the cache and whose `.mod` is not yet; undefined if none. */
export function resolvedVersion(gomodcache: string, module: string): string | undefined {
  let dir: string;
  let names: string[];
  try {
    dir = join(gomodcache, 'cache', 'download', escapePath(module), '@v');
    names = readdirSync(dir);
  } catch {
    return undefined; // no such directory (nothing resolved yet) or a path Go could not cache
  }
  const have = new Set(names);
  let best: { version: string; mtimeMs: number } | undefined;
  for (const n of names) {
    if (!n.endsWith('.info') || have.has(`${n.slice(0, -5)}.mod`)) continue;
    const version = unescapeVersion(n.slice(0, -5));
    if (!version) continue;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(join(dir, n)).mtimeMs;
    } catch {
      continue;
    }
    if (!best || mtimeMs > best.mtimeMs) best = { version, mtimeMs };
  }
  return best?.version;
}
