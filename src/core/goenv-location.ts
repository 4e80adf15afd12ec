// Where Go keeps the GOENV file, per OS — pure ports of cmd/go cfg.EnvFile and os.UserConfigDir
// (src/os/file.go UserConfigDir). The platform and environment are passed in, so every OS is testable on Linux.

/** Platform and environment the location rules read. */
interface LocationInput {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
}

/** Joins path parts with the separator of the given platform. */
function joinFor(platform: NodeJS.Platform, ...parts: string[]): string {
  return parts.join(platform === 'win32' ? '\\' : '/');
}

/** Whether p is absolute on the given platform (filepath.IsAbs). */
function isAbsFor(platform: NodeJS.Platform, p: string): boolean {
  if (platform === 'win32') return /^[a-zA-Z]:[\\/]/.test(p) || /^[\\/]{2}[^\\/]/.test(p);
  return p.startsWith('/');
}

/** os.UserConfigDir: %AppData%, ~/Library/Application Support, $XDG_CONFIG_HOME or ~/.config; null when Go errors. */
export function getUserConfigDir(p: LocationInput): string | null {
  const env = (k: string): string => p.env[k] ?? '';
  switch (p.platform) {
    case 'win32':
      // Windows environment names are case-insensitive.
      return Object.entries(p.env).find(([k, v]) => k.toLowerCase() === 'appdata' && v)?.[1] ?? null;
    case 'darwin':
      return env('HOME') ? `${env('HOME')}/Library/Application Support` : null;
    default: {
      const xdg = env('XDG_CONFIG_HOME');
      if (xdg !== '') return isAbsFor(p.platform, xdg) ? xdg : null; // relative XDG_CONFIG_HOME is an error
      return env('HOME') ? `${env('HOME')}/.config` : null;
    }
  }
}

/** cfg.EnvFile: $GOENV when non-empty ("off" → 'off'), else <UserConfigDir>/go/env; '' when there is none. */
export function getGoenvPath(p: LocationInput): string | 'off' {
  const goenv = p.env.GOENV ?? '';
  if (goenv === 'off') return 'off';
  if (goenv !== '') return goenv;
  const dir = getUserConfigDir(p);
  return dir === null ? '' : joinFor(p.platform, dir, 'go', 'env');
}
