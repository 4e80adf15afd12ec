// Builds dist/ once before the suite so end-to-end tests spawn the real CLI (node bin/gomodctl.js).
import { execFileSync, execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/**
 * vitest global setup: compile TypeScript and bundle tidy's fast path once per run (`npm test`, the same steps as
 * `npm run build`), unless SKIP_BUILD=1 (when you just built).
 */
export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  execSync('npm run --silent bundle', { cwd: root, stdio: 'inherit' }); // dist/fast: the bundled fast path of tidy
}
