// `gomodctl tidy`: flags → TidyRunOptions → app/tidy (lazy; keeps --help fast) → exit code.
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { type RunFlags, colorFlag, helpAfter, durationOption, goOption, jsonOption } from './options.js';

interface TidyFlags extends RunFlags {
  explain?: boolean;
  stall: number;
  timeout?: number;
  retry: number;
  stallKill?: boolean;
  junit?: string;
  annotate: string;
  C?: string;
}

/** --retry: a whole number of retries, 0 to 10 (bad input is bad usage, exit 2). */
function retryCount(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) > 10)
    throw new UsageError(
      `invalid --retry "${value}": expected a whole number of retries from 0 to 10 (e.g. --retry 2)`,
    );
  return Number(value);
}

/** Registers `gomodctl tidy [--explain] [--stall d] [--timeout d] [--json] [--annotate m] [-C dir] [-- go flags]`. */
export function registerTidy(program: Command, tr: Translator): void {
  const help = helpAfter(
    tr,
    [
      'gomodctl tidy --explain',
      'gomodctl tidy --explain --stall 3s --timeout 2m',
      'gomodctl tidy --explain --json > tidy.json',
      'gomodctl tidy --explain --retry 2 --stall 30s --stall-kill   # CI: retry transient failures only',
      'gomodctl tidy --explain --annotate github      # ::error annotations and $GITHUB_STEP_SUMMARY',
      'gomodctl tidy -C ./service -- -e               # extra go mod tidy flags after --',
    ],
    'Exit codes: 0 tidy succeeded, 1 tidy failed (problems reported), 2 bad usage, 3 killed at --timeout, 130 interrupted.',
  );
  program
    .command('tidy')
    .description(tr.t(cliMsg('tidy.description')))
    .argument('[goArgs...]', 'extra go mod tidy flags, after --')
    .option('--explain', 'print the diagnosis: what blocks, why, and the fix')
    .addOption(durationOption('--stall <duration>', 'diagnose when nothing progressed for this long', '10s'))
    .addOption(durationOption('--timeout <duration>', 'kill the whole go process tree after this long (exit 3)'))
    .option(
      '--retry <n>',
      'run go again after a transient failure (5xx, 429, reset, TLS timeout), at most n times',
      retryCount,
      0,
    )
    .option('--junit <file>', 'write a JUnit XML report: one test case per module and problem (GitLab, Jenkins)')
    .option('--stall-kill', 'kill a go that made no progress for --stall (a transient failure for --retry)')
    .addOption(jsonOption(tr))
    .option('--annotate <mode>', 'CI annotations: auto, github, gitlab or none', 'auto')
    .option('-C <dir>', 'run in this module directory')
    .addOption(goOption(tr))
    .addHelpText('after', help)
    .action(async (goArgs: string[], flags: TidyFlags, cmd: Command) => {
      const { runTidy } = await import('../app/tidy.js');
      process.exitCode = await runTidy({
        explain: Boolean(flags.explain),
        stallMs: flags.stall,
        timeoutMs: flags.timeout,
        retry: flags.retry,
        stallKill: Boolean(flags.stallKill),
        ...(flags.junit ? { junit: flags.junit } : {}),
        json: Boolean(flags.json),
        annotate: flags.annotate,
        dir: flags.C ?? '.',
        go: flags.go,
        goArgs,
        color: colorFlag(cmd),
        lang: tr.lang,
        env: process.env,
      });
    });
}
