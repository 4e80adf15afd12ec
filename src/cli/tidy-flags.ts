// The flags of `gomodctl tidy` as data, shared by the commander command (cli/tidy.ts, which gives --help and every
// usage error) and the fast path (cli/tidy-fast.ts, which runs a well-formed command line without loading commander).
import { UsageError } from '../core/errors.js';
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

/** --retry: a whole number of retries, 0 to 10 (bad input is bad usage, exit 2). */
export function retryCount(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) > 10)
    throw new UsageError(
      `invalid --retry "${value}": expected a whole number of retries from 0 to 10 (e.g. --retry 2)`,
    );
  return Number(value);
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
