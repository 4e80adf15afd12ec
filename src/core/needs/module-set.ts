// The main modules of one go command and how a module version's go.mod is read: replacements and exclusions
// (modload/modfile.go replacementFrom, goModSummary, rawGoModData) and the module cache before the network
// (modfetch/cache.go Fetcher.GoMod → readDiskGoMod, else the GOPROXY .mod request).
import { join, isAbsolute } from 'node:path';
import { parseGoMod, type GoMod, type GoModReplace } from '../gomod.js';
import type { CodeOwner } from './load-packages.js';
import type { ModSummary, ModVer } from './types.js';

/** A main module: its directory, go.mod file and parsed go.mod. */
interface MainModule {
  path: string;
  dir: string;
  goModPath: string;
  mod: GoMod;
}

/** How go.mod files of module versions are obtained (the edge: module cache files, an injected fetcher). */
export interface ModSource {
  /** The go.mod text of a module version from the module cache, or null when it is not cached. */
  cachedMod(m: ModVer): Promise<string | null>;
  /** Fetches a module version's go.mod through the network (the caller's route and probes); throws on failure. */
  getMod(m: ModVer): Promise<string>;
  /** The go.mod text in a directory (a directory replacement), or null when there is none. */
  localGoMod(dir: string): Promise<string | null>;
}

/** A module version's go.mod as it was read: the version read after replacement, and whether the cache had it. */
interface ModRead {
  /** The module version the requirement names. */
  orig: ModVer;
  /** The module version whose go.mod was read (the replacement, or orig). */
  actual: ModVer;
  cached: boolean;
}

const key = (m: ModVer): string => `${m.path}@${m.version}`;

interface Replacement {
  target: GoModReplace;
  baseDir: string;
}

/** The main modules with their replacements and exclusions. */
export class MainSet {
  private readonly replaceExact = new Map<string, Replacement>();
  private readonly replaceAny = new Map<string, Replacement>();
  private readonly excluded = new Set<string>();

  constructor(
    readonly modules: MainModule[],
    work: { dir: string; replace: GoModReplace[] } | null = null,
  ) {
    // replacementFrom: go.work replacements win over the modules' own (later modules do not override earlier ones).
    const sources = [
      ...(work ? [{ dir: work.dir, replace: work.replace }] : []),
      ...modules.map((m) => ({ dir: m.dir, replace: m.mod.replace })),
    ];
    for (const s of sources) {
      for (const r of s.replace) {
        const map = r.oldVersion ? this.replaceExact : this.replaceAny;
        const k = r.oldVersion ? `${r.oldPath}@${r.oldVersion}` : r.oldPath;
        if (!map.has(k)) map.set(k, { target: r, baseDir: s.dir });
      }
    }
    for (const m of modules) for (const e of m.mod.exclude ?? []) this.excluded.add(key(e));
  }

  isMain(path: string): boolean {
    return this.modules.some((m) => m.path === path);
  }

  /** modfile.go replacement: an exact "path version" entry first, then a path-only one. */
  private replacement(m: ModVer): Replacement | undefined {
    if (m.version === '' && this.isMain(m.path)) return undefined;
    return this.replaceExact.get(key(m)) ?? this.replaceAny.get(m.path);
  }

  /** Where the code of a module version comes from: a replacement directory, a replacement version, or itself. */
  owner(m: ModVer): CodeOwner {
    const r = this.replacement(m);
    if (!r) return { mod: m };
    const t = r.target;
    if (t.isLocal) return { dir: isAbsolute(t.newPath) ? t.newPath : join(r.baseDir, t.newPath) };
    return { mod: { path: t.newPath, version: t.newVersion ?? '' } };
  }

  /** goModSummary's exclusion filter. */
  isExcluded(m: ModVer): boolean {
    return this.excluded.has(key(m));
  }
}

/** Reads go.mod summaries for the graph walk, recording which go.mod files came from the cache or the network. */
export class ModLoader {
  readonly reads = new Map<string, ModRead>();
  /** go lines of the dependencies' go.mod files read, by "path@version" (for TooNewError: modfile.go). */
  readonly goLines = new Map<string, string>();
  private readonly texts = new Map<string, Promise<string | Error>>();

  constructor(
    private readonly set: MainSet,
    private readonly src: ModSource,
  ) {}

  /** The summary of a module version (replacement applied, excluded requirements dropped), or the error. */
  async summary(m: ModVer): Promise<ModSummary | Error> {
    const main = this.set.modules.find((x) => x.path === m.path && m.version === '');
    const text = main ? null : await this.text(m);
    if (text instanceof Error) return text;
    const mod = main ? main.mod : parseGoMod(text!);
    if (!main && mod.go) this.goLines.set(key(m), mod.go);
    const require = mod.require
      .map((r) => ({ path: r.path, version: r.version }))
      .filter((r) => !this.set.isExcluded(r));
    return { module: mod.module, go: mod.go, require };
  }

  /** go.mod files that could not be read (the fetcher failed, or a replacement directory has none). */
  readonly failures = new Map<string, Error>();

  private text(m: ModVer): Promise<string | Error> {
    let p = this.texts.get(key(m));
    if (!p) {
      p = this.read(m).catch((e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        this.failures.set(key(m), err);
        return err;
      });
      this.texts.set(key(m), p);
    }
    return p;
  }

  private async read(m: ModVer): Promise<string> {
    const owner = this.set.owner(m);
    if (owner.dir !== undefined) {
      const local = await this.src.localGoMod(owner.dir);
      if (local === null) throw new Error(`reading ${join(owner.dir, 'go.mod')}: no such file`);
      return local;
    }
    const actual = owner.mod!;
    const cached = await this.src.cachedMod(actual);
    this.reads.set(key(actual), { orig: m, actual, cached: cached !== null });
    return cached ?? (await this.src.getMod(actual));
  }

  /** The read of a module version's go.mod (after replacement), if the walk read it. */
  readOf(m: ModVer): ModRead | undefined {
    const owner = this.set.owner(m);
    return owner.mod ? this.reads.get(key(owner.mod)) : undefined;
  }
}
