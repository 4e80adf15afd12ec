// The fast way into `gomodctl tidy` (bin/gomodctl.js): a warm `go mod tidy` takes ~50 ms, and commander with every
// --help text costs ~30 ms before go could start. A command line that is well formed by the flags of cli/tidy.ts runs
// without commander; anything else (--help, a flag or value commander would refuse, an option given twice in forms we
// do not read) returns undefined and is left to commander, which runs it or prints the usage error: both ways agree.
import { parseArgs } from 'node:util';
import { parseDuration } from '../core/duration.js';
import { translator } from '../core/i18n/message.js';
import { quietOnClosedPipe, reportError } from './errors.js';
import { detectLang } from './language.js';
import { DEFAULT_ANNOTATE, DEFAULT_STALL, retryCount, type TidyFlags, tidyRunOptions } from './tidy-flags.js';

/** The flags of `gomodctl tidy` (cli/tidy.ts) and the global ones commander accepts after it (cli/main.ts). */
const OPTIONS = {
  explain: { type: 'boolean' },
  'stall-kill': { type: 'boolean' },
  json: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  stall: { type: 'string' },
  timeout: { type: 'string' },
  retry: { type: 'string' },
  junit: { type: 'string' },
  annotate: { type: 'string' },
  go: { type: 'string' },
  lang: { type: 'string' },
  dir: { type: 'string', short: 'C' }, // only as -C: `--dir` is not a flag of gomodctl
} as const;

/** A parsed command line: the flags as commander would hand them over, go's arguments, colour and language. */
interface FastLine {
  flags: TidyFlags;
  goArgs: string[];
  color: boolean;
}

/** The value commander would give, or undefined where it would refuse it (then commander says why). */
function valid<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}

/** Parses what follows `tidy`, or undefined when commander should (anything unusual, --help, an error). */
export function parseTidyLine(args: string[]): FastLine | undefined {
  // An unknown flag, a missing or ambiguous value, a value on a boolean flag: commander's error.
  const parsed = valid(() => parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true, tokens: true }));
  if (!parsed) return undefined;
  if (parsed.tokens.some((t) => t.kind === 'option' && t.rawName === '--dir')) return undefined;
  const v = parsed.values;
  if (v.lang !== undefined && v.lang !== 'en' && v.lang !== 'zh') return undefined;
  const stall = valid(() => parseDuration(v.stall ?? DEFAULT_STALL, '--stall'));
  const timeout = v.timeout === undefined ? null : valid(() => parseDuration(v.timeout!, '--timeout'));
  const retry = v.retry === undefined ? 0 : valid(() => retryCount(v.retry!));
  if (stall === undefined || timeout === undefined || retry === undefined) return undefined;
  const flags: TidyFlags = {
    stall,
    retry,
    annotate: v.annotate ?? DEFAULT_ANNOTATE,
    ...(timeout === null ? {} : { timeout }),
    ...(v.explain ? { explain: true } : {}),
    ...(v['stall-kill'] ? { stallKill: true } : {}),
    ...(v.json ? { json: true } : {}),
    ...(v.junit !== undefined ? { junit: v.junit } : {}),
    ...(v.dir !== undefined ? { C: v.dir } : {}),
    ...(v.go !== undefined ? { go: v.go } : {}),
  };
  return { flags, goArgs: parsed.positionals, color: !v['no-color'] };
}

/** Runs `gomodctl tidy …` (argv as process.argv) without commander; undefined: commander must parse this line. */
export async function tidyFast(argv: string[]): Promise<number | undefined> {
  const line = parseTidyLine(argv.slice(3));
  if (!line) return undefined;
  quietOnClosedPipe();
  const tr = translator(detectLang(argv.slice(2), process.env, process.platform));
  try {
    const { runTidy } = await import('../app/tidy.js');
    return await runTidy(tidyRunOptions(line.flags, line.goArgs, line.color, tr.lang));
  } catch (err) {
    return reportError(err, argv, tr, 'gomodctl tidy');
  }
}
