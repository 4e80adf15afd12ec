// `gomodctl restore`: flags → RestoreOptions → app/restore (lazy; the backup store and writer) → exit code.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { type RunFlags, writeEnvironment, helpAfter, goOption, jsonOption } from './options.js';

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
    [
      'gomodctl restore --list',
      'gomodctl restore --dry-run',
      'gomodctl restore --yes',
      'gomodctl restore --id <id from --list> --yes',
    ],
    'Exit codes: 0 restored, or nothing to do (no backup yet, or nothing differs); 1 go env failed, the backups file is damaged, or you answered no to "Apply these changes?" (nothing written); 2 bad usage.',
  );
  program
    .command('restore')
    .description(tr.t(cliMsg('restore.description')))
    .addOption(jsonOption(tr))
    .addOption(goOption(tr))
    .option('--list', 'list the saved backups, newest first')
    .option('--id <id>', 'restore this backup instead of the newest')
    .option('-y, --yes', 'apply without asking (required without a terminal)')
    .option('--dry-run', 'print the plan and the exact go env commands; change nothing')
    .addHelpText('after', help)
    .action(async (flags: RestoreFlags, cmd: Command) => {
      const { runRestore } = await import('../app/restore.js');
      process.exitCode = await runRestore(
        { list: flags.list, id: flags.id, yes: flags.yes, dryRun: flags.dryRun, go: flags.go },
        writeEnvironment(flags, cmd, tr),
      );
    });
}
