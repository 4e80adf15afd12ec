// What `go mod tidy` reads in one module (modcmd/tidy.go runTidy → modload.LoadPackages "all" with tests): the go.mod
// files of the module graph, the zips of the modules that hold (or might hold) loaded packages, the go 1.16
// compatibility graph, provider go.mod files (go ≥ 1.21), and version queries for imports no module provides.
import { cmpVersion, pruningForGo, readModGraph, type ModGraph } from './graph.js';
import { haveSum, type GoSums } from './gosum.js';
import { compareGo, prevGo } from './gover.js';
import { loadPackages, type CodeSource, type LoadResult } from './load-packages.js';
import type { MainSet, ModLoader } from './module-set.js';
import { queryNeeds } from './query-needs.js';
import { UseSet, type Use } from './uses.js';
import type { Certainty, ModVer, Need, NeedWhy } from './types.js';

/** What predicting one `go mod tidy` reads. */
export interface TidySpec {
  set: MainSet;
  /** Import paths of the main module's packages. */
  packages: string[];
  loader: ModLoader;
  code: CodeSource;
  /** The Go that runs tidy (after any toolchain switch), e.g. "1.26.8". */
  goVersion: string;
  sums: GoSums;
}

/** The files one command reads, plus the query needs of missing imports. */
export interface CommandUses {
  uses: Use[];
  queries: Need[];
}

const key = (m: ModVer): string => `${m.path}@${m.version}`;

/** Records the go.mod reads of a graph walk, naming why each go.mod was read. */
function recordGraph(
  uses: UseSet,
  spec: TidySpec,
  graph: ModGraph,
  why: (m: ModVer) => { why: NeedWhy; from?: string },
) {
  const parents = new Map<string, ModVer>();
  for (const m of graph.loaded)
    for (const r of graph.required.get(key(m)) ?? []) if (!parents.has(key(r))) parents.set(key(r), m);
  for (const m of graph.loaded) {
    const read = spec.loader.readOf(m);
    if (!read) continue;
    const w = why(m);
    const parent = parents.get(key(m));
    const from = w.from ?? (parent && parent.version !== '' ? key(parent) : spec.set.modules[0]!.goModPath);
    uses.add({
      what: 'mod',
      mod: read.actual,
      why: w.why,
      certainty: 'sure',
      from,
      cached: read.cached,
      ...orig(read),
    });
  }
}

const orig = (r: { orig: ModVer; actual: ModVer }) => (key(r.orig) === key(r.actual) ? {} : { orig: r.orig });

/** modload/load.go: the compatibility version tidy checks (Go ≥ 1.21 stops at gover.GoStrictVersion). */
export function tidyCompatVersion(goLine: string, goVersion: string): string {
  return compareGo(goVersion, '1.21') >= 0 && compareGo(goLine, '1.21') >= 0 ? goLine : prevGo(goLine);
}

/** updatePrunedRoots / expandGraph: raise each root to its selected version until the graph agrees (every graph walked). */
export async function settleRoots(spec: { loader: ModLoader; set: MainSet }, start: Map<string, string>) {
  const roots = new Map(start);
  const walked: ModGraph[] = [];
  for (;;) {
    const graph = await readModGraph({
      pruning: 'pruned',
      roots: [...roots].map(([path, version]) => ({ path, version })),
      mainModules: spec.set.modules.map((m) => m.path),
      summary: (m) => spec.loader.summary(m),
    });
    walked.push(graph);
    let changed = false;
    for (const [p, v] of roots) {
      const s = graph.selected(p);
      if (s !== 'none' && cmpVersion(p, s, v) > 0) {
        roots.set(p, s);
        changed = true;
      }
    }
    if (!changed) return { roots, graph, walked };
  }
}

/** The highest version of each root path (Requirements.maxRootVersion). */
export function rootVersions(require: ModVer[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of require)
    if (!m.has(r.path) || cmpVersion(r.path, r.version, m.get(r.path)!) > 0) m.set(r.path, r.version);
  return m;
}

function recordZips(uses: UseSet, spec: TidySpec, result: LoadResult, why?: NeedWhy): void {
  for (const f of result.fetched) {
    const owner = spec.set.owner(f.mod);
    if (!owner.mod) continue;
    const w: NeedWhy = why ?? (f.testDep ? 'test-dep' : 'import');
    uses.add({
      what: 'zip',
      mod: owner.mod,
      why: w,
      certainty: 'sure',
      importPath: f.importPath,
      ...orig({ orig: f.mod, actual: owner.mod }),
    });
  }
}

/** Predicts the files `go mod tidy` reads for the module of spec.set (one main module, go.work ignored: tidy.go). */
export async function tidyUses(spec: TidySpec): Promise<CommandUses> {
  const main = spec.set.modules[0]!;
  const goLine = main.mod.go ?? '1.16'; // gover.DefaultGoModVersion
  const pruning = pruningForGo(goLine);
  const uses = new UseSet();
  const listed = rootVersions(main.mod.require.map((r) => ({ path: r.path, version: r.version })));
  let roots = listed;
  const rootWhy = (m: ModVer): { why: NeedWhy; from?: string } =>
    listed.get(m.path) === m.version
      ? { why: 'require', from: main.goModPath }
      : listed.has(m.path)
        ? { why: 'upgraded-root', from: main.goModPath }
        : { why: 'unpruned-dep' };
  const first = await firstGraphs(spec, pruning, listed);
  for (const g of first) recordGraph(uses, spec, g, rootWhy);
  let graph = first[first.length - 1]!;
  let result = await load(spec, roots, graph, pruning, goLine);
  recordZips(uses, spec, result);
  for (let i = 0; pruning === 'pruned' && i < 8; i++) {
    const next = new Map(roots);
    for (const p of result.providers.values())
      if (p.inAll && !next.has(p.mod.path)) next.set(p.mod.path, p.mod.version);
    const settled = await settleRoots(spec, next);
    if ([...settled.roots].every(([p, v]) => roots.get(p) === v) && settled.roots.size === roots.size) break;
    [roots, graph] = [settled.roots, settled.graph];
    for (const g of settled.walked)
      recordGraph(uses, spec, g, (m) => (roots.has(m.path) && !listed.has(m.path) ? { why: 'import' } : rootWhy(m)));
    result = await load(spec, roots, graph, pruning, goLine);
    recordZips(uses, spec, result);
  }
  await compatCheck(uses, spec, roots, result, goLine, pruning);
  await providerMods(uses, spec, result, goLine);
  expandUnknown(uses, spec, { graph, listed, pruning, goLine }, result, main.mod.require);
  return { uses: uses.list(), queries: queryNeeds([...result.missing], spec.set) };
}

/** The graphs of the initial requirements (pruned: until the roots are settled). */
async function firstGraphs(
  spec: TidySpec,
  pruning: 'pruned' | 'unpruned',
  listed: Map<string, string>,
): Promise<ModGraph[]> {
  if (pruning === 'pruned') return (await settleRoots(spec, listed)).walked;
  const roots = [...listed].map(([path, version]) => ({ path, version }));
  const mainModules = [spec.set.modules[0]!.path];
  return [await readModGraph({ pruning, roots, mainModules, summary: (m) => spec.loader.summary(m) })];
}

function load(
  spec: TidySpec,
  roots: Map<string, string>,
  graph: ModGraph,
  pruning: 'pruned' | 'unpruned',
  goLine: string,
) {
  const main = spec.set.modules[0]!;
  return loadPackages({
    mainModules: [{ path: main.path, dir: main.dir }],
    mainPackages: spec.packages,
    rootVersion: (p) => roots.get(p),
    pruning,
    graph,
    owner: (m) => spec.set.owner(m),
    closesOverTests: compareGo(goLine, '1.16') < 0, // gover.NarrowAllVersion
    code: spec.code,
  });
}

/** checkTidyCompatibility: a go 1.17 module is also loaded as go 1.16 would (unpruned graph, every prefix module). */
async function compatCheck(
  uses: UseSet,
  spec: TidySpec,
  roots: Map<string, string>,
  result: LoadResult,
  goLine: string,
  pruning: string,
) {
  if (pruning !== 'pruned' || pruningForGo(tidyCompatVersion(goLine, spec.goVersion)) !== 'unpruned') return;
  const main = spec.set.modules[0]!;
  const cg = await readModGraph({
    pruning: 'unpruned',
    roots: [...roots].map(([path, version]) => ({ path, version })),
    mainModules: [main.path],
    summary: (m) => spec.loader.summary(m),
  });
  recordGraph(uses, spec, cg, () => ({ why: 'compat' }));
  for (const path of result.providers.keys()) {
    for (let p = path; p !== ''; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
      const v = cg.selected(p);
      const owner = v === 'none' || v === '' ? null : spec.set.owner({ path: p, version: v });
      if (owner?.mod) uses.add({ what: 'zip', mod: owner.mod, why: 'compat', certainty: 'sure', importPath: path });
    }
  }
}

/** importFromModules with skipModFile false (tidy of a go ≥ 1.21 module on Go ≥ 1.21): the provider's go.mod is read. */
async function providerMods(uses: UseSet, spec: TidySpec, result: LoadResult, goLine: string) {
  if (compareGo(spec.goVersion, '1.21') < 0 || compareGo(goLine, '1.21') < 0) return; // gover.TidyGoModSumVersion
  for (const [importPath, p] of result.providers) {
    if (!spec.set.owner(p.mod).mod) continue;
    await spec.loader.summary(p.mod);
    const read = spec.loader.readOf(p.mod);
    if (read)
      uses.add({
        what: 'mod',
        mod: read.actual,
        why: 'import',
        certainty: 'sure',
        importPath,
        cached: read.cached,
        ...orig(read),
      });
  }
}

const minCertainty = (a: Certainty, b: Certainty): Certainty =>
  a === 'possible' || b === 'possible' ? 'possible' : a === 'likely' || b === 'likely' ? 'likely' : 'sure';

/** The graph state expandUnknown reads. */
interface Known {
  graph: ModGraph;
  listed: Map<string, string>;
  pruning: 'pruned' | 'unpruned';
  goLine: string;
}

/**
 * Zips Go reads for packages this prediction cannot see (their module's code is not on disk): the requirements of
 * such a module may hold its imports (tidy-ed go.mod files list them). go.sum narrows this down: keepSums keeps the zip
 * hash of every module holding a loaded package, so a requirement with a zip hash is likely loaded, and one without
 * it, below a module whose zip hash is there (an earlier tidy loaded its imports), is not.
 */
function expandUnknown(
  uses: UseSet,
  spec: TidySpec,
  k: Known,
  result: LoadResult,
  require: { path: string; indirect: boolean }[],
) {
  const known = new Set([...result.providers.values()].filter((p) => p.codeKnown).map((p) => key(p.mod)));
  const readsMod = compareGo(spec.goVersion, '1.21') >= 0 && compareGo(k.goLine, '1.21') >= 0; // !skipImportModFiles
  const frontier: { m: ModVer; c: Certainty }[] = [];
  const seen = new Set<string>();
  const add = (m: ModVer, c: Certainty): void => {
    if (m.version === '' || m.version === 'none' || m.path === 'go' || m.path === 'toolchain') return;
    const owner = spec.set.owner(m);
    if (!owner.mod) return; // a directory replacement: its code is on disk
    const o = orig({ orig: m, actual: owner.mod });
    uses.add({ what: 'zip', mod: owner.mod, why: 'import', certainty: c, ...o });
    if (readsMod) uses.add({ what: 'mod', mod: owner.mod, why: 'import', certainty: c, ...o });
    if (!seen.has(key(m)) && !known.has(key(m))) frontier.push({ m, c });
    seen.add(key(m));
  };
  // A pruned graph resolves imports from the roots as go.mod lists them first, then again once roots are raised.
  const versions = (path: string): string[] => {
    const sel = k.graph.selected(path);
    const first = k.pruning === 'pruned' ? k.listed.get(path) : undefined;
    return first !== undefined && first !== sel ? [first, sel] : [sel];
  };
  const sum = (m: ModVer, suffix: '' | '/go.mod'): boolean => {
    const o = spec.set.owner(m).mod;
    return !!o && haveSum(spec.sums, o.path, o.version, suffix);
  };
  for (const p of result.providers.values()) {
    if (!p.codeKnown && !seen.has(key(p.mod))) {
      seen.add(key(p.mod));
      frontier.push({ m: p.mod, c: 'sure' });
    }
  }
  // A root marked // indirect is there for a package some dependency imports (tidy writes only those), unless go.sum
  // holds its go.mod hash without its zip hash, as a tidy go.sum does for modules whose packages are not loaded.
  for (const r of require) {
    if (!r.indirect) continue;
    for (const version of versions(r.path)) {
      const m = { path: r.path, version };
      add(m, sum(m, '/go.mod') && !sum(m, '') ? 'possible' : 'likely');
    }
  }
  while (frontier.length > 0) {
    const { m, c } = frontier.shift()!;
    const evidence = sum(m, '');
    for (const r of k.graph.required.get(key(m)) ?? []) {
      for (const version of versions(r.path)) {
        const dep = { path: r.path, version };
        if (sum(dep, '')) add(dep, minCertainty(c, 'likely'));
        else if (!evidence) add(dep, 'possible');
      }
    }
  }
}
