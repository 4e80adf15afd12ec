// What Go asks when an import is provided by no module in the build list (modload/import.go queryImport →
// query.go QueryPackages → QueryPattern): every path prefix that can be a module path is queried at once
// (queryPrefixModules): @v/list, then @latest when the list is empty (proxy.go Latest), and for each prefix that
// resolves to a version its .info (Stat), its .mod (retractions, then the graph) and its .zip (to look for the package).
import { splitPathVersion } from '../escape.js';
import { isStandardImportPath, pathPrefixes } from './load-packages.js';
import type { MainSet } from './module-set.js';
import type { Need } from './types.js';

/** query.go modulePrefixesExcludingTarget: prefixes of path that are valid module paths, main modules excluded. */
export function modulePrefixesExcludingTarget(path: string, mainPaths: string[]): string[] {
  return pathPrefixes(path).filter((p) => !mainPaths.includes(p) && splitPathVersion(p)[2]);
}

/** The requests Go makes to find a module for each missing import (none for std-looking paths: ImportMissingError). */
export function queryNeeds(missing: string[], set: MainSet): Need[] {
  const out: Need[] = [];
  const mains = set.modules.map((m) => m.path);
  for (const importPath of [...missing].sort()) {
    if (isStandardImportPath(importPath)) continue;
    for (const module of modulePrefixesExcludingTarget(importPath, mains)) {
      const base = { module, why: 'query' as const, importPath };
      out.push({ ...base, what: 'list', certainty: 'sure' });
      out.push({ ...base, what: 'latest', certainty: 'possible', condition: 'list-empty' });
      for (const what of ['info', 'mod', 'zip'] as const) {
        out.push({ ...base, what, certainty: 'possible', condition: 'list-resolves' });
      }
    }
  }
  return out;
}
