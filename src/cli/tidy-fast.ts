// The fast way into `gomodctl tidy` (bin/gomodctl.js): a warm `go mod tidy` takes ~40 ms, and commander with every
// --help text costs ~30 ms before go could start. A command line that is well formed by the flags of cli/tidy.ts runs
// without commander; anything else (--help, a flag or value commander would refuse, an option given twice in forms we
// do not read) returns undefined and is left to commander, which runs it or prints the usage error: both ways agree.
// This file is the first of two bundles (npm run bundle): it holds only what starting go needs (app/tidy-start.ts),
// so go starts a few ms after node; what watches and reports it (cli/tidy-fast-run.ts, the second bundle) loads
// while go runs.
import type { runTidyFast } from './tidy-fast-run.js';
import { dropEarly, startTidyEarly } from '../app/tidy-start.js';
import { quietOnClosedPipe } from './errors.js';
import { detectLang } from './detect-lang.js';
import { parseTidyLine, tidyRunOptions } from './tidy-flags.js';

/** Loads the second bundle (the launcher compiles it from its code cache). */
type LoadRun = () => { runTidyFast: typeof runTidyFast } | Promise<{ runTidyFast: typeof runTidyFast }>;

/** Runs `gomodctl tidy …` (argv as process.argv) without commander; undefined: commander must parse this line. */
export async function tidyFast(argv: string[], loadRun: LoadRun): Promise<number | undefined> {
  const entered = performance.now();
  const line = parseTidyLine(argv.slice(3));
  if (!line) return undefined;
  const opts = tidyRunOptions(
    line.flags,
    line.goArgs,
    line.color,
    detectLang(argv.slice(2), process.env, process.platform),
  );
  const early = await startTidyEarly({
    go: opts.go,
    dir: opts.dir,
    goArgs: opts.goArgs,
    json: opts.json,
    env: opts.env,
    entered,
  }).catch(() => undefined); // runTidy starts go itself then, and says what is wrong
  quietOnClosedPipe(); // after go started: making process.stdout and stderr takes ~1 ms, and nothing was written yet
  let run: Awaited<ReturnType<LoadRun>>;
  try {
    run = await loadRun();
  } catch (err) {
    await dropEarly(early); // the rest could not load: go must not run on without us (the launcher says why)
    throw err;
  }
  return run.runTidyFast(opts, early, argv);
}
