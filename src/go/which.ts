// Finds an executable on PATH the way a shell would (PATHEXT on Windows), so reports show the real path of `go`.
// Synchronous, and without node:fs/promises (1.5 ms to load): `gomodctl tidy` looks go up before it starts it, and
// every ms there is a ms more than a warm `go mod tidy` (bench 3); a few stat calls on local directories.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** Candidate file names for a command on a platform: go → go.exe, go.bat… on win32. */
export function executableNames(name: string, platform: NodeJS.Platform, pathext: string | undefined): string[] {
  if (platform !== 'win32' || /\.[^\\/]+$/.test(name)) return [name];
  return (pathext || '.EXE;.CMD;.BAT;.COM')
    .split(';')
    .filter(Boolean)
    .map((ext) => name + ext.toLowerCase());
}

/** Absolute path of `name` (a bare command or a path), or null when it is not found. */
export function findExecutable(
  name: string,
  env: Record<string, string | undefined>,
  platform = process.platform,
): string | null {
  const names = executableNames(name, platform, env.PATHEXT);
  const dirs =
    name.includes('/') || name.includes('\\') || isAbsolute(name)
      ? ['']
      : (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const n of names) {
      const p = dir ? join(dir, n) : resolve(n);
      try {
        // a directory has its x bit too, but is no command: the shell (execvp) and `which` go on past it (a `go`
        // directory in a PATH entry, or --go given a GOROOT)
        if (!statSync(p).isFile()) continue;
        accessSync(p, platform === 'win32' ? constants.F_OK : constants.X_OK);
        return p;
      } catch {
        // not there, or not executable: the next directory
      }
    }
  }
  return null;
}
