// Errors in --json mode: a clear sentence on stderr and still exactly one JSON document on stdout for CI.
import { expect, it } from 'vitest';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

it('go not found: exit 1, JSON document on stdout, the fix on stderr', async () => {
  const h = makeHermeticGo();
  try {
    const r = await runCli(['tidy', '--explain', '--json'], {
      env: { ...h.env, GOMODCTL_GO: '/nonexistent/go' },
      cwd: h.dir,
    });
    expect(r.exitCode).toBe(1);
    const doc = JSON.parse(r.stdout) as { command: string; outcome: string; problems: Array<{ cause: string }> };
    expect(doc).toMatchObject({ command: 'tidy', outcome: 'failed', problems: [{ cause: 'config' }] });
    expect(r.stderr).toContain('Go was not found');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  } finally {
    h.cleanup();
  }
});

it('bad usage with --json: exit 2, one JSON error document on stdout, the sentence on stderr', async () => {
  const h = makeHermeticGo();
  try {
    for (const args of [
      ['doctor', '--json', '--timeout', 'x'],
      ['tidy', '--json', '--go', '/nonexistent/go'],
      ['route', '--json', 'Bad'],
      ['env', '--json', '--go', '/nonexistent/go'],
    ]) {
      const r = await runCli(args, { env: h.env, cwd: h.dir });
      expect(r.exitCode, args.join(' ')).toBe(2);
      const doc = JSON.parse(r.stdout) as {
        schemaVersion: number;
        command: string;
        error: { exitCode: number; message: string };
      };
      expect(doc).toMatchObject({ schemaVersion: 1, command: args[0], error: { exitCode: 2 } });
      expect(r.stderr).toContain(doc.error.message);
    }
  } finally {
    h.cleanup();
  }
});

it('--go given a directory: exit 2, never "Go was not found"; a GOROOT gets its bin/go named', async () => {
  const h = makeHermeticGo();
  try {
    const goroot = join(h.dir, 'goroot');
    mkdirSync(join(goroot, 'bin'), { recursive: true });
    writeFileSync(join(goroot, 'bin', 'go'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(goroot, 'bin', 'go'), 0o755);
    for (const cmd of ['tidy', 'doctor']) {
      const r = await runCli([cmd, '--go', goroot], { env: h.env, cwd: h.dir });
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stderr).toContain(
        `--go "${goroot}" is a directory, not the go binary; give --go ${join(goroot, 'bin', 'go')}`,
      );
      const plain = await runCli([cmd, '--go', h.dir], { env: h.env, cwd: h.dir }); // no bin/go in it
      expect(plain.exitCode, plain.stderr).toBe(2);
      expect(plain.stderr).toContain('no such executable');
      expect(plain.stderr).not.toContain('Go was not found');
    }
  } finally {
    h.cleanup();
  }
});
