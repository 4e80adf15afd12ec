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
    .addOption(durationOption('--stall <duration>', tr.t(cliMsg('tidy.option.stall')), '10s'))
    .addOption(durationOption('--timeout <duration>', tr.t(cliMsg('tidy.option.timeout'))))
    .option('--retry <n>', tr.t(cliMsg('tidy.option.retry')), retryCount, 0)
    .option('--junit <file>', tr.t(cliMsg('tidy.option.junit')))
    .option('--stall-kill', tr.t(cliMsg('tidy.option.stallKill')))
    .addOption(jsonOption(tr))
    .option('--annotate <mode>', tr.t(cliMsg('tidy.option.annotate')), 'auto')
    .option('-C <dir>', tr.t(cliMsg('tidy.option.dir')))
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
