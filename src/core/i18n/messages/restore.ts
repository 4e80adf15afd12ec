// Messages of gomodctl restore, in English and Chinese:
// keys "restore.*". How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {} as const;

const zh = {} as const satisfies Translation<typeof en>;

/** Builds a restore message: `restoreMsg('key', { params })`. */
export const restoreMsg = defineMessages('restore', en, zh);
