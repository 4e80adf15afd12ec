// The edge that runs `go mod tidy`: spawn, stream stderr line by line, and kill the WHOLE process tree on demand
// (go spawns git and toolchain children; killing only `go` would leave them running).
// node:child_process, not execa: `gomodctl tidy` starts go before the heavier modules load (execa alone costs ~100 ms).
import { execFile, spawn } from 'node:child_process';
import { createLineSplitter } from '../core/lines.js';
import { cMessagesEnv } from './child-env.js';

/** What to run and where each stderr line goes. */
interface TidyProcessOptions {
  go: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Called once per stderr line (without the newline), in order. */
  onLine(line: string): void;
  platform?: NodeJS.Platform;
  /** Send go's stdout to our stderr (--json: stdout holds only the JSON document); default: our stdout. */
  stdoutToStderr?: boolean;
}

/** A running `go` process. */
export interface TidyProcess {
  pid: number | undefined;
  /**
   * Resolves when go has exited and its stderr is fully read; exitCode null when it was killed, or when it could not be
   * started at all (`notStarted`: the caller says so, with its own GoNotFoundError; this module loads no catalogue).
   */
  done: Promise<{ exitCode: number | null; signal?: string; notStarted?: true }>;
  /** Kills go and everything it started; resolves when the kill was sent (bounded). */
  killTree(): Promise<void>;
}

/** Kills a process group on POSIX (`process.kill(-pid)`) or a tree with `taskkill /T /F` on Windows. */
export async function killProcessTree(pid: number, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform === 'win32') {
    await new Promise<void>((resolve) => {
      execFile('taskkill', ['/pid', String(pid), '/T', '/F'], { timeout: 5000, windowsHide: true }, () => resolve());
    });
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL'); // detached spawn made go the leader of its own process group
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Starts `go <args>` detached (own process group on POSIX) with stderr streamed line by line. */
export function startTidyProcess(o: TidyProcessOptions): TidyProcess {
  const platform = o.platform ?? process.platform;
  const child = spawn(o.go, o.args, {
    cwd: o.cwd,
    env: cMessagesEnv(o.env), // git's errors, passed on by go, in English for the rules
    stdio: ['ignore', o.stdoutToStderr ? 2 : 'inherit', 'pipe'], // fd 2: go's stdout lines (tidy -diff) on our stderr
    detached: platform !== 'win32',
    windowsHide: true,
  });
  // Whatever ends gomodctl (an uncaught error, process.exit) must not leave the detached group running.
  const onExit = (): void => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', onExit);
  // Line by line as readline would split them (core/lines.ts), decoded as UTF-8 across chunk boundaries.
  const lines = createLineSplitter((line) => o.onLine(line));
  const stderr = child.stderr!;
  stderr.setEncoding('utf8');
  stderr.on('data', (chunk: string) => lines.push(chunk));
  const closed = new Promise<void>((resolve) => {
    stderr.once('close', () => {
      lines.end();
      resolve();
    });
  });
  const ended = new Promise<{ exitCode: number | null; signal?: string } | 'not-found'>((resolve) => {
    child.once('error', () => resolve('not-found')); // ENOENT/EACCES: go could not be started at all
    child.once('exit', (code, signal) => resolve(signal ? { exitCode: null, signal } : { exitCode: code }));
  });
  const done = (async () => {
    const r = await ended.finally(() => process.off('exit', onExit));
    if (r === 'not-found') {
      stderr.destroy();
      return { exitCode: null, notStarted: true as const };
    }
    await closed;
    return r;
  })();
  return {
    pid: child.pid,
    done,
    killTree: async () => {
      if (child.pid !== undefined) await killProcessTree(child.pid, platform);
    },
  };
}
