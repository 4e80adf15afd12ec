// Typed errors: one catch at the top (cli/main.ts) turns them into a line, a hint and an exit code.
import type { Text } from './i18n/message.js';

/**
 * An error the user can act on; printed as one line plus an optional hint, never a stack. The message and hint may
 * be catalogue messages: `message` holds the English text (logs, the --json error document), `text` and `hint` are
 * rendered in the user's language.
 */
export class GomodctlError extends Error {
  /** The message as given (a Message is rendered in the user's language by cli/main.ts). */
  readonly text: Text;

  constructor(
    message: Text,
    readonly exitCode: number,
    readonly hint?: Text,
  ) {
    super(String(message));
    this.text = message;
    this.name = 'GomodctlError';
  }
}

/** Bad usage or bad input: exit code 2. The message names the value, what is wrong and what would be right. */
export class UsageError extends GomodctlError {
  constructor(message: Text, hint?: Text) {
    super(message, 2, hint);
    this.name = 'UsageError';
  }
}
