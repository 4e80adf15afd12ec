// `gomodctl init`: flags → options; the wizard, the plan and the writer are imported lazily.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { UsageError } from '../core/errors.js';
import { EXPORT_FORMATS } from '../core/init/export.js';
import { presetsHelp } from '../core/init/presets.js';

interface InitFlags {
  proxy?: string;
  private?: string;
  sumdb?: string;
  direct: boolean;
  preset?: string;
  yes?: boolean;
  dryRun?: boolean;
  export?: string;
  allowCredentials?: boolean;
  json?: boolean;
  go?: string;
}

const NON_TTY_HINT =
  'the init wizard needs a terminal; without one pass the values, e.g. gomodctl init --yes --proxy https://goproxy.cn,direct --private corp.example.com --sumdb sum.golang.google.cn (or --preset china).';

/** Registers `gomodctl init`. */
export function registerInit(program: Command, tr: Translator): void {
  program
    .command('init')
    .description(tr.t(cliMsg('init.description')))
    .option('--proxy <list>', 'GOPROXY, written exactly as given (e.g. "https://goproxy.cn,direct")')
    .option(
      '--private <patterns>',
      'GOPRIVATE module path patterns (e.g. "corp.example.com,github.com/acme"); "" removes it',
    )
    .option('--sumdb <value>', 'GOSUMDB: sum.golang.org, sum.golang.google.cn, "name+key url" or off')
    .option('--no-direct', 'drop the trailing "direct" from the preset proxy list')
    .option('--preset <name>', 'start from a preset (see below); other flags override it')
    .option('-y, --yes', 'apply without asking (required without a terminal)')
    .option('--dry-run', 'print the plan and the exact go env -w command; change nothing')
    .option('--export <format>', `print the configuration as a snippet instead of writing: ${EXPORT_FORMATS.join('|')}`)
    .option('--allow-credentials', 'accept user:password in a proxy URL (prefer .netrc, see go help goauth)')
    .option('--json', 'print one JSON document (schemaVersion 1)')
    .option('--go <path>', 'the go binary to use (default: $GOMODCTL_GO or go on PATH)')
    .addHelpText(
      'after',
      `
Examples:
  $ gomodctl init                                   # wizard on a terminal
  $ gomodctl init --preset china --yes
  $ gomodctl init --yes --proxy 'https://goproxy.cn|https://proxy.golang.org,direct' --private corp.example.com --sumdb sum.golang.google.cn
  $ gomodctl init --preset china --dry-run
  $ gomodctl init --preset china --export github-actions

Exit codes: 0 written (or printed), 1 go env failed (the previous state is restored), 2 bad usage or bad input (nothing written).

Presets:\n${presetsHelp()}\n\nCredentials never belong in GOPROXY: put them in ~/.netrc (machine <host> login <user> password <token>).`,
    )
    .action(async (flags: InitFlags) => {
      const { createOutput } = await import('../report/output.js');
      const out = createOutput({ json: flags.json, color: program.opts().color as boolean | undefined });
      const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
      const opts = {
        proxy: flags.proxy,
        private: flags.private,
        sumdb: flags.sumdb,
        noDirect: flags.direct === false,
        preset: flags.preset,
        yes: flags.yes,
        dryRun: flags.dryRun,
        export: flags.export,
        allowCredentials: flags.allowCredentials,
        go: flags.go,
      };
      const ctx = { env: process.env, cwd: process.cwd(), out, tty, confirm: askConfirm };
      const run = await import('../go/init-run.js');
      if (!run.hasValueFlags(opts) && opts.export === undefined) {
        if (flags.yes)
          throw new UsageError(
            '--yes needs the values to write: --preset NAME, or --proxy/--private/--sumdb (e.g. gomodctl init --yes --preset china)',
          );
        if (!tty || flags.json) throw new UsageError(NON_TTY_HINT);
        const { runWizard, spawnDoctor } = await import('../go/init-wizard-run.js');
        process.exitCode = await runWizard(opts, { ...ctx, runDoctor: () => spawnDoctor(ctx.env, ctx.cwd) });
        return;
      }
      process.exitCode = await run.runInitFromFlags(opts, ctx);
    });
}

/** Lazily loads @inquirer/prompts only when a question is really asked. */
async function askConfirm(message: string): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message, default: true });
}
