// Typed errors: one catch at the top (cli/main.ts) turns them into a line, a hint and an exit code.

/** An error the user can act on; printed as one line plus an optional hint, never a stack. */
export class GomodctlError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'GomodctlError';
  }
}

/** Bad usage or bad input: exit code 2. The message names the value, what is wrong and what would be right. */
export class UsageError extends GomodctlError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
    this.name = 'UsageError';
  }
}
