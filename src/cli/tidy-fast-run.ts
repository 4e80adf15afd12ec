// The second half of `gomodctl tidy`'s fast path (cli/tidy-fast.ts), bundled apart (dist/fast/tidy-fast-run.cjs) and
// loaded while go runs: runTidy and the one place errors become what the user reads. Errors are reported here, in
// the bundle whose classes threw them.
import { dropEarly, type EarlyTidy } from '../app/tidy-start.js';
import { runTidy } from '../app/tidy.js';
import { translator } from '../core/i18n/message.js';
import { reportError } from './errors.js';
import type { tidyRunOptions } from './tidy-flags.js';

/** Runs tidy with the go started early (if any); resolves to the exit code, errors printed. */
export async function runTidyFast(
  opts: ReturnType<typeof tidyRunOptions>,
  early: EarlyTidy | undefined,
  argv: string[],
): Promise<number> {
  try {
    return await runTidy({ ...opts, early });
  } catch (err) {
    await dropEarly(early); // runTidy kills it on its own errors; not when it could not even start
    return reportError(err, argv, translator(opts.lang), 'gomodctl tidy');
  }
}
