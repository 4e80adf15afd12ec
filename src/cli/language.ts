// The language of the command line (decided once, before commander builds --help: core/i18n/locale.ts detectLang)
// and commander's own words in it: the
// help headings (Usage:, Options: …), an option's extra info and the usage errors, matched by the exact texts of
// commander 14 (lib/help.js optionDescription; lib/command.js unknownOption, unknownCommand, missingArgument,
// optionMissingArgument, _excessArguments, invalidArgument; lib/suggestSimilar.js). A text we do not know is passed
// through (an English error beats a wrong one). One module with the catalogue and the wrapper: --help loads it.
import type { Argument, Option } from 'commander';
import type { Message, Translator } from '../core/i18n/message.js';
import { cliMsg } from '../core/i18n/messages/cli.js';

const TITLES: Readonly<Record<string, Message>> = {
  'Usage:': cliMsg('title.usage'),
  'Arguments:': cliMsg('title.arguments'),
  'Options:': cliMsg('title.options'),
  'Global Options:': cliMsg('title.globalOptions'),
  'Commands:': cliMsg('title.commands'),
};

/** A help heading in the user's language (commander calls Help.styleTitle with each). */
export function helpTitle(title: string, tr: Translator): string {
  const m = TITLES[title];
  return m ? tr.t(m) : title;
}

/** commander's "(choices: …, default: …)" after a description, from the same fields (lib/help.js optionDescription). */
function withExtraInfo(description: string, extra: Message[], tr: Translator): string {
  if (extra.length === 0) return description;
  const items = extra.map((m) => tr.t(m)).join(tr.t(cliMsg('help.itemSeparator')));
  return tr.t(cliMsg('help.withExtraInfo', { description, items })).trimStart();
}

const choices = (values: readonly string[] | undefined): Message[] =>
  values ? [cliMsg('help.choices', { values: values.map((v) => JSON.stringify(v)).join(', ') })] : [];

/** An option's description in --help, as commander 14 writes it, in the user's language. */
export function describeOption(o: Option, tr: Translator): string {
  const extra = choices(o.argChoices);
  // Defaults of boolean and negated options are for programmers (commander shows them only when typed boolean).
  const showDefault = o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean');
  if (o.defaultValue !== undefined && showDefault) {
    extra.push(cliMsg('help.default', { value: o.defaultValueDescription || JSON.stringify(o.defaultValue) }));
  }
  if (o.presetArg !== undefined && o.optional)
    extra.push(cliMsg('help.preset', { value: JSON.stringify(o.presetArg) }));
  if (o.envVar !== undefined) extra.push(cliMsg('help.env', { name: o.envVar }));
  return withExtraInfo(o.description, extra, tr);
}

/** An argument's description in --help, as commander 14 writes it, in the user's language. */
export function describeArgument(a: Argument, tr: Translator): string {
  const extra = choices(a.argChoices);
  if (a.defaultValue !== undefined) {
    extra.push(cliMsg('help.default', { value: a.defaultValueDescription || JSON.stringify(a.defaultValue) }));
  }
  return withExtraInfo(a.description, extra, tr);
}

type Rule = [RegExp, (g: string[]) => Message];

const RULES: readonly Rule[] = [
  [/^error: unknown option '(.*)'$/, (g) => cliMsg('commander.unknownOption', { option: g[1]! })],
  [/^error: unknown command '(.*)'$/, (g) => cliMsg('commander.unknownCommand', { command: g[1]! })],
  [/^error: missing required argument '(.*)'$/, (g) => cliMsg('commander.missingArgument', { argument: g[1]! })],
  [/^error: option '(.*)' argument missing$/, (g) => cliMsg('commander.optionMissingArgument', { option: g[1]! })],
  [
    /^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/,
    (g) => cliMsg('commander.excessArguments', { command: g[1]!, count: Number(g[2]), got: g[3]! }),
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (g) =>
      cliMsg('commander.invalidOptionValue', {
        option: g[1]!,
        value: g[2]!,
        reason: cliMsg('commander.allowedChoices', { choices: g[3]! }),
      }),
  ],
  [/^\(Did you mean one of (.*)\?\)$/, (g) => cliMsg('commander.didYouMeanOneOf', { suggestions: g[1]! })],
  [/^\(Did you mean (.*)\?\)$/, (g) => cliMsg('commander.didYouMean', { suggestion: g[1]! })],
];

/** One line of a commander error in the user's language. */
function localizeLine(line: string, tr: Translator): string {
  for (const [re, message] of RULES) {
    const g = re.exec(line);
    if (g) return tr.t(message([...g]));
  }
  return line;
}

/** A commander error text (possibly with a suggestion line) in the user's language. */
export function localizeCommanderError(text: string, tr: Translator): string {
  if (tr.lang === 'en') return text;
  return text
    .split('\n')
    .map((line) => localizeLine(line, tr))
    .join('\n');
}
