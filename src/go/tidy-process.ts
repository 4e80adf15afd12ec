// The edge that runs `go mod tidy`: spawn, read stderr line by line, and kill the WHOLE process tree on demand
// (go spawns git and toolchain children; killing only `go` would leave them running).
// node:child_process, not execa: `gomodctl tidy` starts go before the heavier modules load (execa alone costs ~100 ms).
//
// On POSIX go's stderr is a file, not a pipe: an unlinked temp file that go appends to and that is read every
// READ_EVERY_MS. A pipe wakes gomodctl for each line go writes (go writes a line per call; a cold tidy of 100 modules
// with -x prints ~700), and on 2 cores each wake-up was taken from go: reading go's stderr alone, through a pipe, cost
// 130 ms of CPU in a 600 ms tidy, against 50 ms through the file (bench 3). Lines come at most READ_QUIET_MS late; the
// rest of gomodctl (the stall clock of seconds) does not notice. Windows, or a temp directory that cannot be
// written: the pipe, as before.
import { execFile, spawn } from 'node:child_process';
import { closeSync, constants, openSync, readSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLineSplitter } from '../core/lines.js';
import { cMessagesEnv } from './child-env.js';

/** How often go's stderr file is read while go writes to it. */
const READ_EVERY_MS = 20;
/** How often once it has written nothing for QUIET_AFTER_MS (a go waiting on the network for minutes). */
const READ_QUIET_MS = 100;
const QUIET_AFTER_MS = 1000;

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

/**
 * Opens a new temp file for go's stderr and unlinks it at once (nothing is left behind, whatever ends gomodctl; only
 * this process and go hold it); undefined when that cannot be done (then go's stderr is a pipe).
 */
function openStderrFile(): number | undefined {
  const flags = constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND;
  for (let i = 0; i < 3; i++) {
    const path = join(tmpdir(), `gomodctl-go-${process.pid}-${Math.random().toString(36).slice(2, 10)}.stderr`);
    let fd: number;
    try {
      fd = openSync(path, flags, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      return undefined;
    }
    try {
      unlinkSync(path);
    } catch {
      closeSync(fd); // a file that would stay: rather the pipe
      return undefined;
    }
    return fd;
  }
  return undefined;
}

/** Reads what go appended to its stderr file since the last read (UTF-8 across reads), every READ_EVERY_MS. */
function followFile(fd: number, onText: (text: string) => void): { drain(): void; stop(): void } {
  const buf = Buffer.allocUnsafe(64 * 1024);
  const decoder = new TextDecoder('utf-8'); // U+FFFD for bytes that are not UTF-8, as setEncoding('utf8') did
  let pos = 0;
  let lastTextAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const drain = (): void => {
    for (;;) {
      let n = 0;
      try {
        n = readSync(fd, buf, 0, buf.length, pos);
      } catch {
        return; // cannot happen on an open regular file; never throw into a timer
      }
      if (n <= 0) return;
      pos += n;
      lastTextAt = performance.now();
      onText(decoder.decode(buf.subarray(0, n), { stream: true }));
    }
  };
  const next = (): void => {
    const quiet = performance.now() - lastTextAt >= QUIET_AFTER_MS;
    timer = setTimeout(
      () => {
        drain();
        next();
      },
      quiet ? READ_QUIET_MS : READ_EVERY_MS,
    );
    timer.unref(); // go's own handle keeps gomodctl alive while go runs
  };
  next();
  return {
    drain,
    stop() {
      clearTimeout(timer);
      onText(decoder.decode()); // an incomplete UTF-8 sequence at the very end
    },
  };
}

/** Starts `go <args>` detached (own process group on POSIX) with stderr read line by line. */
export function startTidyProcess(o: TidyProcessOptions): TidyProcess {
  const platform = o.platform ?? process.platform;
  const fd = platform === 'win32' ? undefined : openStderrFile();
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(o.go, o.args, {
      cwd: o.cwd,
      env: cMessagesEnv(o.env), // git's errors, passed on by go, in English for the rules
      // fd 1 → 2 with --json: go's stdout lines (tidy -diff) on our stderr
      stdio: ['ignore', o.stdoutToStderr ? 2 : 'inherit', fd ?? 'pipe'],
      detached: platform !== 'win32',
      windowsHide: true,
    });
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    throw err;
  }
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
  // Line by line as readline would split them (core/lines.ts), decoded as UTF-8 across reads.
  const lines = createLineSplitter((line) => o.onLine(line));
  let closed: Promise<void>;
  let discard: () => void;
  if (fd !== undefined) {
    const file = followFile(fd, (text) => lines.push(text));
    let closeFile = (): void => {
      closeFile = () => {};
      file.stop();
      closeSync(fd);
    };
    // Once go has exited, all it wrote is in the file (a write to a regular file is there when write returns).
    closed = new Promise<void>((resolve) =>
      child.once('exit', () => {
        file.drain();
        closeFile();
        lines.end();
        resolve();
      }),
    );
    discard = () => closeFile();
  } else {
    const stderr = child.stderr!;
    stderr.setEncoding('utf8');
    stderr.on('data', (chunk: string) => lines.push(chunk));
    closed = new Promise<void>((resolve) => {
      stderr.once('close', () => {
        lines.end();
        resolve();
      });
    });
    discard = () => stderr.destroy();
  }
  const ended = new Promise<{ exitCode: number | null; signal?: string } | 'not-found'>((resolve) => {
    child.once('error', () => resolve('not-found')); // ENOENT/EACCES: go could not be started at all
    child.once('exit', (code, signal) => resolve(signal ? { exitCode: null, signal } : { exitCode: code }));
  });
  const done = (async () => {
    const r = await ended.finally(() => process.off('exit', onExit));
    if (r === 'not-found') {
      discard();
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
