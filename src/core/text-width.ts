// Terminal layout for mixed Chinese and English: display width (a Chinese character takes two columns, colour codes
// none), padding to a width, and wrapping at a column count. Code-point based, without Intl.Segmenter (10 ms to
// create) or string-width (60 ms to load): start-up matters, and our texts have no emoji sequences (module paths are
// ASCII). Per code point the widths equal string-width's (test/core/text-width.test.ts checks all of them).

// Wide characters: the code points a terminal draws two columns wide (Wide and Fullwidth in Unicode's
// EastAsianWidth.txt, UAX #11), as [first, last] pairs sorted by code point. Unicode 17.0, the ranges of
// get-east-asian-width 1.7 merged; test/core/text-width.test.ts compares every code point with that package.
// Ambiguous characters (· → … ○) count as one column, as in string-width and most terminals outside CJK legacy modes.
const WIDE: readonly number[] = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3, 0x25fd, 0x25fe,
  0x2614, 0x2615, 0x2630, 0x2637, 0x2648, 0x2653, 0x267f, 0x267f, 0x268a, 0x268f, 0x2693, 0x2693, 0x26a1, 0x26a1,
  0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26ce, 0x26ce, 0x26d4, 0x26d4, 0x26ea, 0x26ea, 0x26f2, 0x26f3,
  0x26f5, 0x26f5, 0x26fa, 0x26fa, 0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270b, 0x2728, 0x2728, 0x274c, 0x274c,
  0x274e, 0x274e, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27b0, 0x27b0, 0x27bf, 0x27bf, 0x2b1b, 0x2b1c,
  0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x2e99, 0x2e9b, 0x2ef3, 0x2f00, 0x2fd5, 0x2ff0, 0x303e, 0x3041, 0x3096,
  0x3099, 0x30ff, 0x3105, 0x312f, 0x3131, 0x318e, 0x3190, 0x31e5, 0x31ef, 0x321e, 0x3220, 0x3247, 0x3250, 0xa48c,
  0xa490, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19, 0xfe30, 0xfe52, 0xfe54, 0xfe66,
  0xfe68, 0xfe6b, 0xff01, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x16fe4, 0x16ff0, 0x16ff6, 0x17000, 0x18cda, 0x18cff,
  0x18d20, 0x18d80, 0x18df2, 0x18e00, 0x19191, 0x191a0, 0x191d2, 0x1aff0, 0x1aff3, 0x1aff5, 0x1affb, 0x1affd, 0x1affe,
  0x1b000, 0x1b128, 0x1b132, 0x1b132, 0x1b150, 0x1b152, 0x1b155, 0x1b155, 0x1b164, 0x1b168, 0x1b170, 0x1b2fb, 0x1d300,
  0x1d356, 0x1d360, 0x1d376, 0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e, 0x1f191, 0x1f19a, 0x1f1ae, 0x1f1ae,
  0x1f200, 0x1f202, 0x1f210, 0x1f23b, 0x1f240, 0x1f248, 0x1f250, 0x1f251, 0x1f260, 0x1f265, 0x1f300, 0x1f320, 0x1f32d,
  0x1f335, 0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3ca, 0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0, 0x1f3f4, 0x1f3f4,
  0x1f3f8, 0x1f43e, 0x1f440, 0x1f440, 0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e, 0x1f550, 0x1f567, 0x1f57a,
  0x1f57a, 0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4, 0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2,
  0x1f6d5, 0x1f6d9, 0x1f6dc, 0x1f6df, 0x1f6eb, 0x1f6ec, 0x1f6f4, 0x1f6fc, 0x1f7da, 0x1f7da, 0x1f7e0, 0x1f7eb, 0x1f7f0,
  0x1f7f0, 0x1f90c, 0x1f93a, 0x1f93c, 0x1f945, 0x1f947, 0x1f9ff, 0x1fa70, 0x1fa7c, 0x1fa80, 0x1fac6, 0x1fac8, 0x1fac8,
  0x1facc, 0x1fadd, 0x1fadf, 0x1faeb, 0x1faef, 0x1fafa, 0x20000, 0x2fffd, 0x30000, 0x3fffd,
];

/** Whether a code point is East Asian Wide or Fullwidth (two terminal columns); binary search over WIDE. */
export function isWideCodePoint(cp: number): boolean {
  if (cp < 0x1100) return false;
  let lo = 0;
  let hi = WIDE.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < WIDE[mid * 2]!) hi = mid - 1;
    else if (cp > WIDE[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** SGR colours (chalk) and other CSI sequences, and OSC strings such as hyperlinks: no width. */
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** What string-width draws zero-wide: controls, format characters, combining marks, default ignorables. */
const ZERO_WIDTH = /^[\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}\p{Cs}]$/u;

/** Columns one code point takes. */
function codePointWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x20 && cp < 0x7f) return 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  return isWideCodePoint(cp) ? 2 : 1;
}

/** The number of terminal columns a one-line text takes (colour codes excluded). */
export function displayWidth(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(ANSI, '') : text;
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  let width = 0;
  for (const ch of plain) width += codePointWidth(ch);
  return width;
}

/** Pads with spaces to `width` columns (String.prototype.padEnd counts UTF-16 units, not columns). */
export function padEnd(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/** Chinese punctuation a line must not start with (GB/T 15834, kinsoku). */
const NO_BREAK_BEFORE = /^[，。、；：？！）］｝」』】》〉〕”’…—·]/u;
/** Chinese openers a line must not end with. */
const NO_BREAK_AFTER = /[（［｛「『【《〈〔“‘]$/u;

/** An unbreakable piece of a line, and the spaces before it (a break there drops them). */
interface Piece {
  text: string;
  width: number;
  space: string;
  /** Its last visible character (colour codes may follow it in text). */
  tail: string;
}

const isWideChar = (ch: string): boolean => ch !== '' && isWideCodePoint(ch.codePointAt(0)!);

/** Splits one line into pieces: runs of characters between which the line may not break (see breakable). */
/** A colour code, a run of spaces, or one code point (matchAll copies the regex: sharing it is safe). */
const TOKENS = new RegExp(`(${ANSI.source})|( +)|([^])`, 'gu');

function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  let last: Piece | undefined;
  let space = '';
  let codes = '';
  for (const [, code, spaces, ch = ''] of line.matchAll(TOKENS)) {
    if (code !== undefined) {
      // A code right after a character belongs to it (a colour ends on the same line); else to what follows.
      if (last && space === '' && codes === '') last.text += code;
      else codes += code;
    } else if (spaces !== undefined) {
      space += spaces;
    } else if (last && !breakable(last.tail, ch, space)) {
      last.text += codes + ch;
      last.width += displayWidth(ch);
      last.tail = ch;
      codes = '';
    } else {
      last = { text: codes + ch, width: displayWidth(ch), space, tail: ch };
      out.push(last);
      space = codes = '';
    }
  }
  if (last && codes) last.text += codes;
  return out;
}

/**
 * Whether a line may break between the characters `before` and `ch`: at spaces; after Chinese closing punctuation
 * and before Chinese opening punctuation whatever the other side is (请运行：| go env …); between two other Chinese
 * characters; never before a closer or after an opener.
 */
function breakable(before: string, ch: string, space: string): boolean {
  if (space !== '') return true;
  if (NO_BREAK_BEFORE.test(ch) || NO_BREAK_AFTER.test(before)) return false;
  if (NO_BREAK_BEFORE.test(before) || NO_BREAK_AFTER.test(ch)) return true;
  return isWideChar(ch) && isWideChar(before);
}

/** Pieces of plain ASCII text (help texts, English messages): words between spaces, the fast path of pieces(). */
function asciiPieces(line: string): Piece[] {
  return [...line.matchAll(/( *)([^ ]+)/g)].map(([, space = '', text = '']) => ({
    text,
    width: text.length,
    space,
    tail: text.slice(-1),
  }));
}

/** Marks a text that must stay on one line (a command to copy): wrap() does not break it and prints plain spaces. */
export function noBreak(text: string): string {
  return text.replaceAll(' ', '\u00a0');
}

/**
 * Wraps text at `columns` display columns: between words, and between Chinese characters except before closing
 * and after opening punctuation. A word wider than the line (a URL, a command) is never split: it gets a line of its
 * own, and neither is a text marked with noBreak(). Existing newlines are kept; trailing spaces are dropped.
 */
export function wrap(text: string, columns: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, columns))
    .join('\n');
}

function wrapLine(line: string, columns: number): string {
  if (displayWidth(line) <= columns) return line.trimEnd().replaceAll('\u00a0', ' ');
  // A wrapped line keeps the indentation of the line it came from.
  const indent = /^ */.exec(line)![0];
  const rest = line.slice(indent.length);
  const lines: string[] = [];
  let current = '';
  let width = 0;
  for (const p of PRINTABLE_ASCII.test(rest) ? asciiPieces(rest) : pieces(rest)) {
    const gap = current === '' ? 0 : p.space.length;
    if (current !== '' && indent.length + width + gap + p.width > columns) {
      lines.push(indent + current);
      current = p.text;
      width = p.width;
    } else {
      current += (gap ? p.space : '') + p.text;
      width += gap + p.width;
    }
  }
  lines.push(indent + current);
  return lines.join('\n').replaceAll('\u00a0', ' ');
}

/** Wraps text after a prefix (a mark, an indent): continuation lines are indented to the prefix's width. */
export function wrapAfter(prefix: string, text: string, columns: number): string {
  const pad = ' '.repeat(displayWidth(prefix));
  return wrap(text, Math.max(columns - pad.length, 20))
    .split('\n')
    .map((line, i) => (i === 0 ? prefix : pad) + line)
    .join('\n');
}
