// `gomodctl restore`: flags → RestoreOptions → app/restore (lazy; the backup store and writer) → exit code.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { type RunFlags, writeEnvironment, helpAfter, goOption, jsonOption, yesOption } from './options.js';

interface RestoreFlags extends RunFlags {
  list?: boolean;
  id?: string;
  yes?: boolean;
  dryRun?: boolean;
}

/** Registers `gomodctl restore`. */
export function registerRestore(program: Command, tr: Translator): void {
  const help = helpAfter(
    tr,
    ['--list', '--dry-run', '--yes', '--id <id from --list> --yes'].map((flags) => `gomodctl restore ${flags}`),
    tr.t(cliMsg('restore.exitCodes')),
  );
  program
    .command('restore')
    .description(tr.t(cliMsg('restore.description')))
    .addOption(jsonOption(tr))
    .addOption(goOption(tr))
    .option('--list', tr.t(cliMsg('restore.option.list')))
    .option('--id <id>', tr.t(cliMsg('restore.option.id')))
    .addOption(yesOption(tr))
    .option('--dry-run', tr.t(cliMsg('restore.option.dryRun')))
    .addHelpText('after', help)
    .action(async (flags: RestoreFlags, cmd: Command) => {
      const { runRestore } = await import('../app/restore.js');
      process.exitCode = await runRestore(
        { list: flags.list, id: flags.id, yes: flags.yes, dryRun: flags.dryRun, go: flags.go },
        writeEnvironment(flags, cmd, tr),
      );
    });
}
