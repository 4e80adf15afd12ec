// A git server on 127.0.0.1 (`git daemon`, git:// protocol) serving bare repositories built from files, for direct
// (VCS) fetches by the real go. Go asks git for https://<host>/<path>; point it here with the hermetic HOME's
// ~/.gitconfig: `url."git://127.0.0.1:PORT/".insteadOf = "https://<host>/"` (insteadOfConfig).
import { execa } from 'execa';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** One repository: its path under the server (e.g. "team/lib"), its files and the tags of its single commit. */
export interface GitRepoSpec {
  path: string;
  files: Record<string, string>;
  tags: string[];
}

/** A running git daemon. */
export interface GitDaemon {
  /** git://127.0.0.1:PORT/ */
  url: string;
  /** The ~/.gitconfig lines that send https://<host>/ here. */
  insteadOf(host: string): string;
  close(): Promise<void>;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'gomodctl test',
  GIT_AUTHOR_EMAIL: 'test@gomodctl.invalid',
  GIT_COMMITTER_NAME: 'gomodctl test',
  GIT_COMMITTER_EMAIL: 'test@gomodctl.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  PATH: process.env.PATH,
};

async function git(cwd: string, args: string[]): Promise<void> {
  await execa('git', args, { cwd, env: GIT_ENV, extendEnv: false, timeout: 10_000 });
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', () => resolve()));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

async function waitListening(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (child.exitCode !== null) throw new Error(`git daemon exited (${child.exitCode})`);
    const up = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => resolve(s.destroy() === s));
      s.once('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('git daemon did not listen within 2 s');
}

/** Builds the repositories and starts `git daemon` on a free loopback port. */
export async function startGitDaemon(repos: GitRepoSpec[]): Promise<GitDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'gomodctl-git-'));
  const base = join(dir, 'repos');
  for (const r of repos) {
    const work = join(dir, 'work', r.path);
    for (const [rel, text] of Object.entries(r.files)) {
      mkdirSync(dirname(join(work, rel)), { recursive: true });
      writeFileSync(join(work, rel), text);
    }
    await git(work, ['init', '-q', '-b', 'main']);
    await git(work, ['add', '-A']);
    await git(work, ['commit', '-q', '-m', 'fixture']);
    for (const t of r.tags) await git(work, ['tag', t]);
    mkdirSync(dirname(join(base, r.path)), { recursive: true });
    await git(dir, ['clone', '-q', '--bare', work, join(base, r.path)]);
  }
  const port = await freePort();
  const child = spawn(
    'git',
    ['daemon', '--reuseaddr', '--export-all', `--base-path=${base}`, '--listen=127.0.0.1', `--port=${port}`, base],
    { env: GIT_ENV, stdio: 'ignore' },
  );
  await waitListening(port, child);
  const url = `git://127.0.0.1:${port}/`;
  return {
    url,
    insteadOf: (host) => `[url "${url}"]\n\tinsteadOf = https://${host}/\n`,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
