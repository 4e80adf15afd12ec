// What `go mod download` (no arguments) reads (modcmd/download.go runDownload): the module graph (LoadModGraph), then
// .info, .mod and .zip of every module it names — the go.mod requirements of a go ≥ 1.17 module, else "all" (the
// whole build list; always "all" in a workspace) — replaced modules by their replacement, directories never.
import { fromOf, pruningForGo, readModGraph, requirers, type ModGraph } from './graph.js';
import { compareGoVersions } from '../go-version.js';
import type { MainSet, ModLoader } from './module-set.js';
import { rootVersions, settleRoots } from './roots.js';
import type { CommandUses } from './tidy-needs.js';
import { UseSet } from './uses.js';
import type { ModVer, NeedWhy } from './types.js';

/** What predicting one `go mod download` reads. */
interface DownloadSpec {
  set: MainSet;
  loader: ModLoader;
  /** The go.work file when the command runs in workspace mode. */
  work: { path: string } | null;
}

const key = (m: ModVer): string => `${m.path}@${m.version}`;

async function loadGraph(spec: DownloadSpec): Promise<ModGraph> {
  const mains = spec.set.modules.map((m) => m.path);
  const summary = (m: ModVer) => spec.loader.summary(m);
  if (spec.work) {
    return readModGraph({
      pruning: 'workspace',
      roots: mains.map((path) => ({ path, version: '' })),
      mainModules: mains,
      summary,
    });
  }
  const main = spec.set.modules[0]!;
  const listed = rootVersions(main.mod.require.map((r) => ({ path: r.path, version: r.version })));
  if (pruningForGo(main.mod.go) === 'pruned') return (await settleRoots(spec, listed)).graph;
  const roots = [...listed].map(([path, version]) => ({ path, version }));
  return readModGraph({ pruning: 'unpruned', roots, mainModules: mains, summary });
}

/** The modules runDownload passes to ListModules: the requirements of a go ≥ 1.17 module, else "all". */
function targets(spec: DownloadSpec, graph: ModGraph): ModVer[] {
  const main = spec.set.modules[0]!;
  const all = spec.work !== null || main.mod.go === null || compareGoVersions(main.mod.go, '1.17') < 0;
  if (all)
    return graph.buildList().filter((m) => !spec.set.isMain(m.path) && m.path !== 'go' && m.path !== 'toolchain');
  const paths = [...new Set(main.mod.require.map((r) => r.path))];
  return paths
    .map((path) => ({ path, version: graph.selected(path) }))
    .filter((m) => m.version !== 'none' && m.version !== '');
}

/** Predicts the files `go mod download` reads in a module or workspace. */
export async function downloadUses(spec: DownloadSpec): Promise<CommandUses> {
  const uses = new UseSet();
  const graph = await loadGraph(spec);
  const from = spec.work?.path ?? spec.set.modules[0]!.goModPath;
  const parents = requirers(graph);
  // A go.mod that could not be read is still one Go fetches (and fails on).
  for (const m of [...graph.loaded, ...graph.failed.map((f) => f.mod)]) {
    const read = spec.loader.readOf(m);
    const parent = parents.get(key(m));
    if (!read) continue;
    const why: NeedWhy = !parent || parent.version === '' ? 'require' : 'unpruned-dep';
    const f = fromOf(parents, m, from);
    const o = key(read.orig) === key(read.actual) ? {} : { orig: read.orig };
    uses.add({ what: 'mod', mod: read.actual, why, certainty: 'sure', from: f, cached: read.cached, ...o });
  }
  for (const t of targets(spec, graph)) {
    const owner = spec.set.owner(t);
    if (!owner.mod) continue; // "main module or module replaced with file path. Nothing to download."
    const o = key(owner.mod) === key(t) ? {} : { orig: t };
    for (const what of ['info', 'mod', 'zip'] as const)
      uses.add({ what, mod: owner.mod, why: 'require', certainty: 'sure', from, ...o });
  }
  return { uses: uses.list(), queries: [] };
}
