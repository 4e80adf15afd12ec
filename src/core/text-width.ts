// Terminal layout for mixed Chinese and English: display width (a Chinese character takes two columns, colour codes
// none), padding to a width, and wrapping at a column count. Code-point based, without Intl.Segmenter (10 ms to
// create) or string-width (60 ms to load): start-up matters, and our texts have no emoji sequences (module paths are
// ASCII). Per code point the widths equal string-width's (test/core/text-width.test.ts checks all of them).
import { isWideCodePoint } from './east-asian-width.js';

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
function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  const tokens = new RegExp(`(${ANSI.source})|( +)|([^])`, 'gu');
  let last: Piece | undefined;
  let space = '';
  let codes = '';
  for (const [, code, spaces, ch = ''] of line.matchAll(tokens)) {
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
  const lines: string[] = [];
  let current = '';
  let width = 0;
  for (const p of pieces(line.slice(indent.length))) {
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
