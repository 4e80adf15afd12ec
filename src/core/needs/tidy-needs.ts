// What `go mod tidy` reads in one module (modcmd/tidy.go runTidy → modload.LoadPackages "all" with tests): the go.mod
// files of the module graph, the zips of the modules that hold (or might hold) loaded packages, the go 1.16
// compatibility graph, provider go.mod files (go ≥ 1.21), and version queries for imports no module provides.
import { fromOf, pruningForGo, readModGraph, requirers, type ModGraph } from './graph.js';
import type { GoSums } from '../sumdb/go-sum.js';
import { compareGoVersions, prevGo } from '../go-version.js';
import { loadPackages, pathPrefixes, type CodeSource, type LoadResult } from './load-packages.js';
import type { MainSet, ModLoader } from './module-set.js';
import { queryNeeds } from './query-needs.js';
import { firstGraphs, rootVersions, settleRoots } from './roots.js';
import { expandUnknown } from './unknown-code.js';
import { UseSet, type Use } from './uses.js';
import type { ModVer, Need, NeedWhy } from './types.js';

/** What predicting one `go mod tidy` reads. */
interface TidySpec {
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
  const parents = requirers(graph);
  // A go.mod that could not be read is still one Go fetches (and fails on).
  for (const m of [...graph.loaded, ...graph.failed.map((f) => f.mod)]) {
    const read = spec.loader.readOf(m);
    if (!read) continue;
    const w = why(m);
    const from = w.from ?? fromOf(parents, m, spec.set.modules[0]!.goModPath);
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
function tidyCompatVersion(goLine: string, goVersion: string): string {
  return compareGoVersions(goVersion, '1.21') >= 0 && compareGoVersions(goLine, '1.21') >= 0 ? goLine : prevGo(goLine);
}

/** Records the zips a load fetched (the replacement's, when a module is replaced by another version). */
function recordZips(uses: UseSet, spec: TidySpec, result: LoadResult, graph: ModGraph): void {
  const parents = requirers(graph);
  const mainGoMod = spec.set.modules[0]!.goModPath;
  for (const f of result.fetched) {
    const owner = spec.set.owner(f.mod);
    if (!owner.mod) continue;
    const why: NeedWhy = f.testDep ? 'test-dep' : 'import';
    const from = fromOf(parents, f.mod, mainGoMod);
    uses.add({
      what: 'zip',
      mod: owner.mod,
      why,
      certainty: 'sure',
      from,
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
  recordZips(uses, spec, result, graph);
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
    recordZips(uses, spec, result, graph);
  }
  await compatCheck(uses, spec, roots, result, goLine, pruning);
  await providerMods(uses, spec, result, goLine);
  expandUnknown(uses, spec, { graph, listed, pruning, goLine }, result, main.mod.require);
  return { uses: uses.list(), queries: queryNeeds([...result.missing], spec.set) };
}

/** One loadFromRoots pass over the main packages with the given roots and graph. */
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
    tools: main.mod.tool ?? [],
    rootVersion: (p) => roots.get(p),
    pruning,
    graph,
    owner: (m) => spec.set.owner(m),
    closesOverTests: compareGoVersions(goLine, '1.16') < 0, // gover.NarrowAllVersion
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
  pruning: 'pruned' | 'unpruned',
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
    for (const p of pathPrefixes(path)) {
      const v = cg.selected(p);
      const owner = v === 'none' || v === '' ? null : spec.set.owner({ path: p, version: v });
      if (owner?.mod) uses.add({ what: 'zip', mod: owner.mod, why: 'compat', certainty: 'sure', importPath: path });
    }
  }
}

/** importFromModules with skipModFile false (tidy of a go ≥ 1.21 module on Go ≥ 1.21): the provider's go.mod is read. */
async function providerMods(uses: UseSet, spec: TidySpec, result: LoadResult, goLine: string) {
  if (compareGoVersions(spec.goVersion, '1.21') < 0 || compareGoVersions(goLine, '1.21') < 0) return; // gover.TidyGoModSumVersion
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
