// The edge that runs `go mod tidy`: spawn, read stderr line by line, and kill the WHOLE process tree on demand
// (go spawns git and toolchain children; killing only `go` would leave them running).
// node:child_process, not execa: `gomodctl tidy` starts go before the heavier modules load (execa alone costs ~100 ms).
//
// On POSIX go's stderr is a file, not a pipe: an unlinked temp file that go appends to and that is read every
// READ_EVERY_MS (and at each watchdog tick: readNow). A pipe wakes gomodctl for each line go writes (go writes a line
// per call; a cold tidy of 100 modules with -x prints ~700), and on 2 cores each wake-up was taken from go: reading
// go's stderr alone, through a pipe, cost 130 ms of CPU in a 600 ms tidy, against 50 ms through the file (bench 3).
// A line is timed when it is read, at most READ_QUIET_MS after go wrote it; the watchdog reads the file itself before
// it measures a silence. Windows, or a temp directory that cannot be written or has less than MIN_FREE_BYTES free (go
// ignores a failed write to stderr: its error would be lost): the pipe, as before.
// What a file cannot do: a gomodctl killed with SIGKILL (nothing of ours runs then) leaves go to run to its end; through
// a pipe go died at its next write (a go waiting on the network writes nothing, so it outlived us either way). Every
// other end of gomodctl kills go's process group first (onExit, the signals). And go's exit ends its output: what go
// leaves running in its process group is killed then (a pipe kept gomodctl waiting for it, without a bound).
import { execFile, spawn } from 'node:child_process';
import { closeSync, constants, openSync, readSync, statfsSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLineSplitter } from '../core/lines.js';
import { cMessagesEnv } from './child-env.js';

/** How often go's stderr file is read while go writes to it. */
const READ_EVERY_MS = 20;
/** How often once it has written nothing for QUIET_AFTER_MS (a go waiting on the network for minutes). */
const READ_QUIET_MS = 100;
const QUIET_AFTER_MS = 1000;
/** What one read takes at most; more waits for the next turn of the event loop (as a pipe gives 64 KB at a time). */
const CHUNK_BYTES = 64 * 1024;
/** Free space the temp directory needs for go's stderr to be a file there. */
const MIN_FREE_BYTES = 16 * 1024 * 1024;

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
   * Resolves when go has exited and what it wrote to stderr is read; exitCode null when it was killed, or when it could
   * not be started at all (`notStarted`: the caller says so, with its own GoNotFoundError; this module loads no
   * catalogue).
   */
  done: Promise<{ exitCode: number | null; signal?: string; notStarted?: true }>;
  /** Kills go and everything it started; resolves when the kill was sent (bounded). */
  killTree(): Promise<void>;
  /**
   * Reads what go has written and not yet been read, now (its lines reach onLine before this returns; up to 64 KB):
   * the watchdog calls it before it measures a silence. A no-op where stderr is a pipe.
   */
  readNow(): void;
}

/** SIGKILL to a process (or, negative, a process group); false when there is none. */
function tryKill(target: number): boolean {
  try {
    process.kill(target, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** Kills a process group on POSIX (`process.kill(-pid)`) or a tree with `taskkill /T /F` on Windows. */
export async function killProcessTree(pid: number, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform === 'win32') {
    await new Promise<void>((resolve) => {
      execFile('taskkill', ['/pid', String(pid), '/T', '/F'], { timeout: 5000, windowsHide: true }, () => resolve());
    });
    return;
  }
  if (!tryKill(-pid)) tryKill(pid); // detached spawn made go the leader of its own process group
}

/**
 * Opens a new temp file for go's stderr and unlinks it at once (nothing is left behind, whatever ends gomodctl; only
 * this process and go hold it); undefined when that cannot be done (then go's stderr is a pipe).
 */
function openStderrFile(): number | undefined {
  const dir = tmpdir();
  try {
    const fs = statfsSync(dir);
    if (fs.bavail * fs.bsize < MIN_FREE_BYTES) return undefined;
  } catch {
    return undefined;
  }
  const flags = constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND;
  for (let i = 0; i < 3; i++) {
    const path = join(dir, `gomodctl-go-${process.pid}-${Math.random().toString(36).slice(2, 10)}.stderr`);
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

/** Follows go's stderr file: what was appended since the last read, decoded as UTF-8 across reads. */
interface FileFollower {
  /** Reads one chunk now. */
  readNow(): void;
  /** Reads to the end, a chunk per turn of the event loop, then stops and closes the file. */
  finish(): Promise<void>;
  /** Stops and closes the file at once (go could not be started). */
  close(): void;
}

function followFile(fd: number, onText: (text: string) => void): FileFollower {
  const buf = Buffer.allocUnsafe(CHUNK_BYTES);
  // U+FFFD for bytes that are not UTF-8, and a leading BOM kept: as setEncoding('utf8') on the pipe did
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let pos = 0;
  let lastTextAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let closed = false;
  /** Reads one chunk; true when it filled the buffer (more may be there). */
  const readChunk = (): boolean => {
    if (closed) return false;
    let n = 0;
    try {
      n = readSync(fd, buf, 0, buf.length, pos);
    } catch {
      return false; // cannot happen on an open regular file; never throw into a timer
    }
    if (n <= 0) return false;
    pos += n;
    lastTextAt = performance.now();
    onText(decoder.decode(buf.subarray(0, n), { stream: true }));
    return n === buf.length;
  };
  const turn = (): void => {
    if (readChunk()) {
      immediate = setImmediate(turn).unref(); // a burst: the next chunk after the event loop's other work
      return;
    }
    const quiet = performance.now() - lastTextAt >= QUIET_AFTER_MS;
    timer = setTimeout(turn, quiet ? READ_QUIET_MS : READ_EVERY_MS).unref(); // go's handle keeps us alive
  };
  turn();
  const close = (): void => {
    if (closed) return;
    clearTimeout(timer);
    clearImmediate(immediate);
    closed = true;
    onText(decoder.decode()); // an incomplete UTF-8 sequence at the very end
    closeSync(fd);
  };
  return {
    readNow: () => void readChunk(),
    finish: async () => {
      while (readChunk()) await new Promise((r) => setImmediate(r));
      close();
    },
    close,
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
    tryKill(platform === 'win32' ? child.pid : -child.pid);
  };
  process.on('exit', onExit);
  // Line by line as readline would split them (core/lines.ts), decoded as UTF-8 across reads.
  const lines = createLineSplitter((line) => o.onLine(line));
  let closed: Promise<void>;
  let discard: () => void;
  let readNow = (): void => {};
  if (fd !== undefined) {
    const file = followFile(fd, (text) => lines.push(text));
    readNow = file.readNow;
    // Once go has exited, all it wrote is in the file (a write to a regular file is there when write returns).
    closed = new Promise<void>((resolve) =>
      child.once('exit', () => {
        // Left in go's group after go exited (git under a go killed from outside; usually nothing): nothing reads its
        // output now. The group only: go's own pid is free for reuse once it exited.
        if (child.pid !== undefined) tryKill(-child.pid);
        void file.finish().then(() => {
          lines.end();
          resolve();
        });
      }),
    );
    discard = file.close;
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
    readNow: () => readNow(),
  };
}
