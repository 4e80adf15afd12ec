// When a needed file costs a network request: the module cache rules of cmd/go/internal/modfetch/cache.go
// (readDiskStat, readDiskGoMod, DownloadDir) and fetch.go (Download, DownloadZip), and the checksum rules of
// fetch.go checkModSum / sumdb.go useSumDB (with the lookup cache of x/mod/sumdb client.go Lookup).
import { parseGosumdb } from '../gosumdb.js';
import { matchPrefixPatterns } from '../patterns.js';
import type { NeedsCommand } from './types.js';

/** The module cache files of one module version (GOMODCACHE/cache/download/<escaped path>/@v/<version>.*). */
export interface CacheFiles {
  /** <v>.info exists and is JSON (readDiskStat). */
  info: boolean;
  /** <v>.mod exists and is not an old "//vgo 0.0." conversion (readDiskGoMod). */
  mod: boolean;
  /** <v>.zip exists. */
  zip: boolean;
  /** <v>.ziphash exists. */
  ziphash: boolean;
  /** GOMODCACHE/<escaped path>@<version> is a directory without a <v>.partial file (DownloadDir). */
  dir: boolean;
}

/** No files at all: a cold module cache. */
export const NO_CACHE: CacheFiles = { info: false, mod: false, zip: false, ziphash: false, dir: false };

/**
 * Whether the zip must be downloaded. `go mod download` calls DownloadZip (the zip must be there; a missing ziphash is
 * recomputed); every other path calls Download, which is also satisfied by a complete extracted directory
 * (DownloadDir needs its ziphash).
 */
export function zipNeedsNetwork(c: CacheFiles, command: NeedsCommand | 'toolchain'): boolean {
  if (c.zip) return false;
  return command === 'download' || !(c.dir && c.ziphash);
}

/** The checksum-database settings that decide lookups. */
export interface SumdbSettings {
  GOSUMDB: string;
  /** Effective GONOSUMDB (it defaults to GOPRIVATE). */
  GONOSUMDB: string;
  GOPROXY: string;
  /** GIT_HTTP_USER_AGENT from the environment (sumdb.go useSumDB exception #2). */
  GIT_HTTP_USER_AGENT?: string;
}

/** sumdb.go useSumDB: toolchains always (except a lone file:// GOPROXY); others unless GOSUMDB=off or GONOSUMDB. */
export function useSumDB(path: string, s: SumdbSettings): boolean {
  if (path === 'golang.org/toolchain') {
    const fileProxy = s.GOPROXY.startsWith('file://') && !/[,|]/.test(s.GOPROXY);
    const selfCheck = (s.GIT_HTTP_USER_AGENT ?? '').includes('proxy.golang.org');
    if (!fileProxy && !selfCheck) return true;
  }
  return s.GOSUMDB !== 'off' && !matchPrefixPatterns(s.GONOSUMDB, path);
}

/** The database name lookups are cached under (dbDial: the verifier key's name), or null when GOSUMDB is unusable. */
export function sumdbName(gosumdb: string): string | null {
  const r = parseGosumdb(gosumdb);
  return r.ok && r.config.kind === 'db' ? r.config.name : null;
}
