// The edge that runs `git` (bounded): whether it is installed, and the repository's remotes for GOPRIVATE suggestions.
import { execa } from 'execa';

/** `git --version` output, or null when git cannot be run (bounded: 5 s). */
export async function getGitVersion(env: Record<string, string | undefined>): Promise<string | null> {
  const r = await execa('git', ['--version'], {
    env,
    extendEnv: false,
    timeout: 5000,
    reject: false,
    stdin: 'ignore',
  }).catch(() => null);
  return r && r.exitCode === 0 ? String(r.stdout).trim() : null;
}

/** Unique fetch URLs of the repository's git remotes; [] outside a repository or without git (bounded: 3 s). */
export async function getGitRemoteUrls(cwd: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  try {
    const r = await execa('git', ['remote', '-v'], {
      cwd,
      env,
      extendEnv: false,
      timeout: 3000,
      reject: false,
      stdin: 'ignore',
    });
    if (r.exitCode !== 0) return [];
    const urls = String(r.stdout)
      .split('\n')
      .map((l) => l.split(/\s+/)[1])
      .filter((u): u is string => Boolean(u));
    return [...new Set(urls)];
  } catch {
    return [];
  }
}
