// Pure: the --annotate value of tidy and doctor (which CI dialect to write), validated where the flag is read.
import { UsageError } from './errors.js';
import { tidyMsg } from './i18n/messages/tidy.js';

/** Which CI dialect to write. */
export type AnnotateMode = 'auto' | 'github' | 'gitlab' | 'none';

/** Validates --annotate (bad value → UsageError, exit 2). */
export function parseAnnotateMode(value: string): AnnotateMode {
  if (value === 'auto' || value === 'github' || value === 'gitlab' || value === 'none') return value;
  throw new UsageError(tidyMsg('ci.invalidAnnotate', { value }));
}
