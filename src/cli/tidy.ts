// `gomodctl tidy`: declares flags, normalises them, lazily imports the runner (keeps --help fast).
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDuration } from '../core/duration.js';
import { UsageError } from '../core/errors.js';

interface TidyFlags {
  explain?: boolean;
  stall: string;
  timeout?: string;
  json?: boolean;
  annotate: string;
  C?: string;
  go?: string;
}

function checkDir(dir: string): string {
  const abs = resolve(dir);
  let ok = false;
  try {
    ok = statSync(abs).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(`invalid -C "${dir}": not a directory; give the module directory, e.g. -C ./service`);
  return abs;
}

/** Registers `gomodctl tidy [--explain] [--stall d] [--timeout d] [--json] [--annotate m] [-C dir] [-- go flags]`. */
export function registerTidy(program: Command, tr: Translator): void {
  program
    .command('tidy')
    .description(tr.t(cliMsg('tidy.description')))
    .argument('[goArgs...]', 'extra go mod tidy flags, after --')
    .option('--explain', 'print the diagnosis: what blocks, why, and the fix')
    .option('--stall <duration>', 'diagnose when nothing progressed for this long', '10s')
    .option('--timeout <duration>', 'kill the whole go process tree after this long (exit 3)')
    .option('--json', 'print one JSON document on stdout')
    .option('--annotate <mode>', 'CI annotations: auto, github, gitlab or none', 'auto')
    .option('-C <dir>', 'run in this module directory')
    .option('--go <path>', 'the go binary (default: $GOMODCTL_GO or go on PATH)')
    .addHelpText(
      'after',
      `
Examples:
  $ gomodctl tidy --explain
  $ gomodctl tidy --explain --stall 3s --timeout 2m
  $ gomodctl tidy --explain --json > tidy.json
  $ gomodctl tidy --explain --annotate github      # ::error annotations and $GITHUB_STEP_SUMMARY
  $ gomodctl tidy -C ./service -- -e               # extra go mod tidy flags after --

Exit codes: 0 tidy succeeded, 1 tidy failed (problems reported), 2 bad usage, 3 killed at --timeout, 130 interrupted.`,
    )
    .action(async (goArgs: string[], flags: TidyFlags, cmd: Command) => {
      const { parseAnnotateMode } = await import('../report/tidy-ci.js');
      const opts = {
        explain: Boolean(flags.explain),
        stallMs: parseDuration(flags.stall, '--stall'),
        timeoutMs: flags.timeout === undefined ? undefined : parseDuration(flags.timeout, '--timeout'),
        json: Boolean(flags.json),
        annotate: parseAnnotateMode(flags.annotate),
        cwd: checkDir(flags.C ?? '.'),
        go: flags.go,
        goArgs,
        color: cmd.optsWithGlobals().color as boolean | undefined,
      };
      await (await import('../go/run-go.js')).verifyGoFlag(flags.go, process.env);
      const { runTidy } = await import('../go/tidy-run.js');
      process.exitCode = await runTidy(opts);
    });
}
