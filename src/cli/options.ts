// Options shared by several commands, defined once: --go, --json and duration flags (parsed as they are read).
import { Option, type Command } from 'commander';
import { parseDuration } from '../core/duration.js';

/** `--go <path>`: the go binary to use. */
export function goOption(): Option {
  return new Option('--go <path>', 'go binary to use (default: $GOMODCTL_GO or go on PATH)');
}

/** `--json`: one JSON document (schemaVersion 1) on stdout. */
export function jsonOption(): Option {
  return new Option('--json', 'print one JSON document (schemaVersion 1) on stdout');
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
