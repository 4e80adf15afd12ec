// The progress of `gomodctl tidy` on stderr: on a terminal an ora spinner that Go's lines and our notices pass
// around; elsewhere the lines alone, written together. After stop nothing draws the spinner again (a notice finished
// after Ctrl-C drew its last frame, and the report began on that line).
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createTidyProgress } from '../../src/report/tidy-progress.js';
import { createOutput } from '../../src/report/output.js';

/** A terminal of 80 columns that keeps what was written to it. */
function terminal() {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & Record<string, unknown>;
  Object.assign(w, {
    isTTY: true,
    columns: 80,
    rows: 24,
    clearLine: (_d: number, cb?: () => void) => (w.write('\u001b[2K'), cb?.(), true),
    cursorTo: (_x: number, _y?: number, cb?: () => void) => (w.write('\r'), cb?.(), true),
    moveCursor: (_x: number, _y: number, cb?: () => void) => (cb?.(), true),
  });
  return { stream: w as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

const FRAME = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

describe('tidy progress', () => {
  it('on a terminal: a line written after stop is the line alone, no spinner frame drawn again', async () => {
    const t = terminal();
    const out = createOutput({ stdout: t.stream, stderr: t.stream, env: { TERM: 'xterm' } });
    expect(out.interactive).toBe(true);
    const p = await createTidyProgress(out, t.stream);
    p.update('go mod tidy: example.com/hello (4.0s)');
    p.writeLine('go: finding module for package example.com/hello');
    p.stop();
    const before = t.text().length;
    p.writeLine('gomodctl: probe http://127.0.0.1/x: failed');
    p.update('go mod tidy: example.com/hello (4.1s)');
    expect(t.text().slice(before)).toBe('gomodctl: probe http://127.0.0.1/x: failed\n');
    expect(FRAME.test(t.text().slice(0, before))).toBe(true); // it did spin before stop
  });

  it('not a terminal: lines that come together are written in one call, and at stop', async () => {
    const writes: string[] = [];
    const stderr = { isTTY: false, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream;
    const out = createOutput({ stdout: stderr, stderr, env: {} });
    const p = await createTidyProgress(out, stderr);
    p.writeLine('a');
    p.writeLine('b');
    expect(writes).toEqual([]);
    p.stop();
    p.writeLine('c');
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });
});
