// What only a `gomodctl tidy` run in trouble needs (app/tidy.ts loadTrouble): the rules and the diagnosis, what go
// waits on, the probe targets of a fall-through, JUnit. A healthy run never loads it.
export { waitingNow, waitingWords } from '../core/tidy/progress.js';
export { definiteFailure } from '../core/tidy/definite.js';
export { explainError } from '../core/tidy/rules.js';
export { diagnose } from '../core/tidy/diagnose.js';
export { parseGitRewrites } from '../core/git-insteadof.js';
export { goWaitWords } from '../core/go-net-bounds.js';
export { fallThroughTargets, toolchainZipUrl } from '../core/tidy/probe-targets.js';
export { tidyJUnit, writeJUnitFile } from '../report/junit.js';
export { versionBeingChecked } from '../go/module-cache.js';
export { commandFix, commentFix } from '../core/fix/fix.js';
export { fixMsg } from '../core/i18n/messages/fix.js';
export { startFixSearch } from './tidy-verify.js';
export { searchNeeds, withSearchedFixes } from '../core/tidy/verified-fixes.js';
