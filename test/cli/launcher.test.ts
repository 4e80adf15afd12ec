// bin/gomodctl.js runs `gomodctl tidy` from one CommonJS bundle (dist/fast/tidy-fast.cjs) compiled with V8's code
// cache beside it: the cache is written after a run, a cache V8 rejects (another V8, another build, garbage) is only
// slower, and the bundle's import() of the ES-module-only packages goes through the launcher (no experimental vm
// feature, no warning). Run on a copy of bin/ and dist/fast/, so that the suite's own cache is never touched.
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
for (const f of ['bin/gomodctl.js', 'bin/package.json', 'package.json', 'dist/fast/tidy-fast.cjs'])
  copyFileSync(join(ROOT, f), join(pkg, f));
writeFileSync(join(pkg, 'dist/cli/main.js'), ''); // the launcher's "was it built" check; tidy never loads it
symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
const cache = join(pkg, 'dist/fast/tidy-fast.cjs.v8cache');
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
    expect(existsSync(cache)).toBe(false);
    const first = await tidy();
    expect(first.exitCode, first.stderr).toBe(0);
    expect(existsSync(cache)).toBe(true);
    const second = await tidy();
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout).toContain('go mod tidy succeeded');
    expect(`${first.stderr}${second.stderr}`).not.toMatch(/Warning/);
  });

  it('a cache V8 rejects (garbage) changes nothing but the time, and is written anew', async () => {
    writeFileSync(cache, 'not a V8 code cache');
    const r = await tidy();
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('go mod tidy succeeded');
    expect(statSync(cache).size).toBeGreaterThan(1000);
  });

  it("every import() in the bundle names a package the launcher's import() loads (ora, execa)", () => {
    const bundle = readFileSync(join(ROOT, 'dist/fast/tidy-fast.cjs'), 'utf8');
    const calls = [...bundle.matchAll(/\bimport\(([^)]*)\)/g)].map((m) => m[1]);
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) expect(c).toMatch(/^"(ora|execa)"$/);
  });
});
