// The fast way into `gomodctl tidy` (bin/gomodctl.js): a warm `go mod tidy` takes ~40 ms, and commander with every
// --help text costs ~30 ms before go could start. A command line that is well formed by the flags of cli/tidy.ts runs
// without commander; anything else (--help, a flag or value commander would refuse, an option given twice in forms we
// do not read) returns undefined and is left to commander, which runs it or prints the usage error: both ways agree.
// go starts first (app/tidy-start.ts); what watches and reports it loads while it runs.
import { translator } from '../core/i18n/message.js';
import { dropEarly, startTidyEarly } from '../app/tidy-start.js';
import { quietOnClosedPipe, reportError } from './errors.js';
import { detectLang } from './detect-lang.js';
import { parseTidyLine, tidyRunOptions } from './tidy-flags.js';

/** Runs `gomodctl tidy …` (argv as process.argv) without commander; undefined: commander must parse this line. */
export async function tidyFast(argv: string[]): Promise<number | undefined> {
  const entered = performance.now();
  const line = parseTidyLine(argv.slice(3));
  if (!line) return undefined;
  quietOnClosedPipe();
  const tr = translator(detectLang(argv.slice(2), process.env, process.platform));
  const opts = tidyRunOptions(line.flags, line.goArgs, line.color, tr.lang);
  const early = await startTidyEarly({
    go: opts.go,
    dir: opts.dir,
    goArgs: opts.goArgs,
    json: opts.json,
    env: opts.env,
    entered,
  }).catch(() => undefined); // runTidy starts go itself then, and says what is wrong
  try {
    const { runTidy } = await import('../app/tidy.js');
    return await runTidy({ ...opts, early });
  } catch (err) {
    await dropEarly(early); // runTidy kills it on its own errors; not when it could not even load
    return reportError(err, argv, tr, 'gomodctl tidy');
  }
}
