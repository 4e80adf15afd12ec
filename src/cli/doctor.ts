// `gomodctl doctor`: flags → DoctorOptions → app/doctor (lazy) → exit code.
import type { Command } from 'commander';
import type { Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';
import { UsageError } from '../core/errors.js';
import { fixMsg } from '../core/i18n/messages/fix.js';
import type { DoctorFixFlags } from '../app/doctor-fix.js';
import { parseAnnotateMode } from '../core/annotate-mode.js';
import { type RunFlags, colorFlag, helpAfter, durationOption, goOption, jsonOption } from './options.js';

interface DoctorFlags extends RunFlags {
  timeout: number;
  module?: string;
  deps?: boolean;
  verbose?: boolean;
  // doctor --fix (app/doctor-fix.ts)
  fix?: boolean;
  yes?: boolean;
  verify?: boolean;
  mirror: string[];
  annotate: string;
  junit?: string;
}

// doctor --fix, --yes, --verify, --mirror (app/doctor-fix.ts): one block.
const collectMirror = (value: string, previous: string[]): string[] => {
  if (!/^https?:\/\/[^/\s]+/.test(value)) throw new UsageError(fixMsg('fix.badMirror', { value }));
  return [...previous, value];
};

/** The fix flags, or undefined when none was given (then doctor only diagnoses). */
function fixFlags(flags: DoctorFlags): DoctorFixFlags | undefined {
  if (!flags.fix && !flags.verify && flags.mirror.length === 0) return undefined;
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  return {
    fix: Boolean(flags.fix),
    yes: Boolean(flags.yes),
    verify: Boolean(flags.verify),
    mirrors: flags.mirror,
    tty,
  };
}

/** Registers `gomodctl doctor`. */
export function registerDoctor(program: Command, tr: Translator): void {
  const help = helpAfter(
    tr,
    [
      'gomodctl doctor',
      'gomodctl doctor --timeout 2s --module github.com/pkg/errors@v0.9.1',
      'gomodctl doctor --deps --json > doctor.json',
      'gomodctl doctor --verify --mirror https://athens.corp.example',
      'gomodctl doctor --fix --yes',
      'gomodctl doctor --annotate github --junit doctor.xml',
    ],
    tr.t(cliMsg('doctor.exitCodes')),
  );
  program
    .command('doctor')
    .description(tr.t(cliMsg('doctor.description')))
    .addOption(durationOption('--timeout <duration>', tr.t(cliMsg('doctor.option.timeout')), '5s'))
    .option('--module <path[@version]>', tr.t(cliMsg('doctor.option.module')))
    .option('--deps', tr.t(cliMsg('doctor.option.deps')))
    .addOption(goOption(tr))
    .addOption(jsonOption(tr))
    .option('--verbose', tr.t(cliMsg('doctor.option.verbose')))
    .option('--fix', tr.t(fixMsg('fix.flag.fix')))
    .option('--yes', tr.t(fixMsg('fix.flag.yes')))
    .option('--verify', tr.t(fixMsg('fix.flag.verify')))
    .option('--mirror <url>', tr.t(fixMsg('fix.flag.mirror')), collectMirror, [])
    .option('--annotate <mode>', tr.t(cliMsg('doctor.option.annotate')), 'auto')
    .option('--junit <file>', tr.t(cliMsg('doctor.option.junit')))
    .addHelpText('after', help)
    .action(async (flags: DoctorFlags, cmd: Command) => {
      if (flags.module !== undefined && !/^[^@\s]+(@[^@\s]+)?$/.test(flags.module)) {
        throw new UsageError(cliMsg('doctor.invalidModule', { value: flags.module }));
      }
      parseAnnotateMode(flags.annotate); // bad --annotate is bad usage (exit 2) before any probe runs
      const fix = fixFlags(flags);
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
        ...(fix ? { fix } : {}),
        annotate: flags.annotate,
        ...(flags.junit ? { junit: flags.junit } : {}),
        color: colorFlag(cmd),
        lang: tr.lang,
      });
    });
}
