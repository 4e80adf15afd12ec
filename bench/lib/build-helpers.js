// Compiles the TypeScript test helpers the bench reuses (fault proxy, hermetic Go env) with the project's tsc into
// bench/.build, so that the bench runs the SAME servers as the tests instead of a copy. dist/ (npm run build) holds
// the CLI and the core modules the bench calls directly (probe engine, tidy classifier).
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'bench', '.build');

/** Compiles test/helpers/{fault-proxy,go-env}.ts (and what they import) and returns their modules. */
export async function loadHelpers() {
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
  const files = ['test/helpers/fault-proxy.ts', 'test/helpers/go-env.ts'].map((f) => join(ROOT, f));
  execFileSync(tsc, [...opts, ...files], { stdio: 'inherit', timeout: 120_000 });
  // The helpers find their fixtures (modules, TLS) relative to their own file: point that at the real ones.
  const link = join(OUT, 'test', 'fixtures');
  if (!existsSync(link)) symlinkSync(join(ROOT, 'test', 'fixtures'), link, 'dir');
  const imp = (p) => import(pathToFileURL(join(OUT, p)).href);
  const [proxy, goEnv] = await Promise.all([imp('test/helpers/fault-proxy.js'), imp('test/helpers/go-env.js')]);
  return { ...proxy, ...goEnv };
}

/** Imports a module of the built CLI (dist/), e.g. "probes/http-probe.js". */
export function importDist(p) {
  return import(pathToFileURL(join(ROOT, 'dist', p)).href);
}
