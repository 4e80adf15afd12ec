// When a needed file costs a network request: the module cache rules of cmd/go/internal/modfetch/cache.go
// (readDiskStat, readDiskGoMod, DownloadDir) and fetch.go (Download, DownloadZip), and the checksum rules of
// fetch.go checkModSum / sumdb.go useSumDB (with the lookup cache of x/mod/sumdb client.go Lookup).
import { getVar } from '../config-model.js';
import type { ConfigModel } from '../config-types.js';
import { parseGosumdb } from '../gosumdb.js';
import { matchPrefixPatterns } from '../patterns.js';
import { haveSum, type GoSums } from '../sumdb/go-sum.js';
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

/** The settings as Go uses them: the model's effective values (`go env` reports GONOSUMDB defaulted to GOPRIVATE). */
export function sumdbSettingsOf(model: ConfigModel, env: NodeJS.ProcessEnv): SumdbSettings {
  const s: SumdbSettings = {
    GOSUMDB: getVar(model, 'GOSUMDB'),
    GONOSUMDB: getVar(model, 'GONOSUMDB'),
    GOPROXY: getVar(model, 'GOPROXY'),
  };
  if (env.GIT_HTTP_USER_AGENT !== undefined) s.GIT_HTTP_USER_AGENT = env.GIT_HTTP_USER_AGENT;
  return s;
}

/**
 * Whether Go, the whole zip of M@V read, asks the checksum database before renaming it (fetch.go downloadZip →
 * checkModSum → checkSumDB → lookupSumDB): not when go.sum has the zip's hash (haveModSumLocked) or useSumDB says
 * no, nor when M@V's record is in the lookup cache (`lookupCached`): x/mod/sumdb client.go Lookup reads
 * `<name>/lookup/<path>@<version>` first (sumdb.go dbClient.ReadCache: GOMODCACHE/cache/download/sumdb), and writes it
 * there after asking, so the go.mod's lookup earlier in the run (or in any run) leaves the zip's nothing to ask.
 * Go 1.27 asks for golang.org/toolchain whatever go.sum says (checkModSum): that is never a shortcut.
 */
export function zipCheckAsksDatabase(
  sums: GoSums,
  settings: SumdbSettings,
  module: string,
  version: string,
  lookupCached: boolean,
): boolean {
  if (!useSumDB(module, settings) || lookupCached) return false;
  return module === 'golang.org/toolchain' || !haveSum(sums, module, version, '');
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
