// Finding the go binary on PATH, per OS (pure part tested by passing the platform in).
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executableNames, findExecutable } from '../../src/go/which.js';

describe('executableNames', () => {
  it('adds PATHEXT extensions on Windows only', () => {
    expect(executableNames('go', 'linux', undefined)).toEqual(['go']);
    expect(executableNames('go', 'darwin', '.EXE')).toEqual(['go']);
    expect(executableNames('go', 'win32', '.COM;.EXE;.BAT')).toEqual(['go.com', 'go.exe', 'go.bat']);
    expect(executableNames('go.exe', 'win32', '.EXE')).toEqual(['go.exe']);
  });
});

describe('findExecutable', () => {
  it('finds an executable on PATH and ignores non-executable files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'which-'));
    try {
      writeFileSync(join(dir, 'fakego'), '#!/bin/sh\n');
      writeFileSync(join(dir, 'notexec'), '');
      chmodSync(join(dir, 'fakego'), 0o755);
      expect(findExecutable('fakego', { PATH: `/nonexistent:${dir}` }, 'linux')).toBe(join(dir, 'fakego'));
      expect(findExecutable('notexec', { PATH: dir }, 'linux')).toBeNull();
      expect(findExecutable(join(dir, 'fakego'), { PATH: '' }, 'linux')).toBe(join(dir, 'fakego'));
      // a directory named like the command is passed over, as the shell does: the next PATH entry's file is found
      mkdirSync(join(dir, 'sub', 'fakego'), { recursive: true });
      expect(findExecutable('fakego', { PATH: `${join(dir, 'sub')}:${dir}` }, 'linux')).toBe(join(dir, 'fakego'));
      expect(findExecutable(join(dir, 'sub', 'fakego'), { PATH: '' }, 'linux')).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
