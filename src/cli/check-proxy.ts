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
    `The default modules are public (rsc.io/quote, github.com/BurntSushi/toml, github.com/dgrijalva/jwt-go
+incompatible). A --module matching GONOPROXY/GOPRIVATE is refused; one not on a known public host is never sent
to a public proxy, nor to sum.golang.org. Credentials come from .netrc (NETRC) or GOAUTH, as go sends them: only
over https.

Exit codes: 0 no requirement failed (warnings alone exit 0), 1 a requirement failed, 2 bad usage or bad input.`,
  );
  program
    .command('check-proxy')
    .description(tr.t(cliMsg('checkProxy.description')))
    .argument('<url>', 'the proxy URL, as it would appear in GOPROXY')
    .option('--module <path@version>', 'module to download (repeatable; default: public canaries)', collect, [])
    .option('--sumdb <GOSUMDB>', 'checksum database to check against (default: the GOSUMDB go uses)')
    .addOption(durationOption('--timeout <duration>', 'bound for each request', '15s'))
    .addOption(goOption(tr))
    .addOption(jsonOption(tr))
    .option('--verbose', 'also show the HTTP exchanges of passing checks')
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
