// The edge that runs `git` (bounded): whether it is installed, and the repository's remotes for GOPRIVATE suggestions.
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { hideUserinfo } from '../core/redact.js';
import { killProcessTree } from './tidy-process.js';

// execa is loaded where it runs: it is ESM only, and in the CommonJS bundle of `gomodctl tidy` (bin/gomodctl.js) a
// static import would become a require().

/** `git --version` output, or null when git cannot be run (bounded: 5 s). */
export async function getGitVersion(env: Record<string, string | undefined>): Promise<string | null> {
  const { execa } = await import('execa');
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
    const { execa } = await import('execa');
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

/**
 * `git ls-remote <repo>` as cmd/go runs it to find a repository (vcs.go Ping: "ls-remote {scheme}://{repo}"), with
 * the user's git config (url.insteadOf, credential helpers) and no terminal prompt, bounded by timeoutMs (and ended
 * with its process tree when `signal` aborts).
 */
export async function gitLsRemote(
  repo: string,
  env: Record<string, string | undefined>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<{ ok: boolean; timedOut?: boolean; message?: string }> {
  if (signal?.aborted) return { ok: false, message: 'stopped' };
  // Its own process group (POSIX), killed whole at the bound: git's https/ssh helpers share stderr and would
  // otherwise keep the call waiting after git itself was stopped (up to the helper's own connect timeout).
  const detached = process.platform !== 'win32';
  const { execa } = await import('execa');
  const child = execa('git', ['ls-remote', '-q', repo], {
    env: {
      ...env,
      GIT_TERMINAL_PROMPT: '0',
      GCM_INTERACTIVE: 'never',
      GIT_SSH_COMMAND: env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
    },
    extendEnv: false,
    detached,
    cleanup: true,
    reject: false,
    stdin: 'ignore',
    stdout: 'ignore',
  });
  let timedOut = false;
  const stop = (): void => {
    if (child.pid !== undefined) void killProcessTree(child.pid);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, timeoutMs);
  signal?.addEventListener('abort', stop, { once: true }); // the caller gave up (a search closed with the report)
  const done = await child.catch((err: Error) => ({ exitCode: -1, stderr: err.message }));
  clearTimeout(timer);
  signal?.removeEventListener('abort', stop);
  const r = { ...done, timedOut };
  if (r.timedOut) return { ok: false, timedOut: true };
  if (r.exitCode === 0) return { ok: true };
  const first =
    String(r.stderr ?? '')
      .split('\n')
      .find((l) => l.trim() !== '') ?? `exit status ${r.exitCode}`;
  return { ok: false, message: hideUserinfo(first) };
}

/**
 * git's url.<base>.insteadOf settings as `git config --get-regexp` prints them, read with the env go ran with (so the
 * GIT_CONFIG_* variables and HOME are the same) outside any repository, as Go's git runs in the module cache; '' without
 * git or without any (bounded: 1 s).
 */
export function getGitInsteadOf(env: NodeJS.ProcessEnv): Promise<string> {
  // node:child_process, not execa: read at the end of a `gomodctl tidy` in trouble, where loading execa took longer
  // than the report may wait after --timeout.
  return new Promise((resolve) => {
    execFile(
      'git',
      ['config', '--get-regexp', '^url\\..*\\.insteadof$'],
      { env, timeout: 1000, killSignal: 'SIGKILL', cwd: tmpdir(), windowsHide: true },
      (err, stdout) => resolve(err ? '' : String(stdout)),
    ).stdin?.end();
  });
}
