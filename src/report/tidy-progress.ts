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
    return { update() {}, writeLine: (l) => void stderr.write(`${l}\n`), stop() {} };
  }
  const { default: ora } = await import('ora'); // lazy: keeps --help fast
  const s = ora({ text: 'go mod tidy', stream: stderr, color: 'cyan', isEnabled: true, discardStdin: false }).start();
  return {
    update: (t) => {
      s.text = t;
    },
    writeLine: (l) => {
      s.clear();
      stderr.write(`${l}\n`);
      s.render();
    },
    stop: () => {
      s.stop();
    },
  };
}
