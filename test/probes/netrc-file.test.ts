// Where Go looks for .netrc per OS and version (cmd/go/internal/auth/netrc.go netrcPath), and reading it from disk.
import { describe, expect, it, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { getNetrcPath } from '../../src/core/netrc.js';
import { readNetrc } from '../../src/probes/netrc-file.js';

const dir = mkdtempSync(join(tmpdir(), 'gomodctl-netrc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('getNetrcPath', () => {
  it('$NETRC wins when non-empty', () => {
    expect(getNetrcPath({ platform: 'linux', env: { NETRC: '/x/netrc', HOME: '/home/u' } })).toBe('/x/netrc');
    expect(getNetrcPath({ platform: 'linux', env: { NETRC: '', HOME: '/home/u' } })).toBe('/home/u/.netrc');
  });
  it('Unix and macOS use $HOME/.netrc; no home → null', () => {
    expect(getNetrcPath({ platform: 'darwin', env: { HOME: '/Users/u' } })).toBe('/Users/u/.netrc');
    expect(getNetrcPath({ platform: 'linux', env: {} })).toBeNull();
  });
  it('Windows: ≤1.23 always %USERPROFILE%\\_netrc; 1.24+ _netrc if it exists, else .netrc', () => {
    const env = { USERPROFILE: 'C:\\Users\\u', HOME: '/ignored' };
    expect(getNetrcPath({ platform: 'win32', env, goVersion: 'go1.23.5' })).toBe('C:\\Users\\u\\_netrc');
    expect(getNetrcPath({ platform: 'win32', env, goVersion: 'go1.24.4', exists: () => false })).toBe(
      'C:\\Users\\u\\.netrc',
    );
    expect(getNetrcPath({ platform: 'win32', env, goVersion: 'go1.26.0', exists: (p) => p.endsWith('_netrc') })).toBe(
      'C:\\Users\\u\\_netrc',
    );
  });
});

describe('readNetrc', () => {
  it('reads $NETRC; a missing file gives []', async () => {
    const file = join(dir, 'netrc');
    writeFileSync(file, 'machine goproxy.corp.test login u password p\n');
    expect(await readNetrc({ NETRC: file })).toEqual([{ machine: 'goproxy.corp.test', login: 'u', password: 'p' }]);
    expect(await readNetrc({ NETRC: join(dir, 'absent') })).toEqual([]);
    expect(await readNetrc({ HOME: dir }, { platform: 'linux' })).toEqual([]);
  });
});
