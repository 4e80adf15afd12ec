// The go binary a command runs and the version of its installation, without starting a process: `gomodctl tidy`
// starts go before anything else loads (app/tidy-start.ts), so this module imports nothing but node:fs, node:path and
// the PATH lookup.
import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { findExecutable } from './which.js';

/** Picks the go binary: an explicit --go, else $GOMODCTL_GO, else "go" on PATH (go.exe on Windows via PATHEXT). */
export function getGoBinary(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  return explicit || env.GOMODCTL_GO || 'go';
}

/**
 * The GOROOT of the installation a go binary belongs to: the directory above the bin/ its real path is in (where
 * cmd/go/internal/cfg/cfg.go findGOROOT looks first when $GOROOT is not set, from os.Executable), or null.
 */
export function installRootOf(go: string, env: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null {
  try {
    const exe = findExecutable(go, env, platform);
    if (!exe) return null;
    const real = realpathSync.native(exe);
    return basename(dirname(real)) === 'bin' ? dirname(dirname(real)) : null;
  } catch {
    return null;
  }
}

/**
 * The version of a Go installation from its $GOROOT/VERSION file (first line, e.g. "go1.26.8"), found next to the
 * real binary (GOROOT/bin/go): no process, so `go mod tidy` can start before `go env -json` answers. null when the
 * file is not there (a wrapper script, a distribution without it): callers then ask go itself.
 */
export function goVersionFromFile(go: string, env: NodeJS.ProcessEnv): string | null {
  const root = installRootOf(go, env);
  if (!root) return null;
  try {
    const first = readFileSync(join(root, 'VERSION'), 'utf8').split('\n')[0]!.trim();
    return /^go1\.\d+(\.\d+)?$/.test(first) ? first : null;
  } catch {
    return null;
  }
}
