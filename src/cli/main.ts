// The commander program: global wiring and the ONE top-level catch that maps errors to exit codes.
import { Command, CommanderError } from 'commander';
import { GomodctlError } from '../core/errors.js';
import { redactSecrets } from '../core/redact.js';
import { registerDoctor } from './doctor.js';
import { registerEnv } from './env.js';
import { registerRoute } from './route.js';
import { registerTidy } from './tidy.js';
import { registerInit } from './init.js';
import { registerRestore } from './restore.js';
import { registerCheckProxy } from './check-proxy.js';
import { VERSION } from './version.js';

/** Builds the commander program (exported for tests of --help). */
export function buildProgram(): Command {
  const program = new Command('gomodctl')
    .description('Make Go module downloads work on restricted networks.')
    .version(VERSION, '-V, --version')
    .option('--no-color', 'disable colour (NO_COLOR is honoured too)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  program.addHelpText(
    'after',
    `
Examples:
  $ gomodctl doctor                 check proxies, checksum database and private hosts
  $ gomodctl tidy --explain         run go mod tidy and name what blocks it
  $ gomodctl init                   configure GOPROXY/GOPRIVATE/GOSUMDB with a wizard
  $ gomodctl env                    show the effective Go module configuration and its sources
  $ gomodctl route example.com/m    show which URLs Go would request for a module
  $ gomodctl check-proxy <url>      check that a module proxy works for go

Exit codes: 0 ok, 1 problems found, 2 bad usage or bad input, 3 killed at --timeout, 130 interrupted.`,
  );
  for (const register of [
    registerDoctor,
    registerTidy,
    registerInit,
    registerRestore,
    registerEnv,
    registerRoute,
    registerCheckProxy,
  ]) {
    register(program);
  }
  return program;
}

/** Runs the CLI and resolves to the process exit code. Never throws for expected errors. */
export async function main(argv: string[]): Promise<number> {
  // `gomodctl doctor | head`: a closed pipe ends the output quietly, not with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    const code = handleError(err);
    if (code !== 0 && argv.includes('--json')) await printJsonError(argv, err, code);
    return code;
  }
}

/** With --json, CI parses stdout: an error still yields one JSON document (the sentence also went to stderr). */
async function printJsonError(argv: string[], err: unknown, exitCode: number): Promise<void> {
  const command = argv.slice(2).find((a) => !a.startsWith('-')) ?? null;
  const { printErrorDocument } = await import('../app/error-document.js');
  printErrorDocument(command, err, exitCode);
}

function handleError(err: unknown): number {
  if (err instanceof CommanderError) {
    // --help and --version end here with exit code 0; usage errors were already printed by commander.
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof GomodctlError) {
    // Messages may quote go's stderr or a value the user gave: redact here once, whatever produced them.
    process.stderr.write(`gomodctl: ${redactSecrets(err.message)}\n`);
    if (err.hint) process.stderr.write(`  ${redactSecrets(err.hint)}\n`);
    return err.exitCode;
  }
  if (err instanceof Error && err.name === 'ExitPromptError') {
    return 130; // Ctrl-C in a prompt: quiet.
  }
  const e = err as Error;
  process.stderr.write(`gomodctl: unexpected error: ${redactSecrets(e?.stack ?? String(err))}\n`);
  process.stderr.write('  This is a bug in gomodctl; please report it with the command you ran.\n');
  return 70;
}
