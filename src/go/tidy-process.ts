// The edge that runs `go mod tidy`: spawn, stream stderr line by line, and kill the WHOLE process tree on demand
// (go spawns git and toolchain children; killing only `go` would leave them running).
import { execa } from 'execa';
import { createInterface } from 'node:readline';
import { cMessagesEnv } from './child-env.js';
import { GoNotFoundError } from './run-go.js';

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
  /** Resolves when go has exited and its stderr is fully read; exitCode null when it was killed. */
  done: Promise<{ exitCode: number | null; signal?: string }>;
  /** Kills go and everything it started; resolves when the kill was sent (bounded). */
  killTree(): Promise<void>;
}

/** Kills a process group on POSIX (`process.kill(-pid)`) or a tree with `taskkill /T /F` on Windows. */
export async function killProcessTree(pid: number, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform === 'win32') {
    await execa('taskkill', ['/pid', String(pid), '/T', '/F'], { reject: false, timeout: 5000, windowsHide: true });
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
  const child = execa(o.go, o.args, {
    cwd: o.cwd,
    env: cMessagesEnv(o.env), // git's errors, passed on by go, in English for the rules
    extendEnv: false,
    stdin: 'ignore',
    stdout: o.stdoutToStderr ? 2 : 'inherit', // fd 2: go's stdout lines (tidy -diff) land on our stderr
    stderr: 'pipe',
    buffer: false,
    reject: false,
    detached: platform !== 'win32',
    windowsHide: true,
    cleanup: true,
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
  const rl = createInterface({ input: child.stderr!, crlfDelay: Infinity });
  rl.on('line', (line) => o.onLine(line));
  const closed = new Promise<void>((resolve) => rl.once('close', () => resolve()));
  const done = (async () => {
    const r = await child.finally(() => process.off('exit', onExit));
    await closed;
    if (r.failed && r.exitCode === undefined && !r.signal && !r.isTerminated) throw new GoNotFoundError(o.go);
    return r.signal ? { exitCode: null, signal: r.signal } : { exitCode: r.exitCode ?? null };
  })();
  return {
    pid: child.pid,
    done,
    killTree: async () => {
      if (child.pid !== undefined) await killProcessTree(child.pid, platform);
    },
  };
}
