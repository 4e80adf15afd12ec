// bin/gomodctl.js runs `gomodctl tidy` from two CommonJS bundles (dist/fast/tidy-fast.cjs starts go, and loads
// dist/fast/tidy-fast-run.cjs while go runs), each compiled with V8's code cache beside it: a cache is written after a
// run, a cache V8 rejects (another V8, another build, garbage) is only slower, and the bundles' import() of the
// ES-module-only packages goes through the launcher (no experimental vm feature, no warning). Run on a copy of bin/
// and dist/fast/, so that the suite's own cache is never touched.
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';

const pkg = mkdtempSync(join(tmpdir(), 'gomodctl-launcher-'));
const h = makeHermeticGo();
afterAll(() => {
  rmSync(pkg, { recursive: true, force: true });
  h.cleanup();
});
for (const d of ['bin', 'dist/cli', 'dist/fast']) mkdirSync(join(pkg, d), { recursive: true });
const BUNDLES = ['dist/fast/tidy-fast.cjs', 'dist/fast/tidy-fast-run.cjs'];
for (const f of ['bin/gomodctl.js', 'bin/package.json', 'package.json', ...BUNDLES])
  copyFileSync(join(ROOT, f), join(pkg, f));
writeFileSync(join(pkg, 'dist/cli/main.js'), ''); // the launcher's "was it built" check; tidy never loads it
symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
const caches = BUNDLES.map((b) => join(pkg, `${b}.v8cache`));
const mod = join(h.dir, 'mod');
mkdirSync(mod);
writeFileSync(join(mod, 'go.mod'), 'module example.com/m\n\ngo 1.18\n');
writeFileSync(join(mod, 'main.go'), 'package main\n\nfunc main() {}\n');

/** `gomodctl tidy --explain` of a module without requirements (no network) through the copied launcher. */
const tidy = () =>
  execa(process.execPath, [join(pkg, 'bin/gomodctl.js'), 'tidy', '--explain', '--go', TEST_GO, '-C', mod], {
    env: h.env,
    extendEnv: false,
    reject: false,
    timeout: 30_000,
  });

describe('bin/gomodctl.js and the tidy bundle', () => {
  it('writes the code cache after the first run, and runs with it', async () => {
    for (const c of caches) expect(existsSync(c)).toBe(false);
    const first = await tidy();
    expect(first.exitCode, first.stderr).toBe(0);
    for (const c of caches) expect(existsSync(c), c).toBe(true);
    const second = await tidy();
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout).toContain('go mod tidy succeeded');
    expect(`${first.stderr}${second.stderr}`).not.toMatch(/Warning/);
  });

  it('a cache V8 rejects (garbage) changes nothing but the time, and is written anew', async () => {
    for (const c of caches) writeFileSync(c, 'not a V8 code cache');
    const r = await tidy();
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('go mod tidy succeeded');
    for (const c of caches) expect(statSync(c).size, c).toBeGreaterThan(1000);
  });

  it("every import() in the bundles names a package the launcher's import() loads (ora, execa)", () => {
    const text = BUNDLES.map((b) => readFileSync(join(ROOT, b), 'utf8')).join('\n');
    const calls = [...text.matchAll(/\bimport\(([^)]*)\)/g)].map((m) => m[1]);
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) expect(c).toMatch(/^"(ora|execa)"$/);
  });

  it('something left alive after the report (a handle past its bound) does not keep gomodctl up: exit 2 s later', async () => {
    // A preloaded module holds the event loop forever, as a socket or lookup that outlived its probe would.
    const leak = join(h.dir, 'leak.cjs');
    writeFileSync(leak, 'setInterval(() => {}, 1000);\n');
    const started = performance.now();
    const r = await execa(
      process.execPath,
      ['--require', leak, join(pkg, 'bin/gomodctl.js'), 'tidy', '--explain', '--go', TEST_GO, '-C', mod],
      { env: h.env, extendEnv: false, reject: false, timeout: 30_000 },
    );
    expect(r.timedOut).toBe(false);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('go mod tidy succeeded');
    expect(performance.now() - started).toBeLessThan(20_000); // not the 30 s kill: the 2 s exit did it
  });
});
