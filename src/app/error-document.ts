// With --json, CI parses stdout: a command that could not run still yields one JSON document (cli/main.ts calls this
// after printing the sentence on stderr), unless the command already printed its own.
import { GomodctlError } from '../core/errors.js';
import { hasPrintedDocument, printDocument } from '../report/document.js';

/** Prints `{ schemaVersion: 1, command, error: { exitCode, message, hint? } }` unless a document was printed. */
export function printErrorDocument(command: string | null, err: unknown, exitCode: number): void {
  if (hasPrintedDocument()) return;
  const message = err instanceof Error ? err.message.replace(/^error: /, '').trim() : String(err);
  const hint = err instanceof GomodctlError ? err.hint : undefined;
  printDocument(command, { error: { exitCode, message, ...(hint ? { hint } : {}) } });
}
