// The CLI surface: version agrees with package.json; every command's --help has examples; bad usage exits 2.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION } from '../../src/cli/version.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { makeHermeticGo } from '../helpers/go-env.js';

const COMMANDS = ['doctor', 'tidy', 'init', 'restore', 'env', 'route', 'check-proxy'];

describe('gomodctl CLI surface', () => {
  it('--version and -V print the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    const h = makeHermeticGo();
    for (const flag of ['--version', '-V']) {
      const r = await runCli([flag], { env: h.env });
      expect(r.stdout.trim()).toBe(pkg.version);
      expect(r.exitCode).toBe(0);
    }
    h.cleanup();
  });

  it.each(COMMANDS)('%s --help has examples and exits 0', async (cmd) => {
    const h = makeHermeticGo();
    const r = await runCli([cmd, '--help'], { env: h.env });
    h.cleanup();
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`Usage: gomodctl ${cmd}`);
    expect(r.stdout).toMatch(/Examples:\n\s+\$ gomodctl /);
  });

  it('an unknown command or option exits 2 with a hint, never a stack, as `gomodctl <command>: …`', async () => {
    const h = makeHermeticGo();
    const cases: Array<[string[], string]> = [
      [['bogus'], "gomodctl: unknown command 'bogus'"],
      [['doctor', '--bogus'], "gomodctl doctor: unknown option '--bogus'"],
      [['route'], "gomodctl route: missing required argument 'module'"],
    ];
    for (const [args, line] of cases) {
      const r = await runCli(args, { env: h.env });
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(line);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    h.cleanup();
  });

  it('a duration of 0 or without a unit exits 2 naming the flag and the value (issue 8)', async () => {
    const h = makeHermeticGo();
    const cases: Array<[string[], string]> = [
      [['doctor', '--timeout', '0'], 'gomodctl doctor: invalid --timeout "0": the duration must be more than 0'],
      [['tidy', '--stall', '0s'], 'gomodctl tidy: invalid --stall "0s": the duration must be more than 0'],
      [['check-proxy', 'https://p.test', '--timeout', '5'], 'gomodctl check-proxy: invalid --timeout "5": a duration'],
    ];
    for (const [args, start] of cases) {
      const r = await runCli(args, { env: h.env, cwd: h.dir });
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr.startsWith(start), r.stderr).toBe(true);
    }
    h.cleanup();
  });
});
