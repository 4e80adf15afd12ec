// The output contract, decided once: colour, TTY, spinners (stderr, TTY only), JSON on stdout; every line redacted.
import { Chalk, type ChalkInstance } from 'chalk';
import { redactSecrets } from '../core/redact.js';
import { printDocument } from './document.js';

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
  /** Writes one line to stdout, secrets redacted (suppressed in --json mode). */
  line(text?: string): void;
  /** Writes one line to stderr, secrets redacted. */
  info(text: string): void;
  /** Writes the command's one JSON document to stdout (report/document.ts printDocument). */
  printDocument(command: string, body: Record<string, unknown>): void;
  /** Starts a spinner on stderr (a no-op unless stderr is an interactive terminal). */
  startSpinner(text: string): Promise<Spinner>;
}

/** How createOutput decides; the streams are injectable for tests. */
export interface OutputOptions {
  json?: boolean;
  /** commander's --no-color sets color=false. */
  color?: boolean;
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
  return {
    json,
    color,
    interactive,
    c,
    line(text = '') {
      if (!json) stdout.write(`${redactSecrets(text)}\n`);
    },
    info(text) {
      stderr.write(`${redactSecrets(text)}\n`);
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
