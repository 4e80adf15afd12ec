// `gomodctl check-proxy URL`: flags → CheckProxyOptions → app/check-proxy (lazy) → exit code.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { type RunFlags, colorFlag, helpAfter, durationOption, goOption, jsonOption } from './options.js';

interface CheckProxyFlags extends RunFlags {
  module: string[];
  sumdb?: string;
  timeout: number;
  verbose?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Registers `gomodctl check-proxy`. */
export function registerCheckProxy(program: Command, tr: Translator): void {
  const help = helpAfter(
    tr,
    [
      'gomodctl check-proxy https://goproxy.corp.example.com',
      'gomodctl check-proxy https://artifactory.corp.example.com/api/go/go-remote --json > check.json',
      'gomodctl check-proxy https://athens.corp.example.com --module github.com/pkg/errors@v0.9.1 --module golang.org/x/mod@v0.14.0',
      'gomodctl check-proxy http://localhost:3000 --sumdb sum.golang.org --timeout 1m',
    ],
    `${tr.t(cliMsg('checkProxy.notes'))}\n\n${tr.t(cliMsg('checkProxy.exitCodes'))}`,
  );
  program
    .command('check-proxy')
    .description(tr.t(cliMsg('checkProxy.description')))
    .argument('<url>', tr.t(cliMsg('checkProxy.argument')))
    .option('--module <path@version>', tr.t(cliMsg('checkProxy.option.module')), collect, [])
    .option('--sumdb <GOSUMDB>', tr.t(cliMsg('checkProxy.option.sumdb')))
    .addOption(durationOption('--timeout <duration>', tr.t(cliMsg('checkProxy.option.timeout')), '15s'))
    .addOption(goOption(tr))
    .addOption(jsonOption(tr))
    .option('--verbose', tr.t(cliMsg('checkProxy.option.verbose')))
    .addHelpText('after', help)
    .action(async (url: string, flags: CheckProxyFlags, cmd: Command) => {
      const { runCheckProxy } = await import('../app/check-proxy.js');
      process.exitCode = await runCheckProxy({
        url,
        modules: flags.module,
        ...(flags.sumdb !== undefined ? { sumdb: flags.sumdb } : {}),
        timeoutMs: flags.timeout,
        go: flags.go,
        env: process.env,
        json: Boolean(flags.json),
        verbose: Boolean(flags.verbose),
        color: colorFlag(cmd),
        lang: tr.lang,
      });
    });
}
