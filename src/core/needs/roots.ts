// The roots of a pruned module graph as cmd/go settles them: go.mod's requirements at their highest listed version
// (Requirements.maxRootVersion), raised to the versions the graph selects until it agrees (modload/buildlist.go
// updatePrunedRoots, expandGraph). Each graph walked reads go.mod files, so every one is returned.
import { cmpVersion, readModGraph, type ModGraph } from './graph.js';
import type { MainSet, ModLoader } from './module-set.js';
import type { ModVer } from './types.js';

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

/** The graphs of the initial requirements (pruned: until the roots are settled). */
export async function firstGraphs(
  spec: { loader: ModLoader; set: MainSet },
  pruning: 'pruned' | 'unpruned',
  listed: Map<string, string>,
): Promise<ModGraph[]> {
  if (pruning === 'pruned') return (await settleRoots(spec, listed)).walked;
  const roots = [...listed].map(([path, version]) => ({ path, version }));
  const mainModules = spec.set.modules.map((m) => m.path);
  return [await readModGraph({ pruning, roots, mainModules, summary: (m) => spec.loader.summary(m) })];
}
