// `gomodctl doctor`: flags → options → runDoctor (lazy) → reporter.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { parseDuration } from '../core/duration.js';
import { UsageError } from '../core/errors.js';

/** Registers `gomodctl doctor`. */
export function registerDoctor(program: Command, tr: Translator): void {
  program
    .command('doctor')
    .description(tr.t(cliMsg('doctor.description')))
    .option('--timeout <duration>', 'bound for each probe', '5s')
    .option(
      '--module <path[@version]>',
      'canary module for proxy and checksum probes (default: first public requirement of go.mod)',
    )
    .option('--deps', 'also check that every go.mod requirement is served by the proxies')
    .option('--go <path>', 'go binary to use (default: $GOMODCTL_GO or go on PATH)')
    .option('--json', 'print one JSON document (schemaVersion 1) on stdout')
    .option('--verbose', 'show phase timings and targets of every check')
    .addHelpText(
      'after',
      `
Examples:
  $ gomodctl doctor
  $ gomodctl doctor --timeout 2s --module github.com/pkg/errors@v0.9.1
  $ gomodctl doctor --deps --json > doctor.json

Exit codes: 0 no check failed, 1 a check failed, 2 bad usage.`,
    )
    .action(
      async (o: {
        timeout: string;
        module?: string;
        deps?: boolean;
        go?: string;
        json?: boolean;
        verbose?: boolean;
      }) => {
        const timeoutMs = parseDuration(o.timeout, '--timeout');
        if (o.module !== undefined && !/^[^@\s]+(@[^@\s]+)?$/.test(o.module)) {
          throw new UsageError(
            `invalid --module "${o.module}": expected a module path with an optional version, e.g. golang.org/x/text@v0.14.0`,
          );
        }
        const [{ runDoctor }, { createOutput }, report] = await Promise.all([
          import('../probes/checks/run-doctor.js'),
          import('../report/output.js'),
          import('../report/doctor-report.js'),
        ]);
        const { getGoBinary, verifyGoFlag } = await import('../go/run-go.js');
        await verifyGoFlag(o.go, process.env);
        const out = createOutput({ json: Boolean(o.json), color: program.opts().color });
        const spinner = await out.startSpinner('probing proxies, checksum database and private hosts…');
        const result = await runDoctor({
          go: getGoBinary(o.go, process.env),
          env: process.env,
          cwd: process.cwd(),
          timeoutMs,
          ...(o.module ? { module: o.module } : {}),
          deps: Boolean(o.deps),
          onProgress: (titles) =>
            spinner.update(
              `waiting for ${titles.slice(0, 3).join(', ')}${titles.length > 3 ? ` and ${titles.length - 3} more` : ''}…`,
            ),
        });
        spinner.stop();
        if (out.json) out.printJson(report.doctorJson(result));
        else report.renderDoctorHuman(out, result, Boolean(o.verbose));
        process.exitCode = result.summary.fail > 0 ? 1 : 0;
      },
    );
}
