// The output contract, decided once: colour, TTY, spinners (stderr, TTY only), JSON on stdout, the language and the
// glyphs of human lines; every line redacted.
import { Chalk, type ChalkInstance } from 'chalk';
import { asciiText, type Glyphs, glyphs } from '../core/glyphs.js';
import { type Lang, render, type Text } from '../core/i18n/message.js';
import { redactSecrets } from '../core/redact.js';
import { noBreak } from '../core/text-width.js';
import { printDocument } from './document.js';

/** A progress indicator; a no-op when stderr is not an interactive terminal. */
interface Spinner {
  update(text: string): void;
  stop(): void;
}

/** Where and how a command prints. */
export interface Output {
  json: boolean;
  color: boolean;
  /** Whether stderr is an interactive terminal (spinners allowed). */
  interactive: boolean;
  c: ChalkInstance;
  /** The language of human lines (JSON documents are English in every language). */
  lang: Lang;
  /** Renders a message (or verbatim text) in `lang`. */
  t(text: Text): string;
  /** Status marks for this terminal (ASCII where it cannot show ✓ ✗ · → …). */
  g: Glyphs;
  /** Width to wrap human text at: the terminal's columns, else $COLUMNS, else none (Infinity: pipes, files, CI). */
  columns: number;
  /**
   * Writes one line to stdout, secrets redacted (suppressed in --json mode; typographic characters in ASCII where
   * the terminal cannot show them).
   */
  line(text?: string): void;
  /** Writes one line to stderr, secrets redacted. */
  info(text: string): void;
  /** Writes the command's one JSON document to stdout (report/document.ts printDocument; messages in English). */
  printDocument(command: string, body: Record<string, unknown>): void;
  /** Starts a spinner on stderr (a no-op unless stderr is an interactive terminal). */
  startSpinner(text: string): Promise<Spinner>;
}

/** How createOutput decides: flags, the environment, the streams (injectable for tests), the language. */
interface OutputOptions {
  json?: boolean;
  /** commander's --no-color sets color=false. */
  color?: boolean;
  /** The language cli/main.ts chose (--lang, GOMODCTL_LANG, the locale); English when not given. */
  lang?: Lang;
  platform?: string;
  env?: NodeJS.ProcessEnv;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

const NO_SPINNER: Spinner = { update() {}, stop() {} };

/** Decides colour and interactivity from flags, NO_COLOR/FORCE_COLOR, CI and TTY state. */
export function createOutput(opts: OutputOptions = {}): Output {
  const env = opts.env ?? process.env;
  const stdout = opts.stdout ?? process.stdout;
  const stderr = opts.stderr ?? process.stderr;
  const json = opts.json ?? false;
  const isCI = Boolean(env.CI && env.CI !== 'false') || Boolean(env.GITHUB_ACTIONS) || Boolean(env.GITLAB_CI);
  const noColor = opts.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && !noColor;
  const color = !json && !noColor && (forced || Boolean(stdout.isTTY));
  // A pty that reports 0 columns (some docker/kubectl sessions) makes a spinner redraw forever: no spinner there.
  const interactive = !json && !isCI && Boolean(stderr.isTTY) && (stderr.columns ?? 0) > 0 && env.TERM !== 'dumb';
  const c = new Chalk({ level: color ? 1 : 0 });
  const lang = opts.lang ?? 'en';
  const g = glyphs(env, opts.platform ?? process.platform);
  // A command kept on one line (noBreak) is written with plain spaces, so that it can be copied.
  const terminal = (text: string): string =>
    redactSecrets(g.unicode ? text : asciiText(text)).replaceAll('\u00a0', ' ');
  return {
    json,
    color,
    interactive,
    c,
    lang,
    t: (text) => render(text, lang, { code: noBreak }),
    g,
    columns: outputColumns(stdout, env),
    line(text = '') {
      if (!json) stdout.write(`${terminal(text)}\n`);
    },
    info(text) {
      stderr.write(`${terminal(text)}\n`);
    },
    printDocument(command, body) {
      printDocument(command, body, stdout);
    },
    async startSpinner(text) {
      if (!interactive) return NO_SPINNER;
      const { default: ora } = await import('ora'); // lazy: keeps --help/--version fast
      const s = ora({ text, stream: stderr, color: 'cyan', isEnabled: true }).start();
      return {
        update: (t) => {
          s.text = t;
        },
        stop: () => {
          s.stop();
        },
      };
    },
  };
}

/** The terminal's width, else a positive $COLUMNS (set by shells and tests), else no limit. */
function outputColumns(stdout: NodeJS.WriteStream, env: NodeJS.ProcessEnv): number {
  if (stdout.isTTY && (stdout.columns ?? 0) > 0) return stdout.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : Number.POSITIVE_INFINITY;
}

/** Writes a generated script (shell completion) to stdout verbatim: no colour, no redaction, no glyph changes. */
export function printScript(text: string, stdout: NodeJS.WritableStream = process.stdout): void {
  stdout.write(text);
}
