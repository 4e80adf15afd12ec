// Reading the .netrc file that `go` reads (cmd/go/internal/auth/netrc.go readNetrc, parseNetrc).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { getNetrcPath, parseNetrc } from '../core/netrc.js';
import type { NetrcEntry } from '../core/netrc.js';

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
