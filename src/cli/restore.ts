// `gomodctl restore`: flags → RestoreOptions → app/restore (lazy; the backup store and writer) → exit code.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { colorFlag, goOption, jsonOption } from './options.js';

interface RestoreFlags {
  list?: boolean;
  id?: string;
  yes?: boolean;
  dryRun?: boolean;
  json?: boolean;
  go?: string;
}

/** Registers `gomodctl restore`. */
export function registerRestore(program: Command, tr: Translator): void {
  program
    .command('restore')
    .description(tr.t(cliMsg('restore.description')))
    .option('--list', 'list the saved backups, newest first')
    .option('--id <id>', 'restore this backup instead of the newest')
    .option('-y, --yes', 'apply without asking (required without a terminal)')
    .option('--dry-run', 'print the plan and the exact go env commands; change nothing')
    .addOption(jsonOption(tr))
    .addOption(goOption(tr))
    .addHelpText(
      'after',
      `
${tr.t(cliMsg('help.examples'))}
  $ gomodctl restore --list
  $ gomodctl restore --dry-run
  $ gomodctl restore --yes
  $ gomodctl restore --id <id from --list> --yes

Exit codes: 0 restored (or nothing to do), 1 go env failed or the backups file is damaged, 2 bad usage.`,
    )
    .action(async (flags: RestoreFlags, cmd: Command) => {
      const { runRestore } = await import('../app/restore.js');
      process.exitCode = await runRestore(
        { list: flags.list, id: flags.id, yes: flags.yes, dryRun: flags.dryRun, go: flags.go },
        {
          env: process.env,
          cwd: process.cwd(),
          json: Boolean(flags.json),
          color: colorFlag(cmd),
          lang: tr.lang,
          tty: Boolean(process.stdin.isTTY && process.stdout.isTTY),
        },
      );
    });
}
