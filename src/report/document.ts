// The one JSON document a command prints with --json (schemaVersion 1): stamped with the schema version and the
// command, redacted once, and recorded, so that the error path (cli/main.ts) never adds a second document.
import { redactSecrets } from '../core/redact.js';

/** The version of every JSON document (README "JSON output"). */
const SCHEMA_VERSION = 1;

let printed = false;

/** Prints `{ schemaVersion: 1, command, ...body }` on stdout with every password redacted. */
export function printDocument(
  command: string | null,
  body: Record<string, unknown>,
  stdout: NodeJS.WritableStream = process.stdout,
): void {
  printed = true;
  // Redacted as compact JSON text, so a secret in any field (or nested message) is caught; then pretty-printed.
  const text = redactSecrets(JSON.stringify({ schemaVersion: SCHEMA_VERSION, command, ...body }));
  stdout.write(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
}

/** Whether this process already printed its one document. */
export function hasPrintedDocument(): boolean {
  return printed;
}
