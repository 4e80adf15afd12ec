// The module graph walk (modload/buildlist.go readModGraph) with in-memory go.mod files: which go.mod files are read
// under pruning, and what MVS selects (mvs/graph.go).
import { describe, expect, it } from 'vitest';
import { cmpVersion, pruningForGo, readModGraph, type Pruning } from '../../../src/core/needs/graph.js';
import type { ModSummary, ModVer } from '../../../src/core/needs/types.js';

/** go.mod files by "path@version": "<go line> req1@v req2@v". */
function world(mods: Record<string, string>) {
  const reads: string[] = [];
  const summary = async (m: ModVer): Promise<ModSummary | Error> => {
    const k = `${m.path}@${m.version}`;
    reads.push(k);
    const text = mods[k];
    if (text === undefined) return new Error(`${k}: not found`);
    const [go, ...reqs] = text.split(' ').filter(Boolean);
    return {
      module: m.path,
      go: go === '-' ? null : go!,
      require: reqs.map((r) => ({ path: r.split('@')[0]!, version: r.split('@')[1]! })),
    };
  };
  return { reads, summary };
}

const roots = (...keys: string[]): ModVer[] => keys.map((k) => ({ path: k.split('@')[0]!, version: k.split('@')[1]! }));

async function walk(pruning: Pruning, rootKeys: string[], mods: Record<string, string>) {
  const w = world(mods);
  const g = await readModGraph({ pruning, roots: roots(...rootKeys), mainModules: ['m'], summary: w.summary });
  return { g, reads: [...new Set(w.reads)].sort() };
}

const MODS = {
  'a@v1.0.0': '1.18 b@v1.0.0 y@v1.0.0',
  'b@v1.0.0': '1.18 c@v1.0.0',
  'c@v1.0.0': '1.18',
  'y@v1.0.0': '1.18',
  'old@v1.0.0': '1.16 b@v1.1.0',
  'b@v1.1.0': '1.18 c@v1.1.0',
  'c@v1.1.0': '1.18',
  'legacy@v1.0.0': '- b@v1.0.0',
};

describe('readModGraph', () => {
  it('pruned: only the roots’ go.mod files; their requirements are in the graph without being read', async () => {
    const { g, reads } = await walk('pruned', ['a@v1.0.0'], MODS);
    expect(reads).toEqual(['a@v1.0.0']);
    expect([g.selected('b'), g.selected('y'), g.selected('c')]).toEqual(['v1.0.0', 'v1.0.0', 'none']);
  });
  it('a go < 1.17 (or go-line-less) root is followed all the way down, even through pruned modules', async () => {
    expect((await walk('pruned', ['old@v1.0.0'], MODS)).reads).toEqual(['b@v1.1.0', 'c@v1.1.0', 'old@v1.0.0']);
    expect((await walk('pruned', ['legacy@v1.0.0'], MODS)).reads).toEqual(['b@v1.0.0', 'c@v1.0.0', 'legacy@v1.0.0']);
  });
  it('unpruned: every go.mod reachable; MVS selects the highest version required anywhere', async () => {
    const { g, reads } = await walk('unpruned', ['a@v1.0.0', 'old@v1.0.0'], MODS);
    expect(reads).toEqual(['a@v1.0.0', 'b@v1.0.0', 'b@v1.1.0', 'c@v1.0.0', 'c@v1.1.0', 'old@v1.0.0', 'y@v1.0.0']);
    expect([g.selected('b'), g.selected('c')]).toEqual(['v1.1.0', 'v1.1.0']);
    expect(
      g
        .buildList()
        .map((m) => `${m.path}@${m.version}`)
        .sort(),
    ).toEqual(['a@v1.0.0', 'b@v1.1.0', 'c@v1.1.0', 'old@v1.0.0', 'y@v1.0.0']);
  });
  it('a go.mod that cannot be read is reported, and the walk goes on', async () => {
    const { g } = await walk('unpruned', ['a@v1.0.0', 'gone@v1.0.0'], MODS);
    expect(g.failed.map((f) => f.mod.path)).toEqual(['gone']);
    expect(g.selected('c')).toBe('v1.0.0');
  });
  it('pruning follows the go line (gover.ExplicitIndirectVersion = 1.17); "" (main module) sorts above all', () => {
    expect([pruningForGo('1.16'), pruningForGo('1.17'), pruningForGo(null), pruningForGo('1.21.0')]).toEqual([
      'unpruned',
      'pruned',
      'unpruned',
      'pruned',
    ]);
    expect([cmpVersion('m', '', 'v9.0.0'), cmpVersion('m', 'v1.0.0', ''), cmpVersion('m', '', '')]).toEqual([1, -1, 0]);
  });
});
