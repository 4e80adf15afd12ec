// The go binary a command runs, without starting a process (no execa: `gomodctl tidy` starts go before the heavier
// modules load): --go / GOMODCTL_GO / PATH, and the version its $GOROOT/VERSION file names.
import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { GomodctlError, UsageError } from '../core/errors.js';
import { commonMsg } from '../core/i18n/messages/common.js';
import { findExecutable } from './which.js';

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
  if (await findExecutable(explicit, env)) return;
  throw new UsageError(commonMsg('go.noSuchExecutable', { go: explicit }));
}

/** Picks the go binary: an explicit --go, else $GOMODCTL_GO, else "go" on PATH (go.exe on Windows via PATHEXT). */
export function getGoBinary(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  return explicit || env.GOMODCTL_GO || 'go';
}

/** The go binary a command runs: an explicit --go must be an executable (bad usage otherwise), else getGoBinary. */
export async function resolveGoBinary(explicit: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  await verifyGoFlag(explicit, env);
  return getGoBinary(explicit, env);
}

/**
 * The version of a Go installation from its $GOROOT/VERSION file (first line, e.g. "go1.26.8"), found next to the
 * real binary (GOROOT/bin/go): no process, so `go mod tidy` can start before `go env -json` answers. null when the
 * file is not there (a wrapper script, a distribution without it): callers then ask go itself.
 */
export async function goVersionFromFile(go: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  try {
    const exe = await findExecutable(go, env);
    if (!exe) return null;
    const real = await realpath(exe);
    if (basename(dirname(real)) !== 'bin') return null;
    const first = (await readFile(join(dirname(dirname(real)), 'VERSION'), 'utf8')).split('\n')[0]!.trim();
    return /^go1\.\d+(\.\d+)?$/.test(first) ? first : null;
  } catch {
    return null;
  }
}
