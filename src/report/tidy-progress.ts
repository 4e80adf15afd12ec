// Progress on stderr for `gomodctl tidy`: an ora spinner on a TTY only, and pass-through lines that do not garble it.
import type { Output } from './output.js';

/** Spinner plus a safe way to write whole lines to stderr while it spins. */
export interface TidyProgress {
  update(text: string): void;
  writeLine(line: string): void;
  stop(): void;
}

/** Creates the progress display; without an interactive stderr it only writes lines. */
export async function createTidyProgress(
  out: Output,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<TidyProgress> {
  if (!out.interactive) {
    // Lines that arrive together (go prints a `go: downloading` line per module at once) are written in one call: a
    // cold tidy of 100 modules made hundreds of writes. Written before the next turn of the event loop, and at stop.
    let pending: string[] = [];
    let stopped = false;
    const flush = (): void => {
      if (pending.length > 0) stderr.write(pending.join(''));
      pending = [];
    };
    return {
      update() {},
      writeLine: (l) => {
        if (stopped) return void stderr.write(`${l}\n`);
        if (pending.length === 0) setImmediate(flush);
        pending.push(`${l}\n`);
      },
      stop() {
        stopped = true;
        flush();
      },
    };
  }
  const { default: ora } = await import('ora'); // lazy: keeps --help fast
  const s = ora({ text: 'go mod tidy', stream: stderr, color: 'cyan', isEnabled: true, discardStdin: false }).start();
  // ora's render() draws the spinner whether it spins or not: a notice written after stop (a stall notice that was
  // still being worded when Ctrl-C came) drew its last frame again, and the report began on the spinner's line.
  let stopped = false;
  return {
    update: (t) => {
      if (!stopped) s.text = t;
    },
    writeLine: (l) => {
      if (stopped) return void stderr.write(`${l}\n`);
      s.clear();
      stderr.write(`${l}\n`);
      s.render();
    },
    stop: () => {
      stopped = true;
      s.stop();
    },
  };
}
