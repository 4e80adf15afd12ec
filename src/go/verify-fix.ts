// `doctor --verify`: proves a fix with the real `go mod download -json <modules>` under the fixed configuration, in
// a throw-away GOENV file (the go-env part of the fix), GOMODCACHE, GOPATH and GOCACHE, bounded, with the whole
// process tree killed on timeout (go starts git and toolchain children).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cMessagesEnv } from './child-env.js';
import { killProcessTree } from './tidy-process.js';

// execa is loaded where it runs: it is ESM only, and in the CommonJS bundle of `gomodctl tidy` (bin/gomodctl.js) a
// static import would become a require().

/** What to download and under which configuration. */
interface VerifyFixOptions {
  go: string;
  /** The project directory (its go.mod decides the toolchain Go selects, as for the user's own run). */
  cwd: string;
  /** The environment after the fix (env-scope changes applied). */
  env: NodeJS.ProcessEnv;
  /** The GOENV file text after the fix (goenv-scope changes applied). */
  goenvText: string;
  /** module@version of every failing module. */
  modules: string[];
  timeoutMs: number;
  platform?: NodeJS.Platform;
}

/** The outcome of the real download. */
interface VerifyFixResult {
  ok: boolean;
  /** go's exit code; null when it was killed at the bound. */
  exitCode: number | null;
  timedOut: boolean;
  /** The last lines go printed on stderr (its reason when it failed). */
  stderrTail: string[];
  durationMs: number;
}

/** Runs the bounded download in a fresh module cache; never throws for go's own failure. */
export async function verifyFixWithGo(o: VerifyFixOptions): Promise<VerifyFixResult> {
  const dir = await mkdtemp(join(tmpdir(), 'gomodctl-verify-'));
  const start = performance.now();
  try {
    const goenv = join(dir, 'env');
    await writeFile(goenv, o.goenvText ? `${o.goenvText}\n` : '');
    const env: NodeJS.ProcessEnv = {
      ...o.env,
      GOENV: goenv,
      GOMODCACHE: join(dir, 'mod'),
      GOPATH: join(dir, 'gopath'),
      GOCACHE: join(dir, 'cache'),
      // -modcacherw: the throw-away cache can be removed afterwards (module files are read-only by default).
      GOFLAGS: [o.env.GOFLAGS, '-modcacherw'].filter(Boolean).join(' '),
    };
    const platform = o.platform ?? process.platform;
    const { execa } = await import('execa');
    const child = execa(o.go, ['mod', 'download', '-json', ...o.modules], {
      cwd: o.cwd,
      env: cMessagesEnv(env),
      extendEnv: false,
      stdin: 'ignore',
      reject: false,
      detached: platform !== 'win32', // its own process group: the kill reaches git and toolchain children
      windowsHide: true,
      cleanup: true,
      maxBuffer: 16 * 1024 * 1024,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) void killProcessTree(child.pid, platform);
    }, o.timeoutMs);
    const r = await child.finally(() => clearTimeout(timer));
    const durationMs = Math.round(performance.now() - start);
    const exitCode = timedOut ? null : (r.exitCode ?? null);
    const reasons = [...String(r.stdout ?? '').matchAll(/"Error": "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
    const stderrTail = [
      ...reasons,
      ...String(r.stderr ?? '')
        .split('\n')
        .filter(Boolean),
    ].slice(-5);
    return { ok: exitCode === 0, exitCode, timedOut, stderrTail, durationMs };
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
