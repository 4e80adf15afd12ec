// The single entry point over every area's catalogues: the completeness test walks it, and it is where a new area is
// registered. Commands import only the areas they use (each area file is a module: fewer modules, faster start-up).
import type { AreaTexts } from './message.js';
import { checkProxyMsg } from './messages/check-proxy.js';
import { cliMsg } from './messages/cli.js';
import { commonMsg } from './messages/common.js';
import { doctorMsg } from './messages/doctor.js';
import { envMsg } from './messages/env.js';
import { fixMsg } from './messages/fix.js';
import { initMsg } from './messages/init.js';
import { restoreMsg } from './messages/restore.js';
import { routeMsg } from './messages/route.js';
import { tidyMsg } from './messages/tidy.js';
import { verdictMsg } from './messages/verdict.js';

/** Every area's English and Chinese catalogues, keyed by area name (the prefix of its keys). */
export const AREAS: readonly AreaTexts[] = [
  commonMsg.texts,
  cliMsg.texts,
  doctorMsg.texts,
  tidyMsg.texts,
  initMsg.texts,
  restoreMsg.texts,
  envMsg.texts,
  routeMsg.texts,
  checkProxyMsg.texts,
  verdictMsg.texts,
  fixMsg.texts,
];
