// `gomodctl tidy`: flags → TidyRunOptions → app/tidy (lazy; keeps --help fast) → exit code.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { UsageError } from '../core/errors.js';
import { DEFAULT_ANNOTATE, DEFAULT_STALL, retryCountOf, type TidyFlags, tidyRunOptions } from './tidy-flags.js';
import { colorFlag, helpAfter, durationOption, goOption, jsonOption } from './options.js';

/** --retry: a whole number of retries, 0 to 10 (bad input is bad usage, exit 2). */
function retryCount(value: string): number {
  const n = retryCountOf(value);
  if (n === undefined) throw new UsageError(cliMsg('tidy.retryInvalid', { value }));
  return n;
}

/** Registers `gomodctl tidy [--explain] [--stall d] [--timeout d] [--json] [--annotate m] [-C dir] [-- go flags]`. */
export function registerTidy(program: Command, tr: Translator): void {
  const help = helpAfter(
    tr,
    [
      'gomodctl tidy --explain',
      'gomodctl tidy --explain --stall 3s --timeout 2m',
      'gomodctl tidy --explain --json > tidy.json',
      `gomodctl tidy --explain --retry 2 --stall 30s --stall-kill   # ${tr.t(cliMsg('tidy.example.retry'))}`,
      `gomodctl tidy --explain --annotate github      # ${tr.t(cliMsg('tidy.example.annotate'))}`,
      `gomodctl tidy -C ./service -- -e               # ${tr.t(cliMsg('tidy.example.goFlags'))}`,
    ],
    tr.t(cliMsg('tidy.exitCodes')),
  );
  program
    .command('tidy')
    .description(tr.t(cliMsg('tidy.description')))
    .argument('[goArgs...]', tr.t(cliMsg('tidy.argument')))
    .option('--explain', tr.t(cliMsg('tidy.option.explain')))
    .addOption(durationOption('--stall <duration>', tr.t(cliMsg('tidy.option.stall')), DEFAULT_STALL))
    .addOption(durationOption('--timeout <duration>', tr.t(cliMsg('tidy.option.timeout'))))
    .option('--retry <n>', tr.t(cliMsg('tidy.option.retry')), retryCount, 0)
    .option('--junit <file>', tr.t(cliMsg('tidy.option.junit')))
    .option('--stall-kill', tr.t(cliMsg('tidy.option.stallKill')))
    .addOption(jsonOption(tr))
    .option('--annotate <mode>', tr.t(cliMsg('tidy.option.annotate')), DEFAULT_ANNOTATE)
    .option('-C <dir>', tr.t(cliMsg('tidy.option.dir')))
    .addOption(goOption(tr))
    .addHelpText('after', help)
    .action(async (goArgs: string[], flags: TidyFlags, cmd: Command) => {
      const { runTidy } = await import('../app/tidy.js');
      process.exitCode = await runTidy(tidyRunOptions(flags, goArgs, colorFlag(cmd), tr.lang));
    });
}
