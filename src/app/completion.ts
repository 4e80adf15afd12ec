// `gomodctl completion <shell>`: the script for the shell, from the spec the command read off the program.
import { completionScript, type CompletionShell, type CompletionSpec } from '../core/completion.js';
import { printScript } from '../report/output.js';

/** Prints the completion script for `shell`; resolves to the exit code. */
export function runCompletion(shell: CompletionShell, spec: CompletionSpec): number {
  printScript(completionScript(shell, spec));
  return 0;
}
