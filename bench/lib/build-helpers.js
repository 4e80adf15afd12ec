// Compiles the TypeScript test helpers the bench reuses (fault proxy, hermetic Go env, the tidy scenarios) with the
// project's tsc into bench/.build, so that the bench runs the SAME servers as the tests instead of a copy. dist/
// (npm run build) holds the CLI and the core modules the bench calls directly (probe engine, tidy classifier).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'bench', '.build');
const HELPERS = ['test/helpers/fault-proxy.ts', 'test/helpers/go-env.ts'];
const SCENARIOS = ['test/fixtures/tidy/scenarios.ts', 'test/fixtures/network/scenarios.ts'];

/** Links every entry of `src` that tsc did not write under `dst` (fixture data next to compiled fixture code). */
function linkMissing(src, dst) {
  if (!existsSync(dst)) return void symlinkSync(src, dst, 'dir');
  for (const e of readdirSync(src, { withFileTypes: true })) {
    const d = join(dst, e.name);
    if (!existsSync(d)) symlinkSync(join(src, e.name), d, e.isDirectory() ? 'dir' : 'file');
    else if (e.isDirectory()) linkMissing(join(src, e.name), d);
  }
}

/** Compiles `files` (paths from the root, and what they import) into bench/.build and imports them, merged. */
async function compileAndImport(files) {
  rmSync(OUT, { recursive: true, force: true });
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
  const opts = [
    '--ignoreConfig',
    '--outDir',
    OUT,
    '--rootDir',
    ROOT,
    '--module',
    'NodeNext',
    '--moduleResolution',
    'NodeNext',
    '--target',
    'ES2022',
    '--types',
    'node',
    '--skipLibCheck',
  ];
  execFileSync(tsc, [...opts, ...files.map((f) => join(ROOT, f))], { stdio: 'inherit', timeout: 120_000 });
  // The helpers find their fixtures (modules, TLS) relative to their own file: point that at the real ones. The
  // compiled scenarios live under test/fixtures too, so only what tsc did not write is linked.
  linkMissing(join(ROOT, 'test', 'fixtures'), join(OUT, 'test', 'fixtures'));
  const mods = await Promise.all(files.map((f) => import(pathToFileURL(join(OUT, f.replace(/\.ts$/, '.js'))).href)));
  return Object.assign({}, ...mods);
}

/** Compiles test/helpers/{fault-proxy,go-env}.ts (and what they import) and returns their modules. */
export function loadHelpers() {
  return compileAndImport(HELPERS);
}

/** The helpers plus the tidy and CONNECT scenarios of the tests (test/fixtures/{tidy,network}/scenarios.ts). */
export async function loadScenarios() {
  const all = await compileAndImport([...HELPERS, ...SCENARIOS]);
  if (!all.SCENARIOS || !all.CONNECT_SCENARIOS || !all.prepare || !all.startScenario)
    throw new Error('test/fixtures/{tidy,network}/scenarios.ts no longer export what bench/cause-table.js uses');
  return all;
}

/** Imports a module of the built CLI (dist/), e.g. "probes/http-probe.js". */
export function importDist(p) {
  return import(pathToFileURL(join(ROOT, 'dist', p)).href);
}
