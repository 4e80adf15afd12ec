// `gomodctl init`: flags → InitOptions → app/init (lazy; the wizard, plan and writer load only when used) → exit code.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { fixMsg } from '../core/i18n/messages/fix.js';
import { EXPORT_FORMATS } from '../core/init/export.js';
import { presetsHelp } from '../core/init/presets.js';
import { type RunFlags, writeEnvironment, helpAfter, helpColumns, goOption, jsonOption, yesOption } from './options.js';

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
      `gomodctl init                                   # ${tr.t(cliMsg('init.example.wizard'))}`,
      'gomodctl init --preset china --yes',
      "gomodctl init --yes --proxy 'https://goproxy.cn|https://proxy.golang.org,direct' --private corp.example.com --sumdb sum.golang.google.cn",
      'gomodctl init --preset china --dry-run',
      'gomodctl init --preset china --export github-actions',
    ],
    [
      tr.t(cliMsg('init.exitCodes')),
      `${tr.t(cliMsg('init.presets'))}\n${presetsHelp(tr, helpColumns())}`,
      tr.t(cliMsg('init.credentials')),
    ].join('\n\n'),
  );
  program
    .command('init')
    .description(tr.t(cliMsg('init.description')))
    .option('--proxy <list>', tr.t(cliMsg('init.option.proxy')))
    .option('--private <patterns>', tr.t(cliMsg('init.option.private')))
    .option('--sumdb <value>', tr.t(cliMsg('init.option.sumdb')))
    .option('--no-direct', tr.t(cliMsg('init.option.noDirect')))
    .option('--preset <name>', tr.t(cliMsg('init.option.preset')))
    .addOption(yesOption(tr))
    .option('--dry-run', tr.t(cliMsg('init.option.dryRun')))
    .option('--export <format>', tr.t(cliMsg('init.option.export', { formats: EXPORT_FORMATS.join('|') })))
    .option('--no-probe', tr.t(fixMsg('fix.flag.noProbe')))
    .option('--allow-credentials', tr.t(cliMsg('init.option.allowCredentials')))
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
