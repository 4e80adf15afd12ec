// What every command is started with besides its own flags: the go binary, the environment, the output mode and
// the language.
import type { Lang } from '../core/i18n/message.js';

/** Options shared by the commands that run go and print a report (cli/options.ts defines the flags once). */
export interface RunOptions {
  /** --go, when given (else $GOMODCTL_GO, else go on PATH). */
  go?: string;
  /** The environment go and the probes see. */
  env: NodeJS.ProcessEnv;
  /** --json: one document on stdout. */
  json: boolean;
  /** false with --no-color. */
  color?: boolean;
  /** The language of human output (cli/main.ts chose it: --lang, GOMODCTL_LANG, the locale); English when absent. */
  lang?: Lang;
}
