// With --json, CI parses stdout: a command that could not run still yields one JSON document (cli/main.ts calls this
// after printing the sentence on stderr), unless the command already printed its own.
import { GomodctlError } from '../core/errors.js';
import { redactSecrets } from '../core/redact.js';
import { hasPrintedJson } from '../report/output.js';

/** Prints `{ schemaVersion: 1, command, error: { exitCode, message, hint? } }` unless a document was printed. */
export function printErrorDocument(command: string | null, err: unknown, exitCode: number): void {
  if (hasPrintedJson()) return;
  const message = err instanceof Error ? err.message.replace(/^error: /, '').trim() : String(err);
  const hint = err instanceof GomodctlError ? err.hint : undefined;
  process.stdout.write(
    `${JSON.stringify({ schemaVersion: 1, command, error: { exitCode, message: redactSecrets(message), ...(hint ? { hint: redactSecrets(hint) } : {}) } }, null, 2)}\n`,
  );
}
