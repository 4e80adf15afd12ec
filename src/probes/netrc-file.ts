// Locating and reading the .netrc file that `go` reads (go-semantics.md §6.3; G:cmd/go/internal/auth/netrc.go).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { posix, win32 } from 'node:path';
import { goMinorVersion, parseNetrc } from '../core/netrc.js';
import type { NetrcEntry } from '../core/types.js';

/** Inputs of the pure .netrc location rule. */
export interface NetrcPathInput {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Existence check for Windows' `_netrc` preference (Go 1.24+); without it `_netrc` is assumed absent. */
  exists?: (path: string) => boolean;
  /** Go version ("go1.23.4"); null/undefined means the newest behaviour. */
  goVersion?: string | null;
}

/**
 * Path of the .netrc file Go reads: $NETRC when non-empty; else the home directory (os.UserHomeDir: %USERPROFILE% on
 * Windows, $home on Plan 9, $HOME elsewhere) joined with `.netrc`. Windows: Go ≤1.23 reads only `_netrc`;
 * 1.24+ prefers `_netrc` when it exists, else `.netrc`. Null when there is no home directory.
 */
export function getNetrcPath(input: NetrcPathInput): string | null {
  const { platform, env } = input;
  if (env.NETRC) return env.NETRC;
  const home = platform === 'win32' ? env.USERPROFILE : env.HOME;
  if (!home) return null;
  if (platform !== 'win32') return posix.join(home, '.netrc');
  const legacy = win32.join(home, '_netrc');
  const minor = goMinorVersion(input.goVersion) ?? Number.MAX_SAFE_INTEGER;
  if (minor < 24) return legacy;
  return input.exists?.(legacy) ? legacy : win32.join(home, '.netrc');
}

/** Reads and parses the .netrc Go would read; a missing file (or no home directory) gives []. */
export async function readNetrc(
  env: Record<string, string | undefined>,
  opts: { platform?: NodeJS.Platform; goVersion?: string | null } = {},
): Promise<NetrcEntry[]> {
  const path = getNetrcPath({
    platform: opts.platform ?? process.platform,
    env,
    exists: existsSync,
    goVersion: opts.goVersion,
  });
  if (!path) return [];
  try {
    return parseNetrc(await readFile(path, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
