// Options shared by several commands, defined once: --go, --json and duration flags (parsed as they are read), their
// descriptions in the user's language (the Translator cli/main.ts chose).
import { Option, type Command } from 'commander';
import { readDuration } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { wrap } from '../core/text-width.js';

/** The flags of goOption and jsonOption, as commander hands them to an action. */
export interface RunFlags {
  go?: string;
  json?: boolean;
}

const REFUSED = {
  'no-unit': 'duration.noUnit',
  'not-positive': 'duration.notPositive',
  invalid: 'duration.invalid',
} as const;

/** A duration flag's value in milliseconds (core/duration.ts readDuration); bad usage (exit 2) when it is refused. */
function parseDuration(text: string, flag = 'duration'): number {
  const r = readDuration(text);
  if ('ms' in r) return r.ms;
  throw new UsageError(cliMsg(REFUSED[r.refused], { flag, text, value: r.value }));
}

/** `--go <path>`: the go binary to use (described in the user's language). */
export function goOption(tr: Translator): Option {
  return new Option('--go <path>', tr.t(cliMsg('option.go')));
}

/** `--json`: one JSON document (schemaVersion 1) on stdout (described in the user's language). */
export function jsonOption(tr: Translator): Option {
  return new Option('--json', tr.t(cliMsg('option.json')));
}

/** A duration flag ("5s", "250ms", "1m30s") parsed to milliseconds; the default is shown in --help as written. */
export function durationOption(flags: string, description: string, defaultValue?: string): Option {
  const name = flags.split(' ')[0]!;
  const option = new Option(flags, description).argParser((v: string) => parseDuration(v, name));
  return defaultValue === undefined ? option : option.default(parseDuration(defaultValue, name), defaultValue);
}

/** Whether colour was turned off with the global --no-color. */
export function colorFlag(cmd: Command): boolean | undefined {
  return cmd.optsWithGlobals().color as boolean | undefined;
}

/** The columns help text is wrapped at: the terminal's, else 80 (what commander uses for its own columns). */
export function helpColumns(): number {
  return process.stdout.isTTY && (process.stdout.columns ?? 0) > 0 ? process.stdout.columns : 80;
}

/**
 * The text after a command's --help: its example command lines under the heading in the user's language, then
 * `more` (exit codes, notes) after a blank line, wrapped at the help's width (Chinese breaks between characters).
 */
export function helpAfter(tr: Translator, examples: string[], more?: string): string {
  const lines = examples.map((e) => `  $ ${e}`).join('\n');
  return `\n${tr.t(cliMsg('help.examples'))}\n${lines}${more ? `\n\n${wrap(more, helpColumns())}` : ''}`;
}

/** `-y, --yes`: apply without asking (init, restore). */
export function yesOption(tr: Translator): Option {
  return new Option('-y, --yes', tr.t(cliMsg('option.yes')));
}

/** Where init and restore run: this process's environment and directory, the output mode, whether it is a terminal. */
export function writeEnvironment(flags: RunFlags, cmd: Command, tr: Translator) {
  return {
    env: process.env,
    cwd: process.cwd(),
    json: Boolean(flags.json),
    color: colorFlag(cmd),
    lang: tr.lang,
    tty: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}
