// Packaging (issue 8): the packed tarball installs into a fresh prefix with no registry and no dev dependencies (its
// runtime dependencies are bundled), and the installed command runs; the launcher of an unbuilt clone says what to run.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.js';
import { ROOT } from '../helpers/run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'gomodctl-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** npm with its cache, config and logs in the temporary directory: nothing of the developer's is read or written. */
function npm(args: string[], cwd: string): string {
  const env = { ...process.env, npm_config_cache: join(tmp, 'cache'), npm_config_userconfig: join(tmp, 'npmrc') };
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('package', () => {
  it('npm pack → npm install -g <tgz> --prefix <tmp> --offline: the installed gomodctl runs', () => {
    // dist/ is the suite's build (global setup): pack it as is instead of building again (prepack does, for release).
    npm(['pack', '--ignore-scripts', '--pack-destination', tmp], ROOT);
    const tgz = readdirSync(tmp).find((f) => /^gomodctl-.*\.tgz$/.test(f))!;
    expect(tgz).toBe(`gomodctl-${VERSION}.tgz`);
    const prefix = join(tmp, 'prefix');
    npm(['install', '-g', join(tmp, tgz), '--prefix', prefix, '--offline'], tmp);
    const bin = join(prefix, 'bin', 'gomodctl');
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 })).toBe(`${VERSION}\n`);
    // --help loads commander and every command's registration: the bundled runtime dependencies are there.
    expect(execFileSync(bin, ['doctor', '--help'], { encoding: 'utf8', timeout: 10_000 })).toContain(
      'Usage: gomodctl doctor',
    );
    const installed = JSON.parse(readFileSync(join(prefix, 'lib', 'node_modules', 'gomodctl', 'package.json'), 'utf8'));
    expect(installed.devDependencies).toBeDefined(); // declared, never installed:
    expect(readdirSync(join(prefix, 'lib', 'node_modules', 'gomodctl', 'node_modules'))).not.toContain('typescript');
  });

  it('bin/gomodctl.js without dist/ prints one line saying to run npm run build, exit 2', () => {
    const clone = join(tmp, 'clone');
    mkdirSync(join(clone, 'bin'), { recursive: true });
    copyFileSync(join(ROOT, 'bin', 'gomodctl.js'), join(clone, 'bin', 'gomodctl.js'));
    copyFileSync(join(ROOT, 'bin', 'package.json'), join(clone, 'bin', 'package.json')); // the launcher is CommonJS
    copyFileSync(join(ROOT, 'package.json'), join(clone, 'package.json'));
    for (const args of [['--version'], ['doctor']]) {
      let stderr = '';
      let status = 0;
      try {
        execFileSync(process.execPath, [join(clone, 'bin', 'gomodctl.js'), ...args], {
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (e) {
        ({ stderr, status } = e as { stderr: string; status: number });
      }
      expect(status).toBe(2);
      expect(stderr).toBe('gomodctl: dist/ is missing (a clone that was not built): run `npm run build` first\n');
    }
  });

  it('engines.node is the intersection of the pinned runtime dependencies (undici, @inquirer, mute-stream)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.engines.node).toBe('^20.18.1 || ^22.13.0 || >=23.5.0');
    expect(pkg.bundleDependencies).toEqual(Object.keys(pkg.dependencies));
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.scripts.prepare).toBeUndefined(); // a tarball install would run it without tsc
  });
});
