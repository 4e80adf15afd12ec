// Terminal questions through @inquirer/prompts, loaded only when a question is really asked (keeps start-up fast).
// The questions come translated from the callers; the keys line under a list (↑↓ navigate • space select …) is put in
// the user's language here, through inquirer's theme.
import { initMsg } from '../core/i18n/messages/init.js';
import { wrap } from '../core/text-width.js';
import type { Output } from './output.js';

/** The subset of @inquirer/prompts the wizard uses (same call shapes), injectable for tests. */
export interface WizardPrompts {
  select<T>(o: {
    message: string;
    choices: Array<{ name: string; value: T; description?: string }>;
    default?: T;
  }): Promise<T>;
  checkbox<T>(o: {
    message: string;
    choices: Array<{ name: string; value: T; checked?: boolean; short?: string }>;
  }): Promise<T[]>;
  input(o: { message: string; default?: string; validate?: (v: string) => boolean | string }): Promise<string>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
  password(o: { message: string; mask?: string }): Promise<string>;
}

const KEY_WORDS = {
  navigate: initMsg('key.navigate'),
  select: initMsg('key.select'),
  all: initMsg('key.all'),
  invert: initMsg('key.invert'),
  submit: initMsg('key.submit'),
} as const;

/** inquirer's keys line ([key, action] pairs, e.g. ['space', 'select']) with the actions in the user's language. */
function keysTheme(out: Output) {
  const word = (action: string): string =>
    action in KEY_WORDS ? out.t(KEY_WORDS[action as keyof typeof KEY_WORDS]) : action;
  return {
    style: {
      keysHelpTip: (keys: Array<[string, string]>) =>
        keys.map(([key, action]) => `${out.c.bold(key)} ${out.c.dim(word(action))}`).join(out.c.dim(' • ')),
    },
  };
}

/**
 * inquirer breaks a line wider than the terminal at the last column, inside a word: questions are wrapped here
 * between words (Chinese between characters) after inquirer's "? " and choices after its cursor and mark, their
 * continuation lines indented under the text. A checked choice is echoed by its short form (its value) when done.
 */
function fitted(columns: number) {
  const question = (message: string) => wrap(message, columns - 2);
  const choice = <C extends { name: string }>(c: C): C => ({
    ...c,
    name: wrap(c.name, columns - 4).replaceAll('\n', '\n    '),
  });
  return { question, choice };
}

/** Loads @inquirer/prompts as the wizard's prompts, in the language and at the width of `out`. */
export async function loadPrompts(out: Output): Promise<WizardPrompts> {
  const p = await import('@inquirer/prompts');
  const theme = keysTheme(out);
  const { question, choice } = fitted(out.columns);
  return {
    select: (o) => p.select({ ...o, message: question(o.message), choices: o.choices.map(choice), theme }),
    checkbox: (o) =>
      p.checkbox({
        ...o,
        message: question(o.message),
        choices: o.choices.map((c) => choice({ short: typeof c.value === 'string' ? c.value : c.name, ...c })),
        theme,
      }),
    input: (o) => p.input({ ...o, message: question(o.message) }),
    confirm: (o) =>
      p.confirm({
        ...o,
        message: question(o.message),
        transformer: (yes: boolean) => out.t(initMsg(yes ? 'answer.yes' : 'answer.no')),
      }),
    password: (o) => p.password({ ...o, message: question(o.message) }),
  } as WizardPrompts;
}

/** Asks one yes/no question on the terminal (default yes). */
export async function askConfirm(message: string): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message, default: true });
}
