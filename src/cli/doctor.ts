// `gomodctl doctor`: flags → DoctorOptions → app/doctor (lazy) → exit code.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { UsageError } from '../core/errors.js';
import { parseAnnotateMode } from '../core/annotate-mode.js';
import { type RunFlags, colorFlag, helpAfter, durationOption, goOption, jsonOption } from './options.js';

interface DoctorFlags extends RunFlags {
  timeout: number;
  module?: string;
  deps?: boolean;
  verbose?: boolean;
  annotate: string;
  junit?: string;
}

/** Registers `gomodctl doctor`. */
export function registerDoctor(program: Command, tr: Translator): void {
  const help = helpAfter(
    tr,
    [
      'gomodctl doctor',
      'gomodctl doctor --timeout 2s --module github.com/pkg/errors@v0.9.1',
      'gomodctl doctor --deps --json > doctor.json',
      'gomodctl doctor --annotate github --junit doctor.xml   # CI: annotations, step summary, test report',
    ],
    'Exit codes: 0 no check failed, 1 a check failed, 2 bad usage.',
  );
  program
    .command('doctor')
    .description(tr.t(cliMsg('doctor.description')))
    .addOption(durationOption('--timeout <duration>', 'bound for each probe', '5s'))
    .option(
      '--module <path[@version]>',
      'canary module for proxy and checksum probes (default: first public requirement of go.mod)',
    )
    .option('--deps', 'also check that every go.mod requirement is served by the proxies')
    .addOption(goOption(tr))
    .addOption(jsonOption(tr))
    .option('--verbose', 'show phase timings and targets of every check')
    .option('--annotate <mode>', 'CI annotations: auto, github, gitlab or none', 'auto')
    .option('--junit <file>', 'write a JUnit XML report: one test case per check (GitLab, Jenkins)')
    .addHelpText('after', help)
    .action(async (flags: DoctorFlags, cmd: Command) => {
      if (flags.module !== undefined && !/^[^@\s]+(@[^@\s]+)?$/.test(flags.module)) {
        throw new UsageError(
          `invalid --module "${flags.module}": expected a module path with an optional version, e.g. golang.org/x/text@v0.14.0`,
        );
      }
      parseAnnotateMode(flags.annotate); // bad --annotate is bad usage (exit 2) before any probe runs
      const { runDoctor } = await import('../app/doctor.js');
      process.exitCode = await runDoctor({
        go: flags.go,
        env: process.env,
        cwd: process.cwd(),
        timeoutMs: flags.timeout,
        ...(flags.module ? { module: flags.module } : {}),
        deps: Boolean(flags.deps),
        json: Boolean(flags.json),
        verbose: Boolean(flags.verbose),
        annotate: flags.annotate,
        ...(flags.junit ? { junit: flags.junit } : {}),
        color: colorFlag(cmd),
        lang: tr.lang,
      });
    });
}
