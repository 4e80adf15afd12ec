// Messages of gomodctl env, in English and Chinese: keys "env.*". How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {} as const;

const zh = {} as const satisfies Translation<typeof en>;

/** Builds a env message: `envMsg('key', { params })`. */
export const envMsg = defineMessages('env', en, zh);
