// Messages of gomodctl init (wizard prompts, choices, preview, warnings), in English and Chinese:
// keys "init.*". How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {} as const;

const zh = {} as const satisfies Translation<typeof en>;

/** Builds a init message: `initMsg('key', { params })`. */
export const initMsg = defineMessages('init', en, zh);
