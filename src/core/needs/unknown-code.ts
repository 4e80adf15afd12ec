// Zips for packages whose code this prediction cannot read (their module is not on disk yet): the module's own go.mod
// lists the modules its packages and tests import (tidy keeps it so), and go.sum tells which of them an earlier
// `go mod tidy` loaded (modload/init.go keepSums keeps the zip hash of every module holding a loaded package).
import type { ModGraph } from './graph.js';
import { haveSum, type GoSums } from '../sumdb/go-sum.js';
import { compareGoVersions } from '../go-version.js';
import type { LoadResult } from './load-packages.js';
import type { MainSet } from './module-set.js';
import type { UseSet } from './uses.js';
import type { Certainty, ModVer } from './types.js';

const key = (m: ModVer): string => `${m.path}@${m.version}`;
const orig = (r: { orig: ModVer; actual: ModVer }) => (key(r.orig) === key(r.actual) ? {} : { orig: r.orig });
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
export function expandUnknown(
  uses: UseSet,
  spec: { set: MainSet; sums: GoSums; goVersion: string },
  k: Known,
  result: LoadResult,
  require: { path: string; indirect: boolean }[],
) {
  const known = new Set([...result.providers.values()].filter((p) => p.codeKnown).map((p) => key(p.mod)));
  const readsMod = compareGoVersions(spec.goVersion, '1.21') >= 0 && compareGoVersions(k.goLine, '1.21') >= 0; // !skipImportModFiles
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
