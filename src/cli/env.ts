// `gomodctl env`: the effective Go module configuration and where each value comes from.
import type { Command } from 'commander';

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

/** Registers `gomodctl env`. */
export function registerEnv(program: Command): void {
  program
    .command('env')
    .description(
      'show the effective Go module configuration, where each value comes from, and what the environment shadows',
    )
    .option('--json', 'print one JSON document (schemaVersion 1) on stdout')
    .option('--go <path>', 'go binary to use (default: $GOMODCTL_GO or go on PATH)')
    .addHelpText(
      'after',
      `
Examples:
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
      const out = createOutput({ json: Boolean(o.json), color: program.opts().color });
      if (out.json) out.printJson(envJson(loaded.model));
      else
        renderEnvHuman(
          out,
          loaded.model,
          SHOWN.filter((n) => loaded.model.vars[n]),
        );
    });
}
