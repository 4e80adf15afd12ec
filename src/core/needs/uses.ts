// The files Go reads for one command (go.mod files, zips, .info), and how they become needs: network requests for
// what the module cache lacks, and checksum-database lookups for go.sum lines that are missing.
import { haveSum, type GoSums } from '../sumdb/go-sum.js';
import { sumdbName, useSumDB, zipNeedsNetwork, type CacheFiles, type SumdbSettings } from './fetch-rules.js';
import type { Certainty, ModVer, Need, NeedsCommand, NeedWhy } from './types.js';

/** One file Go reads for a module version (the version after replacement). */
export interface Use {
  what: 'info' | 'mod' | 'zip';
  mod: ModVer;
  why: NeedWhy;
  certainty: Certainty;
  from?: string;
  importPath?: string;
  /** The module version the requirement names, when a replacement supplies `mod`. */
  orig?: ModVer;
  /** Whether the go.mod came from the module cache, when the walk already knows. */
  cached?: boolean;
}

const RANK: Record<Certainty, number> = { sure: 3, likely: 2, possible: 1 };

/** The stronger of two certainties. */
const maxCertainty = (a: Certainty, b: Certainty): Certainty => (RANK[a] >= RANK[b] ? a : b);

/** Collects uses, one per (what, module version): the first reason, the strongest certainty. */
export class UseSet {
  private readonly byKey = new Map<string, Use>();

  add(u: Use): void {
    const k = `${u.what} ${u.mod.path}@${u.mod.version}`;
    const prev = this.byKey.get(k);
    if (!prev) this.byKey.set(k, u);
    else {
      prev.certainty = maxCertainty(prev.certainty, u.certainty);
      prev.cached ??= u.cached;
    }
  }

  has(what: Use['what'], m: ModVer): boolean {
    return this.byKey.has(`${what} ${m.path}@${m.version}`);
  }

  list(): Use[] {
    return [...this.byKey.values()];
  }
}

/** What turning uses into needs reads. */
interface FinalizeContext {
  command: NeedsCommand | 'toolchain';
  sums: GoSums;
  sumdb: SumdbSettings;
  cacheFiles(m: ModVer): Promise<CacheFiles>;
  /** Whether GOMODCACHE/cache/download/sumdb/<name>/lookup/<path>@<version> is there (client.go Lookup). */
  sumdbCached(name: string, m: ModVer): Promise<boolean>;
}

function needOf(u: Use, what: Need['what'], why: NeedWhy): Need {
  const n: Need = { module: u.mod.path, version: u.mod.version, what, why, certainty: u.certainty };
  if (u.from !== undefined) n.from = u.from;
  if (u.importPath !== undefined) n.importPath = u.importPath;
  if (u.orig) n.replaces = `${u.orig.path}@${u.orig.version}`;
  return n;
}

function needsNetwork(u: Use, files: CacheFiles, command: FinalizeContext['command']): boolean {
  if (u.what === 'info') return !files.info;
  if (u.what === 'mod') return u.cached !== undefined ? !u.cached : !files.mod;
  return zipNeedsNetwork(files, u.mod.path === 'golang.org/toolchain' ? 'toolchain' : command);
}

/**
 * The needs of a set of uses: a request for every file the cache lacks, and one lookup per module version whose
 * go.sum lines (zip and /go.mod) are missing, unless useSumDB says no or the lookup is cached (checkModSum).
 */
export async function finalizeUses(uses: Use[], ctx: FinalizeContext): Promise<Need[]> {
  const out: Need[] = [];
  const lookups = new Map<string, Use>();
  const db = sumdbName(ctx.sumdb.GOSUMDB);
  for (const u of uses) {
    const files = await ctx.cacheFiles(u.mod);
    if (needsNetwork(u, files, ctx.command)) out.push(needOf(u, u.what, u.why));
    if (u.what === 'info') continue;
    const suffix = u.what === 'mod' ? '/go.mod' : '';
    if (haveSum(ctx.sums, u.mod.path, u.mod.version, suffix) || !useSumDB(u.mod.path, ctx.sumdb)) continue;
    const k = `${u.mod.path}@${u.mod.version}`;
    const prev = lookups.get(k);
    lookups.set(k, prev ? { ...prev, certainty: maxCertainty(prev.certainty, u.certainty) } : u);
  }
  for (const u of lookups.values()) {
    // GOSUMDB=off (toolchains) or an invalid GOSUMDB: the lookup is still what Go attempts, and fails.
    if (db !== null && (await ctx.sumdbCached(db, u.mod))) continue;
    out.push(needOf(u, 'sumdb-lookup', u.mod.path === 'golang.org/toolchain' ? 'toolchain' : 'go.sum-missing'));
  }
  return out;
}
