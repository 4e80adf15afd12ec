// The go binary a command runs, without starting a process (no execa: `gomodctl tidy` starts go before the heavier
// modules load): --go / GOMODCTL_GO / PATH, and the version its $GOROOT/VERSION file names.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { GomodctlError, UsageError } from '../core/errors.js';
import { commonMsg } from '../core/i18n/messages/common.js';
import { getGoBinary } from './go-install.js';
import { findExecutable } from './which.js';

export { getGoBinary, goVersionFromFile } from './go-install.js';

/** Thrown when the go binary cannot be run at all. */
export class GoNotFoundError extends GomodctlError {
  constructor(go: string) {
    super(commonMsg('go.notFound', { go }), 1, commonMsg('go.notFoundHint'));
    this.name = 'GoNotFoundError';
  }
}

/** An explicit --go that is not an executable is bad usage (exit 2), not "Go not installed". */
export async function verifyGoFlag(explicit: string | undefined, env: NodeJS.ProcessEnv): Promise<void> {
  if (explicit === undefined) return;
  if (findExecutable(explicit, env)) return;
  // A GOROOT given for the binary (--go /usr/local/go): the binary is its bin/go (bin/go.exe on Windows)
  const bin = statSync(explicit, { throwIfNoEntry: false })?.isDirectory()
    ? findExecutable(join(explicit, 'bin', process.platform === 'win32' ? 'go.exe' : 'go'), env)
    : null;
  if (bin) throw new UsageError(commonMsg('go.isDirectory', { go: explicit, bin }));
  throw new UsageError(commonMsg('go.noSuchExecutable', { go: explicit }));
}

/** The go binary a command runs: an explicit --go must be an executable (bad usage otherwise), else getGoBinary. */
export async function resolveGoBinary(explicit: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  await verifyGoFlag(explicit, env);
  return getGoBinary(explicit, env);
}
