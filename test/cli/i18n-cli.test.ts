// The command line in both languages: commander's own texts (the extra info of an option, its usage errors) are
// produced from the same fields in our catalogue, so English --help stays byte for byte commander's; the usage errors
// commander 14 really prints are all recognised in Chinese; --lang is read from argv the way commander reads it.
import { describe, expect, it } from 'vitest';
import { Command, Help, Option } from 'commander';
import { translator } from '../../src/core/i18n/message.js';
import { buildProgram } from '../../src/cli/main.js';
import { describeArgument, describeOption, localizeCommanderError } from '../../src/cli/language.js';
import { detectLang } from '../../src/cli/detect-lang.js';

const en = translator('en');
const zh = translator('zh');

function allCommands(program: Command): Command[] {
  return [program, ...program.commands.flatMap(allCommands)];
}

describe('option and argument descriptions', () => {
  it("English is exactly commander's text for every option and argument of every command", async () => {
    const help = new Help();
    for (const cmd of allCommands(await buildProgram(en))) {
      for (const o of cmd.options)
        expect(describeOption(o, en), `${cmd.name()} ${o.flags}`).toBe(help.optionDescription(o));
      for (const a of cmd.registeredArguments) expect(describeArgument(a, en)).toBe(help.argumentDescription(a));
    }
  });

  it('also for choices, defaults, presets and environment variables, which our commands may add later', () => {
    const help = new Help();
    const options = [
      new Option('--a <x>', 'desc').choices(['one', 'two']).default('one'),
      new Option('--b [x]', 'desc').preset('p').env('B_ENV'),
      new Option('--c <ms>', '').default(5000, '5s'),
      new Option('--d', 'flag').default(false),
    ];
    for (const o of options) expect(describeOption(o, en)).toBe(help.optionDescription(o));
    expect(describeOption(options[0]!, zh)).toBe('desc（可选值："one", "two"；默认值："one"）');
    expect(describeOption(options[1]!, zh)).toBe('desc（预设值："p"；环境变量：B_ENV）');
    expect(describeOption(options[2]!, zh)).toBe('（默认值：5s）');
  });
});

/** The error text commander 14 prints for argv (its own words, captured from its output). */
function commanderError(argv: string[]): string {
  let text = '';
  const program = new Command('gomodctl')
    .exitOverride()
    .configureOutput({ writeErr: (s) => (text += s), outputError: (s, write) => write(s) });
  program.addOption(new Option('--lang <lang>').choices(['en', 'zh']));
  program.command('env').option('--json');
  program.command('route').argument('<module...>').option('--go <path>');
  try {
    program.parse(['node', 'gomodctl', ...argv]);
  } catch {
    // exitOverride: the error was written first
  }
  return text.trimEnd();
}

describe('commander usage errors in Chinese', () => {
  it.each([
    [['env', '--bogus'], "错误：未知选项 '--bogus'"],
    [['env', '--jsn'], "错误：未知选项 '--jsn'\n（是不是想用 --json？）"],
    [['bogus'], "错误：未知命令 'bogus'"],
    [['rote'], "错误：未知命令 'rote'\n（是不是想用 route？）"],
    [['route'], "错误：缺少必需的参数 'module'"],
    [['route', 'm', '--go'], "错误：选项 '--go <path>' 缺少参数值"],
    [['env', 'extra'], "错误：'env' 的参数过多：应为 0 个，实际为 1 个。"],
    [['--lang', 'fr'], "错误：选项 '--lang <lang>' 的参数值 'fr' 无效。可选值：en, zh。"],
  ])('%j', (argv, want) => {
    const text = commanderError(argv);
    expect(text).toMatch(/^error: /);
    expect(localizeCommanderError(text, en)).toBe(text);
    expect(localizeCommanderError(text, zh)).toBe(want);
  });

  it('an unknown text is passed through (an English error beats a wrong one)', () => {
    expect(localizeCommanderError('error: something new', zh)).toBe('error: something new');
  });
});

describe('--lang, read ahead of commander', () => {
  it.each([
    [['--lang', 'zh', 'env'], 'zh'],
    [['env', '--lang=en'], 'en'],
    [['env', '--lang', 'fr'], undefined], // commander reports the bad choice
    [['tidy', '--', '--lang', 'zh'], undefined], // after --: go's arguments
    [['env'], undefined],
    [['--lang'], undefined],
  ])('%j → %s', (argv, want) => {
    // The locale says English (and Chinese where --lang is not read): only --lang can give the other language.
    expect(detectLang(argv, { LANG: 'en_US.UTF-8' }, 'linux')).toBe(want ?? 'en');
    if (want === undefined) expect(detectLang(argv, { LANG: 'zh_CN.UTF-8' }, 'linux')).toBe('zh');
  });
});
