// The flags of `gomodctl tidy` as data, shared by the commander command (cli/tidy.ts, which gives --help and every
// usage error) and the fast path (cli/tidy-fast.ts, which runs a well-formed command line without loading commander):
// parseTidyLine reads a line exactly as commander would, or leaves it to commander (test/cli/tidy-fast.test.ts).
import { parseArgs } from 'node:util';
import { readDuration } from '../core/duration.js';
import type { Lang } from '../core/i18n/message.js';

/** The option values as commander hands them to the action (and the fast path builds them). */
export interface TidyFlags {
  explain?: boolean;
  stall: number;
  timeout?: number;
  retry: number;
  stallKill?: boolean;
  junit?: string;
  annotate: string;
  C?: string;
  go?: string;
  json?: boolean;
}

/** --stall's default, as written in --help. */
export const DEFAULT_STALL = '10s';

/** --annotate's default. */
export const DEFAULT_ANNOTATE = 'auto';

/** --retry's value: a whole number of retries from 0 to 10, or undefined (cli/tidy.ts says why, exit 2). */
export function retryCountOf(value: string): number | undefined {
  return /^\d+$/.test(value.trim()) && Number(value) <= 10 ? Number(value) : undefined;
}

/** What runTidy is given for these flags (one mapping for both ways in). */
export function tidyRunOptions(flags: TidyFlags, goArgs: string[], color: boolean | undefined, lang: Lang) {
  return {
    explain: Boolean(flags.explain),
    stallMs: flags.stall,
    timeoutMs: flags.timeout,
    retry: flags.retry,
    stallKill: Boolean(flags.stallKill),
    ...(flags.junit ? { junit: flags.junit } : {}),
    json: Boolean(flags.json),
    annotate: flags.annotate,
    dir: flags.C ?? '.',
    go: flags.go,
    goArgs,
    color,
    lang,
    env: process.env,
  };
}

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
  const ms = (text: string) => {
    const r = readDuration(text);
    return 'ms' in r ? r.ms : undefined; // commander says why (cli/options.ts parseDuration)
  };
  // commander checks the value of every occurrence of a flag, not only the last one, which is the one that counts.
  const good: Partial<Record<string, (value: string) => boolean>> = {
    stall: (x) => ms(x) !== undefined,
    timeout: (x) => ms(x) !== undefined,
    retry: (x) => retryCountOf(x) !== undefined,
    lang: (x) => x === 'en' || x === 'zh',
  };
  for (const t of parsed.tokens) {
    if (t.kind !== 'option') continue;
    if (t.rawName === '--dir' || (t.value !== undefined && good[t.name]?.(t.value) === false)) return undefined;
  }
  const v = parsed.values; // every value given passed `good`: the last one of each flag is valid
  const flags: TidyFlags = {
    stall: ms(v.stall ?? DEFAULT_STALL)!,
    retry: v.retry === undefined ? 0 : retryCountOf(v.retry)!,
    annotate: v.annotate ?? DEFAULT_ANNOTATE,
    ...(v.timeout === undefined ? {} : { timeout: ms(v.timeout)! }),
    ...(v.explain ? { explain: true } : {}),
    ...(v['stall-kill'] ? { stallKill: true } : {}),
    ...(v.json ? { json: true } : {}),
    ...(v.junit !== undefined ? { junit: v.junit } : {}),
    ...(v.dir !== undefined ? { C: v.dir } : {}),
    ...(v.go !== undefined ? { go: v.go } : {}),
  };
  return { flags, goArgs: parsed.positionals, color: !v['no-color'] };
}
