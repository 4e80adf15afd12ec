// `gomodctl env`: the effective Go module configuration and where each value comes from.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';

const SHOWN = [
  'GOPROXY',
  'GONOPROXY',
  'GOPRIVATE',
  'GONOSUMDB',
  'GOSUMDB',
  'GOINSECURE',
  'GOFLAGS',
  'GOTOOLCHAIN',
  'GOAUTH',
  'GOVCS',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
];

/** Registers `gomodctl env`, its help in the user's language. */
export function registerEnv(program: Command, tr: Translator): void {
  program
    .command('env')
    .description(tr.t(cliMsg('env.description')))
    .option('--json', tr.t(cliMsg('option.json')))
    .option('--go <path>', tr.t(cliMsg('option.go')))
    .addHelpText(
      'after',
      `
${tr.t(cliMsg('help.examples'))}
  $ gomodctl env
  $ gomodctl env --json | jq '.vars[] | select(.name=="GOPROXY")'`,
    )
    .action(async (o: { json?: boolean; go?: string }) => {
      const [{ loadConfig }, { getGoBinary, verifyGoFlag }, { createOutput }, { envJson, renderEnvHuman }] =
        await Promise.all([
          import('../go/load-config.js'),
          import('../go/run-go.js'),
          import('../report/output.js'),
          import('../report/env-report.js'),
        ]);
      await verifyGoFlag(o.go, process.env);
      const loaded = await loadConfig({ go: getGoBinary(o.go, process.env), env: process.env });
      const out = createOutput({ json: Boolean(o.json), color: program.opts().color, lang: tr.lang });
      if (out.json) out.printJson(envJson(loaded.model));
      else
        renderEnvHuman(
          out,
          loaded.model,
          SHOWN.filter((n) => loaded.model.vars[n]),
        );
    });
}
