// Messages of gomodctl check-proxy (requirements, verdicts, server advice), in English and Chinese:
// keys "check-proxy.*". How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {} as const;

const zh = {} as const satisfies Translation<typeof en>;

/** Builds a check-proxy message: `checkProxyMsg('key', { params })`. */
export const checkProxyMsg = defineMessages('check-proxy', en, zh);
