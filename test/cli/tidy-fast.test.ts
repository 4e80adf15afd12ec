// The fast path of `gomodctl tidy` (cli/tidy-fast.ts) runs a command line without commander: it must read every
// line it accepts exactly as commander does (cli/tidy.ts), and leave every other line to commander. Checked on a
// table and on random command lines (fast-check), against the real commander program with the action captured.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.js';
import { parseTidyLine, tidyRunOptions } from '../../src/cli/tidy-flags.js';
import { colorFlag } from '../../src/cli/options.js';
import { translator } from '../../src/core/i18n/message.js';

/** What commander hands runTidy for `gomodctl <args>`, or 'error' when it refuses the line (or shows help). */
async function viaCommander(args: string[]): Promise<unknown> {
  const program = await buildProgram(translator('en'), {}, 'tidy');
  const silent = { writeOut: () => {}, writeErr: () => {}, outputError: () => {} };
  program.configureOutput(silent);
  let got: unknown = 'error';
  const tidy = program.commands.find((c) => c.name() === 'tidy')!;
  tidy.configureOutput(silent);
  tidy.action((goArgs: string[], flags: Parameters<typeof tidyRunOptions>[0], cmd: Command) => {
    got = tidyRunOptions(flags, goArgs, colorFlag(cmd), 'en');
  });
  try {
    await program.parseAsync(['node', 'gomodctl', ...args]);
  } catch {
    return 'error';
  }
  return got;
}

/** What the fast path hands runTidy, or undefined when it leaves the line to commander. */
function viaFast(args: string[]): unknown {
  const line = parseTidyLine(args.slice(1));
  return line && tidyRunOptions(line.flags, line.goArgs, line.color, 'en');
}

const ACCEPTED = [
  ['tidy'],
  ['tidy', '--explain'],
  ['tidy', '--explain', '--stall', '2s', '--timeout', '1m30s'],
  ['tidy', '--stall=500ms', '--timeout=2m'],
  ['tidy', '-C', './svc', '--', '-e'],
  ['tidy', '-C.'],
  ['tidy', '--json', '--annotate', 'github'],
  ['tidy', '--retry', '2', '--stall-kill'],
  ['tidy', '--junit', 'out.xml', '--go', '/usr/lib/go-1.19/bin/go'],
  ['tidy', '--no-color', '--lang', 'zh'],
  ['tidy', '--lang=en', '--explain'],
  ['tidy', '--explain', '--explain', '--stall', '1s', '--stall', '3s'],
  ['tidy', '--', '-e', '--json'],
  ['tidy', 'extra', '--explain'],
];

const LEFT_TO_COMMANDER = [
  ['tidy', '--help'],
  ['tidy', '-h'],
  ['tidy', '--explain=1'],
  ['tidy', '--stall', '0'],
  ['tidy', '--stall', '10'],
  ['tidy', '--stall'],
  ['tidy', '--stall', '-1s'],
  ['tidy', '--retry', '11'],
  ['tidy', '--retry', 'two'],
  ['tidy', '--lang', 'fr'],
  ['tidy', '--dir', 'x'],
  ['tidy', '--bogus'],
  ['tidy', '--color'],
  ['tidy', '-V'],
  ['tidy', '--stall', 'github', '--stall=1s'], // commander refuses the first value, although the last one counts
  ['tidy', '--lang', 'fr', '--lang', 'zh'],
];

describe('gomodctl tidy without commander', () => {
  it.each(ACCEPTED)('reads %j as commander does', async (...args) => {
    const fast = viaFast(args);
    expect(fast).toBeDefined();
    expect(fast).toEqual(await viaCommander(args));
  });

  it.each(LEFT_TO_COMMANDER)('leaves %j to commander', (...args) => {
    expect(viaFast(args)).toBeUndefined();
  });

  it('agrees with commander on random command lines (or leaves them to it)', async () => {
    const words =
      '--explain --stall --timeout --retry --junit --annotate --json --stall-kill -C --go --lang --no-color -- -e ' +
      '2s 0 1m x.xml github none zh fr 3 11 --stall=1s --timeout= -C. --help --bogus arg -v --explain=yes';
    const token = fc.constantFrom(...words.split(' '));
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 8 }), async (rest) => {
        const args = ['tidy', ...rest];
        const fast = viaFast(args);
        if (fast !== undefined) expect(fast).toEqual(await viaCommander(args));
      }),
      { numRuns: 1000 },
    );
  });
});
