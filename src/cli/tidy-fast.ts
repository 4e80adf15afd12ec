// The fast way into `gomodctl tidy` (bin/gomodctl.js): a warm `go mod tidy` takes ~50 ms, and commander with every
// --help text costs ~30 ms before go could start. A command line that is well formed by the flags of cli/tidy.ts runs
// without commander; anything else (--help, a flag or value commander would refuse, an option given twice in forms we
// do not read) returns undefined and is left to commander, which runs it or prints the usage error: both ways agree.
import { translator } from '../core/i18n/message.js';
import { runTidy } from '../app/tidy.js';
import { quietOnClosedPipe, reportError } from './errors.js';
import { detectLang } from './detect-lang.js';
import { parseTidyLine, tidyRunOptions } from './tidy-flags.js';

/** Runs `gomodctl tidy …` (argv as process.argv) without commander; undefined: commander must parse this line. */
export async function tidyFast(argv: string[]): Promise<number | undefined> {
  const line = parseTidyLine(argv.slice(3));
  if (!line) return undefined;
  quietOnClosedPipe();
  const tr = translator(detectLang(argv.slice(2), process.env, process.platform));
  try {
    return await runTidy(tidyRunOptions(line.flags, line.goArgs, line.color, tr.lang));
  } catch (err) {
    return reportError(err, argv, tr, 'gomodctl tidy');
  }
}
