// `gomodctl restore`: flags → options; the backup store and writer are imported lazily.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';

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
    .option('--json', 'print one JSON document (schemaVersion 1)')
    .option('--go <path>', 'the go binary to use (default: $GOMODCTL_GO or go on PATH)')
    .addHelpText(
      'after',
      `
Examples:
  $ gomodctl restore --list
  $ gomodctl restore --dry-run
  $ gomodctl restore --yes
  $ gomodctl restore --id <id from --list> --yes

Exit codes: 0 restored (or nothing to do), 1 go env failed or the backups file is damaged, 2 bad usage.`,
    )
    .action(async (flags: RestoreFlags) => {
      const { createOutput } = await import('../report/output.js');
      const out = createOutput({ json: flags.json, color: program.opts().color as boolean | undefined });
      const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
      const { runRestore } = await import('../go/init-run.js');
      const confirm = async (message: string) =>
        (await import('@inquirer/prompts')).confirm({ message, default: true });
      process.exitCode = await runRestore(flags, { env: process.env, cwd: process.cwd(), out, tty, confirm });
    });
}
