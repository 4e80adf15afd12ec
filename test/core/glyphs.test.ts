// Glyphs: ✓ ✗ · → … where the terminal shows them, ASCII where it cannot (LANG=C, TERM=dumb, a legacy codeset, the
// Linux console, the legacy Windows console); the Windows cases are is-unicode-supported 2.1's.
import { describe, expect, it } from 'vitest';
import { asciiText, glyphs, isUnicodeTerminal } from '../../src/core/glyphs.js';
import { displayWidth } from '../../src/core/text-width.js';

describe('isUnicodeTerminal', () => {
  it.each([
    ['LANG=en_US.UTF-8', { LANG: 'en_US.UTF-8', TERM: 'xterm-256color' }, 'linux', true],
    ['LANG=zh_CN.UTF-8', { LANG: 'zh_CN.UTF-8' }, 'darwin', true],
    ['LANG=C.UTF-8', { LANG: 'C.UTF-8' }, 'linux', true],
    ['nothing set (containers, CI): UTF-8 logs', {}, 'linux', true],
    ['LANG=C', { LANG: 'C' }, 'linux', false],
    ['LC_ALL=POSIX', { LC_ALL: 'POSIX', LANG: 'en_US.UTF-8' }, 'linux', false],
    ['LC_CTYPE=C over LANG', { LC_CTYPE: 'C', LANG: 'en_US.UTF-8' }, 'linux', false],
    ['LC_ALL over LC_CTYPE', { LC_ALL: 'en_US.UTF-8', LC_CTYPE: 'C' }, 'linux', true],
    ['LANG=zh_CN.GB18030', { LANG: 'zh_CN.GB18030' }, 'linux', false],
    ['LANG=en_US.ISO-8859-1', { LANG: 'en_US.ISO-8859-1' }, 'linux', false],
    ['TERM=dumb', { LANG: 'en_US.UTF-8', TERM: 'dumb' }, 'linux', false],
    ['TERM=linux (kernel console)', { LANG: 'en_US.UTF-8', TERM: 'linux' }, 'linux', false],
    ['Windows Terminal', { WT_SESSION: 'x' }, 'win32', true],
    ['VS Code on Windows', { TERM_PROGRAM: 'vscode' }, 'win32', true],
    ['mintty (Git Bash)', { TERM: 'xterm-256color' }, 'win32', true],
    ['JetBrains on Windows', { TERMINAL_EMULATOR: 'JetBrains-JediTerm' }, 'win32', true],
    ['cmder', { ConEmuTask: '{cmd::Cmder}' }, 'win32', true],
    ['legacy console (cmd.exe, code page 936)', {}, 'win32', false],
    ['Windows Terminal with LANG=C (Git Bash)', { WT_SESSION: 'x', LANG: 'C' }, 'win32', false],
  ] as const)('%s', (_, env, platform, unicode) => {
    expect(isUnicodeTerminal(env, platform)).toBe(unicode);
  });
});

describe('glyphs', () => {
  it('Unicode marks, or ASCII marks of the same width (columns stay aligned)', () => {
    const u = glyphs({ LANG: 'en_US.UTF-8' }, 'linux');
    const a = glyphs({ LANG: 'C' }, 'linux');
    expect([u.ok, u.warn, u.fail, u.skip, u.dot, u.arrow, u.ellipsis]).toEqual(['✓', '!', '✗', '-', '·', '→', '…']);
    expect([a.ok, a.warn, a.fail, a.skip, a.dot, a.arrow, a.ellipsis]).toEqual(['+', '!', 'x', '-', '-', '->', '...']);
    expect(u.unicode && !a.unicode).toBe(true);
    for (const k of ['ok', 'warn', 'fail', 'skip'] as const) expect(displayWidth(a[k])).toBe(displayWidth(u[k]));
  });

  it('asciiText rewrites our typographic characters and keeps everything else (Chinese, paths)', () => {
    expect(asciiText('✓ proxy → direct … “ok” — done · 200')).toBe('+ proxy -> direct ... "ok" -- done - 200');
    expect(asciiText('C:\\Users\\张三\\go ✗')).toBe('C:\\Users\\张三\\go x');
    expect(asciiText('plain')).toBe('plain');
  });
});
