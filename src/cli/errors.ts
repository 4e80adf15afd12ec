// The ONE place that maps an error to what the user reads and the exit code, for the commander program (cli/main.ts)
// and for the fast path of `gomodctl tidy`, which runs without commander (cli/tidy-fast.ts, cli/tidy-fast-run.ts).
import { GomodctlError } from '../core/errors.js';
import type { Translator } from '../core/i18n/message.js';
import type { cliMsg as CliMsgFn } from '../core/i18n/messages/cli.js';

type CliMsg = typeof CliMsgFn;
import { redactSecrets } from '../core/redact.js';

/** `gomodctl doctor | head`: a closed pipe ends the output quietly, not with a stack trace. */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
}

/**
 * Prints an error of a command (`program` is "gomodctl tidy") in the user's language and resolves to its exit code;
 * with --json, CI parses stdout: the error also yields one JSON document (the sentence went to stderr).
 */
export async function reportError(err: unknown, argv: string[], tr: Translator, program: string): Promise<number> {
  const { cliMsg } = await import('../core/i18n/messages/cli.js'); // an error: the fast path of tidy has not loaded it
  const code = printError(err, tr, program, cliMsg);
  if (code !== 0 && argv.includes('--json')) {
    const command = argv.slice(2).find((a) => !a.startsWith('-')) ?? null;
    const { printErrorDocument } = await import('../app/error-document.js');
    printErrorDocument(command, err, code);
  }
  return code;
}

function printError(err: unknown, tr: Translator, program: string, cliMsg: CliMsg): number {
  if (err instanceof GomodctlError) {
    // Messages may quote go's stderr or a value the user gave: redact here once (after rendering: the parameters
    // are in the text), whatever produced them.
    const message = redactSecrets(tr.t(err.text));
    process.stderr.write(`${tr.t(cliMsg('error.line', { program, message }))}\n`);
    if (err.hint) process.stderr.write(`  ${redactSecrets(tr.t(err.hint))}\n`);
    return err.exitCode;
  }
  if (err instanceof Error && err.name === 'ExitPromptError') {
    return 130; // Ctrl-C in a prompt: quiet.
  }
  const e = err as Error;
  const detail = redactSecrets(e?.stack ?? String(err));
  process.stderr.write(`${tr.t(cliMsg('error.unexpected', { program, detail }))}\n`);
  process.stderr.write(`  ${tr.t(cliMsg('error.bug'))}\n`);
  return 70;
}
