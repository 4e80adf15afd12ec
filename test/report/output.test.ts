// The output contract: colour and spinners only where they belong.
import { describe, expect, it } from 'vitest';
import { createOutput } from '../../src/report/output.js';

const tty = (columns: number) => ({ isTTY: true, columns, write: () => true }) as unknown as NodeJS.WriteStream;
const pipe = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;

describe('createOutput', () => {
  it('spinners only on an interactive terminal with a width, never in CI or --json', () => {
    expect(createOutput({ env: {}, stdout: tty(80), stderr: tty(80) }).interactive).toBe(true);
    expect(createOutput({ env: {}, stdout: tty(80), stderr: tty(0) }).interactive).toBe(false); // would redraw forever
    expect(createOutput({ env: {}, stdout: pipe, stderr: pipe }).interactive).toBe(false);
    expect(createOutput({ env: { CI: 'true' }, stdout: tty(80), stderr: tty(80) }).interactive).toBe(false);
    expect(createOutput({ env: { GITHUB_ACTIONS: 'true' }, stdout: tty(80), stderr: tty(80) }).interactive).toBe(false);
    expect(createOutput({ json: true, env: {}, stdout: tty(80), stderr: tty(80) }).interactive).toBe(false);
    expect(createOutput({ env: { TERM: 'dumb' }, stdout: tty(80), stderr: tty(80) }).interactive).toBe(false);
  });
  it('colour on a TTY unless NO_COLOR or --no-color; FORCE_COLOR forces it', () => {
    expect(createOutput({ env: {}, stdout: tty(80), stderr: tty(80) }).color).toBe(true);
    expect(createOutput({ env: { NO_COLOR: '1' }, stdout: tty(80), stderr: tty(80) }).color).toBe(false);
    expect(createOutput({ color: false, env: {}, stdout: tty(80), stderr: tty(80) }).color).toBe(false);
    expect(createOutput({ env: {}, stdout: pipe, stderr: pipe }).color).toBe(false);
    expect(createOutput({ env: { FORCE_COLOR: '1' }, stdout: pipe, stderr: pipe }).color).toBe(true);
  });
});
