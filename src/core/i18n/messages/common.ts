// Words shared by several commands (empty values, sources of a setting), in English and Chinese: keys "common.*".
// How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {
  empty: '(empty)',
} as const;

const zh = {
  empty: '（空）',
} as const satisfies Translation<typeof en>;

/** Builds a shared message: `commonMsg('empty')`. */
export const commonMsg = defineMessages('common', en, zh);
