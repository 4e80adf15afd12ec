// The packages of a main module, found as `go mod tidy` finds them (modload/search.go matchPackages, pattern "all"):
// every directory under the module root except names starting with "." or "_", testdata, nested modules (a go.mod)
// what lies below vendor/ and directories go.mod's `ignore` lists, holding a Go file AnyTags builds (imports.ScanDir). Walking the tree ourselves,
// instead of `go list`, works offline with a cold module cache and with a go.mod that needs a newer Go.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { GomodctlError } from '../core/errors.js';
import { scanPackage } from '../core/needs/go-imports.js';
import { ignoreMatcher } from '../core/needs/ignore.js';
import { readGoFiles } from './module-cache.js';

/** Bound on directories walked, so a huge tree fails with a message instead of running for minutes. */
const MAX_DIRS = 50_000;

/** Import paths of the packages of the module rooted at `root` whose module path is `modPath`. */
export async function mainModulePackages(
  root: string,
  modPath: string,
  ignore: string[] = [],
  maxDirs = MAX_DIRS,
): Promise<string[]> {
  const ignored = ignoreMatcher(ignore);
  const out: string[] = [];
  const queue: string[] = [''];
  let walked = 0;
  while (queue.length > 0) {
    const rel = queue.shift()!;
    if (++walked > maxDirs)
      throw new GomodctlError(`${root} has more than ${maxDirs} directories; not walking it all`, 1);
    const dir = rel === '' ? root : join(root, ...rel.split('/'));
    const files = await readGoFiles(dir);
    if (files !== 'absent' && scanPackage(files) !== null) out.push(rel === '' ? modPath : `${modPath}/${rel}`);
    const name = rel.split('/').pop() ?? '';
    if (name === 'vendor') continue; // pruneVendor: vendor/ itself may be a package, nothing below it is
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('.') || e.name.startsWith('_') || e.name === 'testdata') continue;
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      if (ignored(childRel)) continue; // go.mod ignore directives (Go 1.25+)
      const sub: string[] = await readdir(join(dir, e.name)).catch(() => []);
      if (sub.includes('go.mod')) continue; // pruneGoMod: a nested module
      queue.push(childRel);
    }
  }
  return out.sort();
}
