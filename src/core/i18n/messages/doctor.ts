// Messages of gomodctl doctor (checks, causes, fixes, the summary), in English and Chinese:
// keys "doctor.*". How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {} as const;

const zh = {} as const satisfies Translation<typeof en>;

/** Builds a doctor message: `doctorMsg('key', { params })`. */
export const doctorMsg = defineMessages('doctor', en, zh);
