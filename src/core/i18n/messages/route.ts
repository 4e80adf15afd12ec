// Messages of gomodctl route, in English and Chinese: keys "route.*". How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {} as const;

const zh = {} as const satisfies Translation<typeof en>;

/** Builds a route message: `routeMsg('key', { params })`. */
export const routeMsg = defineMessages('route', en, zh);
