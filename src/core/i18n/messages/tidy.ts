// Messages of gomodctl tidy --explain (stall notices, the report, CI summaries and annotations), in English and Chinese:
// keys "tidy.*". How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {} as const;

const zh = {} as const satisfies Translation<typeof en>;

/** Builds a tidy message: `tidyMsg('key', { params })`. */
export const tidyMsg = defineMessages('tidy', en, zh);
