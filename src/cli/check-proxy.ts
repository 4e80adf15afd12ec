// `gomodctl check-proxy URL`: flags → options → runCheckProxy (lazy) → reporter → exit code.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { parseDuration } from '../core/duration.js';

/** Registers `gomodctl check-proxy`. */
export function registerCheckProxy(program: Command, tr: Translator): void {
  program
    .command('check-proxy')
    .description(tr.t(cliMsg('checkProxy.description')))
    .argument('<url>', 'the proxy URL, as it would appear in GOPROXY')
    .option('--module <path@version>', 'module to download (repeatable; default: public canaries)', collect, [])
    .option('--sumdb <GOSUMDB>', 'checksum database to check against (default: the GOSUMDB go uses)')
    .option('--timeout <duration>', 'bound for each request', '15s')
    .option('--go <path>', 'go binary to read the configuration with (default: $GOMODCTL_GO or go on PATH)')
    .option('--json', 'print one JSON document (schemaVersion 1) on stdout')
    .option('--verbose', 'also show the HTTP exchanges of passing checks')
    .addHelpText(
      'after',
      `
Examples:
  $ gomodctl check-proxy https://goproxy.corp.example.com
  $ gomodctl check-proxy https://artifactory.corp.example.com/api/go/go-remote --json > check.json
  $ gomodctl check-proxy https://athens.corp.example.com --module github.com/pkg/errors@v0.9.1 --module golang.org/x/mod@v0.14.0
  $ gomodctl check-proxy http://localhost:3000 --sumdb sum.golang.org --timeout 1m

The default modules are public (rsc.io/quote, github.com/BurntSushi/toml, github.com/dgrijalva/jwt-go
+incompatible). A --module matching GONOPROXY/GOPRIVATE is refused; one not on a known public host is never sent
to a public proxy, nor to sum.golang.org. Credentials come from .netrc (NETRC), as go sends them: only over https.

Exit codes: 0 no requirement failed (warnings alone exit 0), 1 a requirement failed, 2 bad usage or bad input.`,
    )
    .action((url: string, o: CheckProxyFlags) => runAction(program, url, o));
}

interface CheckProxyFlags {
  module: string[];
  sumdb?: string;
  timeout: string;
  go?: string;
  json?: boolean;
  verbose?: boolean;
}

async function runAction(program: Command, url: string, o: CheckProxyFlags): Promise<void> {
  const timeoutMs = parseDuration(o.timeout, '--timeout');
  const [{ runCheckProxy }, { createOutput }, report, { getGoBinary, verifyGoFlag }] = await Promise.all([
    import('../app/check-proxy.js'),
    import('../report/output.js'),
    import('../report/check-proxy-report.js'),
    import('../go/run-go.js'),
  ]);
  await verifyGoFlag(o.go, process.env);
  const out = createOutput({ json: Boolean(o.json), color: program.opts().color });
  const spinner = await out.startSpinner('checking the proxy…');
  try {
    const result = await runCheckProxy({
      url,
      modules: o.module,
      ...(o.sumdb !== undefined ? { sumdb: o.sumdb } : {}),
      timeoutMs,
      go: getGoBinary(o.go, process.env),
      env: process.env,
      onProgress: (t) => spinner.update(t),
    });
    spinner.stop();
    if (out.json) out.printJson(report.checkProxyJson(result));
    else report.renderCheckProxyHuman(out, result, Boolean(o.verbose));
    process.exitCode = result.summary.fail > 0 ? 1 : 0;
  } finally {
    spinner.stop();
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
