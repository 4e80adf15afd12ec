// `gomodctl init`: flags → InitOptions → app/init (lazy; the wizard, plan and writer load only when used) → exit code.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { fixMsg } from '../core/i18n/messages/fix.js';
import { EXPORT_FORMATS } from '../core/init/export.js';
import { presetsHelp } from '../core/init/presets.js';
import { type RunFlags, writeEnvironment, helpAfter, goOption, jsonOption } from './options.js';

interface InitFlags extends RunFlags {
  proxy?: string;
  private?: string;
  sumdb?: string;
  direct: boolean;
  preset?: string;
  yes?: boolean;
  dryRun?: boolean;
  export?: string;
  allowCredentials?: boolean;
  probe: boolean;
}

/** Registers `gomodctl init`. */
export function registerInit(program: Command, tr: Translator): void {
  const help = helpAfter(
    tr,
    [
      'gomodctl init                                   # wizard on a terminal',
      'gomodctl init --preset china --yes',
      "gomodctl init --yes --proxy 'https://goproxy.cn|https://proxy.golang.org,direct' --private corp.example.com --sumdb sum.golang.google.cn",
      'gomodctl init --preset china --dry-run',
      'gomodctl init --preset china --export github-actions',
    ],
    `Exit codes: 0 written (or printed); 1 go env failed (the previous state is restored), or you answered no to "Apply these changes?" (nothing written); 2 bad usage or bad input (nothing written); 130 interrupted (nothing written).

Presets:\n${presetsHelp()}\n\nCredentials never belong in GOPROXY: put them in ~/.netrc (machine <host> login <user> password <token>).`,
  );
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
    .option('--no-probe', tr.t(fixMsg('fix.flag.noProbe')))
    .option('--allow-credentials', 'accept user:password in a proxy URL (prefer .netrc, see go help goauth)')
    .addOption(jsonOption(tr))
    .addOption(goOption(tr))
    .addHelpText('after', help)
    .action(async (flags: InitFlags, cmd: Command) => {
      const { runInit } = await import('../app/init.js');
      process.exitCode = await runInit(
        {
          proxy: flags.proxy,
          private: flags.private,
          sumdb: flags.sumdb,
          noDirect: flags.direct === false,
          preset: flags.preset,
          yes: flags.yes,
          dryRun: flags.dryRun,
          noProbe: flags.probe === false,
          export: flags.export,
          allowCredentials: flags.allowCredentials,
          go: flags.go,
        },
        writeEnvironment(flags, cmd, tr),
      );
    });
}
