// The output contract, decided once: colour, TTY, spinners (stderr, TTY only), JSON on stdout, the language and the
// glyphs of human lines.
import { Chalk, type ChalkInstance } from 'chalk';
import { asciiText, type Glyphs, glyphs } from '../core/glyphs.js';
import { type Lang, render, type Text } from '../core/i18n/message.js';
import { noBreak } from '../core/text-width.js';

/** A progress indicator; a no-op when stderr is not an interactive terminal. */
export interface Spinner {
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
  /** Writes one line to stdout (suppressed in --json mode; typographic characters in ASCII where needed). */
  line(text?: string): void;
  /** Writes one line to stderr. */
  info(text: string): void;
  /** Writes the single JSON document to stdout. */
  printJson(doc: unknown): void;
  startSpinner(text: string): Promise<Spinner>;
}

/** How createOutput decides: flags, the environment, the streams, the language. */
export interface OutputOptions {
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

let jsonPrinted = false;

/** Whether this process already wrote its one JSON document (so an error must not add a second one). */
export function hasPrintedJson(): boolean {
  return jsonPrinted;
}

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
  const platform = opts.platform ?? process.platform;
  const lang = opts.lang ?? 'en';
  const g = glyphs(env, platform);
  // A command kept on one line (noBreak) is written with plain spaces, so that it can be copied.
  const terminal = (text: string): string => (g.unicode ? text : asciiText(text)).replaceAll('\u00a0', ' ');
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
    printJson(doc) {
      jsonPrinted = true;
      stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
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
