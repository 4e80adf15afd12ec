// The module graph as cmd/go loads it: a port of modload/buildlist.go readModGraph (which go.mod files are read,
// with graph pruning) and mvs/graph.go (Selected: the highest version any loaded go.mod requires).
import { compareGoVersions, modCompare } from '../go-version.js';
import type { ModSummary, ModVer } from './types.js';

/** modload/modfile.go modPruning: how far below a module its requirements are followed. */
export type Pruning = 'pruned' | 'unpruned' | 'workspace';

/** modfile.go pruningForGoVersion: go.mod files before go 1.17 (gover.ExplicitIndirectVersion) do not prune. */
export function pruningForGo(go: string | null): 'pruned' | 'unpruned' {
  return go !== null && compareGoVersions(go, '1.17') >= 0 ? 'pruned' : 'unpruned';
}

/** What readModGraph walks from. */
interface GraphSpec {
  pruning: Pruning;
  /** The roots: the main module's requirements, or (workspace mode) the main modules themselves (version ""). */
  roots: ModVer[];
  /** The main modules (graph roots outside workspace mode; they require `roots`). */
  mainModules: string[];
  /** The go.mod summary of a module version (the caller applies replacements and exclusions), or the error. */
  summary(m: ModVer): Promise<ModSummary | Error>;
  /** At most this many go.mod reads at once (Go uses GOMAXPROCS). */
  concurrency?: number;
}

/** The loaded graph: which go.mod files were read and which version of each path is selected. */
export interface ModGraph {
  /** Module versions whose go.mod was read, in the order they were loaded. */
  loaded: ModVer[];
  /** Requirements of each loaded module, by "path@version". */
  required: Map<string, ModVer[]>;
  /** go.mod files that could not be read. */
  failed: { mod: ModVer; error: Error }[];
  /** mvs.Graph.Selected: the selected version of path, "" for a main module, "none" when not in the graph. */
  selected(path: string): string;
  /** Every selected module (main modules excluded). */
  buildList(): ModVer[];
}

/** modload/buildlist.go cmpVersion: "" (a main module) sorts above every version. */
export function cmpVersion(path: string, v1: string, v2: string): number {
  if (v2 === '') return v1 === '' ? 0 : -1;
  if (v1 === '') return 1;
  return modCompare(path, v1, v2);
}

const key = (m: ModVer): string => `${m.path}@${m.version}`;

class Selection {
  private readonly sel = new Map<string, string>();
  add(m: ModVer): void {
    if (cmpVersion(m.path, this.get(m.path), m.version) < 0) this.sel.set(m.path, m.version);
  }
  get(path: string): string {
    return this.sel.get(path) ?? 'none';
  }
  entries(): ModVer[] {
    return [...this.sel].map(([path, version]) => ({ path, version }));
  }
}

/** A bounded pool of async jobs (par.Queue): idle() resolves when every job added so far has finished. */
function jobQueue(limit: number) {
  let running = 0;
  const waiting: (() => Promise<void>)[] = [];
  const idle: (() => void)[] = [];
  const next = (): void => {
    while (running < limit && waiting.length > 0) {
      const job = waiting.shift()!;
      running++;
      void job().finally(() => {
        running--;
        next();
      });
    }
    if (running === 0 && waiting.length === 0) for (const r of idle.splice(0)) r();
  };
  return {
    add(job: () => Promise<void>): void {
      waiting.push(job);
      next();
    },
    idle(): Promise<void> {
      return running === 0 && waiting.length === 0 ? Promise.resolve() : new Promise((r) => void idle.push(r));
    },
  };
}

/** Port of readModGraph: loads go.mod files from the roots, following requirements as pruning allows. */
export async function readModGraph(spec: GraphSpec): Promise<ModGraph> {
  const selection = new Selection();
  const required = new Map<string, ModVer[]>();
  const loaded: ModVer[] = [];
  const failed: ModGraph['failed'] = [];
  const summaries = new Map<string, Promise<ModSummary | Error>>();
  const enqueued = new Set<string>();
  const queue = jobQueue(spec.concurrency ?? 8);
  const graphRoots =
    spec.pruning === 'workspace' ? spec.roots : spec.mainModules.map((path) => ({ path, version: '' }));
  for (const m of graphRoots) selection.add(m);
  if (spec.pruning !== 'workspace') for (const r of spec.roots) selection.add(r);

  const loadOne = (m: ModVer): Promise<ModSummary | Error> => {
    let p = summaries.get(key(m));
    if (!p) {
      p = spec.summary(m).then((s) => {
        if (s instanceof Error) failed.push({ mod: m, error: s });
        else {
          loaded.push(m);
          required.set(key(m), s.require);
          for (const r of s.require) selection.add(r);
        }
        return s;
      });
      summaries.set(key(m), p);
    }
    return p;
  };
  const enqueue = (m: ModVer, pruning: Pruning): void => {
    if (m.version === 'none' || enqueued.has(`${key(m)} ${pruning}`)) return;
    enqueued.add(`${key(m)} ${pruning}`);
    queue.add(async () => {
      const s = await loadOne(m);
      if (s instanceof Error) return; // findError reports it later
      const own = pruningForGo(s.go);
      const nextPruning = pruning === 'unpruned' ? 'unpruned' : own;
      for (const r of s.require) if (pruning !== 'pruned' || own === 'unpruned') enqueue(r, nextPruning);
    });
  };
  for (const m of spec.roots) enqueue(m, spec.pruning);
  await queue.idle();
  if (spec.pruning === 'workspace') await reloadWorkspaceDeps(spec.roots, selection, required, enqueue, queue.idle);
  return {
    loaded,
    required,
    failed,
    selected: (path) => selection.get(path),
    buildList: () => selection.entries().filter((m) => m.version !== ''),
  };
}

/**
 * readModGraph's workspace loop: dependencies of the main modules that another module upgrades are loaded again at
 * their selected versions, since the requirements of the lower version do not describe the build.
 */
async function reloadWorkspaceDeps(
  mains: ModVer[],
  selection: Selection,
  required: Map<string, ModVer[]>,
  enqueue: (m: ModVer, pruning: Pruning) => void,
  idle: () => Promise<void>,
): Promise<void> {
  const hasDepsInAll = new Set(mains.map((m) => m.path));
  const seen = new Set<string>();
  for (;;) {
    const needs = new Map<string, ModVer>();
    for (const p of hasDepsInAll) {
      const m = { path: p, version: selection.get(p) };
      if (!seen.has(key(m))) {
        needs.set(key(m), m);
        continue;
      }
      for (const r of required.get(key(m)) ?? []) {
        const s = { path: r.path, version: selection.get(r.path) };
        if (modCompare(r.path, s.version, r.version) > 0 && !seen.has(key(s))) needs.set(key(s), s);
      }
    }
    if (needs.size === 0) return;
    for (const m of needs.values()) {
      enqueue(m, 'workspace');
      seen.add(key(m));
      hasDepsInAll.add(m.path);
    }
    await idle();
  }
}

/** The first loaded module whose go.mod requires each module, by "path@version" (for Need.from). */
export function requirers(graph: ModGraph): Map<string, ModVer> {
  const by = new Map<string, ModVer>();
  for (const m of graph.loaded)
    for (const r of graph.required.get(key(m)) ?? []) if (!by.has(key(r))) by.set(key(r), m);
  return by;
}

/** Need.from for a module of the graph: the main go.mod for a main module's requirement, else "path@version". */
export function fromOf(parents: Map<string, ModVer>, m: ModVer, mainGoMod: string): string {
  const p = parents.get(key(m));
  return p && p.version !== '' ? key(p) : mainGoMod;
}
