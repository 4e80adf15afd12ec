// Display width, padding and wrapping for mixed Chinese/English text. Widths are checked against string-width (the
// library we chose not to load at start-up) for every code point, and wrapping at 60–80 columns in both languages:
// no line wider than the limit unless it is one unbreakable word, no line starting with closing punctuation.
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { eastAsianWidth } from 'get-east-asian-width';
import { displayWidth, isWideCodePoint, noBreak, padEnd, wrap } from '../../src/core/text-width.js';

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['GOPROXY', 7],
    ['模块代理', 8],
    ['模块代理 goproxy.cn', 19],
    ['（全角括号）', 12],
    ['✓ ! ✗ · → …', 11],
    ['\x1b[32m✓\x1b[39m ok', 4],
    ['\x1b]8;;https://goproxy.cn\x07链接\x1b]8;;\x07', 4],
    ['e\u0301', 1],
    ['a\u200bb', 2],
    ['𠀀', 2], // CJK Extension B: a surrogate pair, two columns
    ['ｇｏ', 4],
    ['ｶﾞ', 2], // halfwidth katakana and a halfwidth voiced mark: one column each
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
    expect(stringWidth(text)).toBe(width);
  });

  it('the wide table is get-east-asian-width 1.7 (Unicode 17) for every code point', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (isWideCodePoint(cp) !== (eastAsianWidth(cp) === 2)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  // Planes 0, 1 and 14 hold every zero-width and emoji code point; planes 2 and 3 (CJK extensions) are all in the
  // wide table test above. (All 1.1 million code points agree too: 0 differences, but that takes 10 s.)
  it('equals string-width for every code point of planes 0, 1 and 14', () => {
    const wrong: string[] = [];
    for (const [from, to] of [
      [0, 0x1ffff],
      [0xe0000, 0xeffff],
    ] as const) {
      for (let cp = from; cp <= to; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const ch = String.fromCodePoint(cp);
        if (displayWidth(ch) !== stringWidth(ch)) wrong.push(cp.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('padEnd', () => {
  it('pads to display columns, not UTF-16 units', () => {
    expect(padEnd('模块', 6)).toBe('模块  ');
    expect(padEnd('GOPROXY', 9)).toBe('GOPROXY  ');
    expect(padEnd('校验和数据库', 4)).toBe('校验和数据库');
    expect(displayWidth(padEnd('\x1b[1m代理\x1b[22m', 10))).toBe(10);
  });
});

const ZH =
  'GOPROXY 中的每个模块代理都会被并发探测（DNS、连接、TLS 握手、首字节），每项的超时为 5 秒；' +
  '对每个失败给出可以直接复制的修复命令，并说明 go 自己在这一步会等待多久。私有模块（GOPRIVATE 匹配的路径）' +
  '从不发送给公共模块代理或校验和数据库。';
const EN =
  'probes every GOPROXY entry, the checksum database and your private hosts concurrently, phase by phase (DNS, ' +
  'connect, TLS, first byte), and gives each failure the exact fix to copy; paths matching GOPRIVATE are never ' +
  'sent to a public proxy: https://proxy.golang.org/github.com/!burnt!sushi/toml/@v/v1.3.2.info';
const CLOSERS = /^[，。、；：？！）」』】》]/u;

describe('wrap', () => {
  it.each([60, 64, 72, 80])(
    'Chinese and English at %i columns: within the width, no line opening with a closer',
    (cols) => {
      for (const text of [ZH, EN, `  ${ZH}`]) {
        const lines = wrap(text, cols).split('\n');
        expect(lines.length).toBeGreaterThan(1);
        for (const line of lines) {
          const unbreakable = !line.trim().includes(' ') && !/[\u4e00-\u9fff]/.test(line);
          if (!unbreakable) expect(displayWidth(line), line).toBeLessThanOrEqual(cols);
          expect(line.trimStart(), line).not.toMatch(CLOSERS);
          expect(line).toBe(line.trimEnd());
        }
        // Nothing lost: the text comes back when the breaks are undone (spaces aside).
        expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
      }
    },
  );

  it('keeps indentation on continuation lines', () => {
    expect(wrap('  模块代理模块代理模块代理', 12)).toBe('  模块代理模\n  块代理模块\n  代理');
  });

  it('breaks English at spaces only; a URL longer than the line gets its own line, unsplit', () => {
    expect(wrap('see https://example.com/a/very/long/path for details', 20)).toBe(
      'see\nhttps://example.com/a/very/long/path\nfor details',
    );
  });

  it('never breaks between ASCII and a Chinese character written next to it, or before a closer', () => {
    expect(wrap('设置GOPROXY，然后重试。', 14)).toBe('设置GOPROXY，\n然后重试。');
    expect(wrap('设置GOPROXY，然后重试。', 10)).toBe('设\n置GOPROXY，\n然后重试。');
    expect(wrap('等待5秒后重试', 6)).toBe('等\n待5秒\n后重试');
    expect(wrap('（括号）内容', 4)).toBe('（括\n号）\n内容');
  });

  it('a noBreak() text (a command) stays on one line and prints plain spaces', () => {
    const text = `运行 ${noBreak('go env -w GOPROXY=https://goproxy.cn,direct')} 后重试`;
    expect(wrap(text, 30)).toBe('运行\ngo env -w GOPROXY=https://goproxy.cn,direct\n后重试');
    expect(wrap(noBreak('a b'), 80)).toBe('a b');
  });

  it('keeps colour codes and existing newlines, and counts colour as no width', () => {
    expect(wrap('\x1b[33m!\x1b[39m 警告警告警告\n下一行', 8)).toBe('\x1b[33m!\x1b[39m 警告警\n告警告\n下一行');
    expect(wrap('\x1b[1m模块\x1b[22m代理', 4)).toBe('\x1b[1m模块\x1b[22m\n代理');
  });
});
