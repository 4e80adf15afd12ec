// The packages `go mod tidy` loads and the module zips it fetches for them: a port of modload/load.go loadFromRoots
// and applyPkgFlags (pattern "all" with tests, imports.AnyTags) and modload/import.go importFromModules (every
// module whose path is a prefix of an import path is fetched, roots first in a pruned graph, then the whole graph).
import { checkImportPath } from '../escape.js';
import { scanPackage, type GoSourceFile } from './go-imports.js';
import type { ModGraph } from './graph.js';
import type { ModVer } from './types.js';

/** Where a module's code is: a directory (main module, directory replacement) or a module version's download. */
export interface CodeOwner {
  /** The module version whose zip holds the code (after replacement); absent for a directory. */
  mod?: ModVer;
  /** The directory for local code (main module or directory replacement). */
  dir?: string;
}

/** Reads package code from disk (the edge: main module, replacement directories, extracted module cache). */
export interface CodeSource {
  /**
   * The Go files of package directory `rel` ("" = module root) of `owner`: 'absent' when the directory has no .go
   * file (or, for local code, lies inside a nested module); 'unknown' when the module's code is not on disk.
   */
  packageFiles(owner: CodeOwner, rel: string): Promise<GoSourceFile[] | 'absent' | 'unknown'>;
}

/** What the loader needs to know about the modules. */
interface LoadSpec {
  /** The main modules and their directories. */
  mainModules: { path: string; dir: string }[];
  /** Import paths of the main modules' packages (modload matchPackages). */
  mainPackages: string[];
  /** go.mod `tool` packages (Go 1.24+): always in "all" (modload/load.go). */
  tools?: string[];
  /** The roots' versions (a pruned graph resolves imports from roots first: rs.rootSelected). */
  rootVersion(path: string): string | undefined;
  pruning: 'pruned' | 'unpruned';
  graph: ModGraph;
  /** The code owner of a module version (modload Replacement applied). */
  owner(m: ModVer): CodeOwner;
  /** "all" includes tests of every package in it (main module before go 1.16: gover.NarrowAllVersion). */
  closesOverTests: boolean;
  code: CodeSource;
}

/** A module version Go fetches (modfetch.Download) while resolving an import. */
interface ZipFetch {
  mod: ModVer;
  importPath: string;
  /** The package is only loaded for a test of a dependency (outside "all"). */
  testDep: boolean;
}

/** What loading found. */
export interface LoadResult {
  fetched: ZipFetch[];
  /** The module providing each loaded external package ("all" providers marked inAll). */
  providers: Map<string, { mod: ModVer; inAll: boolean; codeKnown: boolean }>;
  /** Import paths no module in the build list provides: Go queries for them (queryImport). */
  missing: Set<string>;
}

/** search.IsStandardImportPath: no dot in the first element. */
export const isStandardImportPath = (p: string): boolean => !(p.split('/')[0] ?? '').includes('.');

/** The path prefixes of an import path, longest first ("a/b/c", "a/b", "a"). */
export function pathPrefixes(p: string): string[] {
  const out: string[] = [];
  for (let q = p; q !== ''; q = q.includes('/') ? q.slice(0, q.lastIndexOf('/')) : '') out.push(q);
  return out;
}

interface Found {
  mod: ModVer;
  owner: CodeOwner;
  files: GoSourceFile[] | 'unknown';
  main: boolean;
}

/** Runs the load from the main packages; every package is visited once per flag set ("all" or test-only). */
export async function loadPackages(spec: LoadSpec): Promise<LoadResult> {
  const result: LoadResult = { fetched: [], providers: new Map(), missing: new Set() };
  const state = new Map<string, 'all' | 'test'>();
  const mainPkgs = new Set(spec.mainPackages);
  const jobs: Promise<void>[] = [];
  const visit = (path: string, inAll: boolean): void => {
    const prev = state.get(path);
    if (prev === 'all' || (prev === 'test' && !inAll)) return;
    state.set(path, inAll ? 'all' : 'test');
    jobs.push(loadOne(spec, path, inAll, mainPkgs.has(path), result, visit));
  };
  for (const p of [...spec.mainPackages, ...(spec.tools ?? [])]) visit(p, true);
  while (jobs.length > 0) await jobs.shift();
  return result;
}

async function loadOne(
  spec: LoadSpec,
  path: string,
  inAll: boolean,
  isMainPkg: boolean,
  result: LoadResult,
  visit: (path: string, inAll: boolean) => void,
): Promise<void> {
  if (path === 'C' || checkImportPath(path) !== null) return;
  const found = await resolveImport(spec, path, !inAll, result);
  if (!found) {
    if (!isStandardImportPath(path)) result.missing.add(path);
    return;
  }
  if (!found.main) {
    const prev = result.providers.get(path);
    result.providers.set(path, { mod: found.mod, inAll: inAll || !!prev?.inAll, codeKnown: found.files !== 'unknown' });
  }
  if (found.files === 'unknown') return;
  const scanned = scanPackage(found.files);
  if (!scanned) return;
  for (const imp of scanned.imports) visit(imp, inAll);
  // applyPkgFlags: every package in "all" is a root, so its test is loaded; the test's imports are in "all" only for
  // packages of the main module (or when "all" closes over tests).
  if (inAll) for (const imp of scanned.testImports) visit(imp, isMainPkg || found.main || spec.closesOverTests);
}

/** importFromModules: fetch every prefix module (roots first when pruned), keep those holding the package. */
async function resolveImport(
  spec: LoadSpec,
  path: string,
  testDep: boolean,
  result: LoadResult,
): Promise<Found | null> {
  const passes: ('roots' | 'graph')[] = spec.pruning === 'pruned' ? ['roots', 'graph'] : ['graph'];
  for (const pass of passes) {
    const hits: Found[] = [];
    for (const prefix of pathPrefixes(path)) {
      const main = spec.mainModules.find((m) => m.path === prefix);
      const version = main ? '' : pass === 'roots' ? spec.rootVersion(prefix) : spec.graph.selected(prefix);
      if (version === undefined || version === 'none' || prefix === 'go' || prefix === 'toolchain') continue;
      const mod = { path: prefix, version };
      const owner: CodeOwner = main ? { dir: main.dir } : spec.owner(mod);
      if (owner.mod) result.fetched.push({ mod, importPath: path, testDep });
      const rel = path === prefix ? '' : path.slice(prefix.length + 1);
      const files = await spec.code.packageFiles(owner, rel);
      if (files !== 'absent') hits.push({ mod, owner, files, main: !!main });
    }
    // More than one module holding the package is an ambiguous import (an error); prefer code known to hold it.
    const known = hits.find((h) => h.files !== 'unknown');
    if (known ?? hits[0]) return known ?? hits[0]!;
    if (isStandardImportPath(path)) return null;
  }
  return null;
}
