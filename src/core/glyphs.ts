// The status marks and typographic characters we print (✓ ! ✗ · → …), or their ASCII stand-ins where the terminal
// cannot show them: a C/POSIX or legacy-codeset locale, TERM=dumb, the Linux kernel console, a legacy Windows
// console. Renderers write the Unicode characters; the output layer rewrites each line with asciiText() when needed.
import { charsetLocale, hasLegacyCodeset } from './i18n/locale.js';

/** The marks of a check line and the characters used inside sentences. */
export interface Glyphs {
  unicode: boolean;
  ok: string;
  warn: string;
  fail: string;
  skip: string;
  dot: string;
  arrow: string;
  ellipsis: string;
}

/** Unicode characters and their ASCII stand-ins (one column for the marks, so that columns stay aligned). */
const PAIRS = {
  ok: ['✓', '+'],
  warn: ['!', '!'],
  fail: ['✗', 'x'],
  skip: ['-', '-'],
  dot: ['·', '-'],
  arrow: ['→', '->'],
  ellipsis: ['…', '...'],
} as const;

/** Typographic characters of our texts and what they become in ASCII. */
const ASCII: Readonly<Record<string, string>> = {
  '✓': '+',
  '✗': 'x',
  '·': '-',
  '→': '->',
  '←': '<-',
  '…': '...',
  '—': '--',
  '–': '-',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '×': 'x',
  '≤': '<=',
  '≥': '>=',
};
const NON_ASCII_GLYPH = new RegExp(`[${Object.keys(ASCII).join('')}]`, 'gu');

/**
 * Windows consoles that draw these characters (is-unicode-supported 2.1 isUnicodeSupported): Windows Terminal,
 * ConEmu/cmder, VS Code, JetBrains, Alacritty, mintty's xterm-256color; the legacy console (conhost) cannot.
 */
function windowsTerminalDrawsUnicode(env: Readonly<Record<string, string | undefined>>): boolean {
  const { TERM, TERM_PROGRAM } = env;
  return (
    Boolean(env.WT_SESSION) ||
    Boolean(env.TERMINUS_SUBLIME) ||
    env.ConEmuTask === '{cmd::Cmder}' ||
    TERM_PROGRAM === 'Terminus-Sublime' ||
    TERM_PROGRAM === 'vscode' ||
    TERM === 'xterm-256color' ||
    TERM === 'alacritty' ||
    TERM === 'rxvt-unicode' ||
    TERM === 'rxvt-unicode-256color' ||
    env.TERMINAL_EMULATOR === 'JetBrains-JediTerm'
  );
}

/** Whether the terminal shows Unicode: an explicit C/POSIX or non-UTF-8 locale says no; an unset one does not. */
export function isUnicodeTerminal(env: Readonly<Record<string, string | undefined>>, platform: string): boolean {
  if (env.TERM === 'dumb') return false;
  const locale = charsetLocale(env);
  if (locale === 'C' || locale === 'POSIX' || hasLegacyCodeset(locale)) return false;
  if (platform === 'win32') return windowsTerminalDrawsUnicode(env);
  return env.TERM !== 'linux'; // the kernel's console font has no ✓
}

/** The glyphs to print for this terminal. */
export function glyphs(env: Readonly<Record<string, string | undefined>>, platform: string): Glyphs {
  const unicode = isUnicodeTerminal(env, platform);
  const pick = (k: keyof typeof PAIRS): string => PAIRS[k][unicode ? 0 : 1];
  return {
    unicode,
    ok: pick('ok'),
    warn: pick('warn'),
    fail: pick('fail'),
    skip: pick('skip'),
    dot: pick('dot'),
    arrow: pick('arrow'),
    ellipsis: pick('ellipsis'),
  };
}

/** Rewrites the typographic characters of a line in ASCII (other characters, e.g. Chinese or a path, are kept). */
export function asciiText(text: string): string {
  return text.replace(NON_ASCII_GLYPH, (ch) => ASCII[ch] ?? ch);
}
