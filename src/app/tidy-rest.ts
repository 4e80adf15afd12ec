// What `gomodctl tidy` needs on every run once go has started (app/tidy.ts loadRest): one module, so that it loads
// as one piece beside go.
export { createDownloadWatch, readGoSums } from '../go/download-watch.js';
export { sumdbName, sumdbSettingsOf } from '../core/needs/fetch-rules.js';
export { buildTidyReport, exitCodeFor } from '../core/tidy/report-model.js';
export { formatDuration } from '../core/duration.js';
export { backoffMs, decideRetry } from '../core/tidy/retry.js';
export { tidyMsg } from '../core/i18n/messages/tidy.js';
export { proxyUrls } from '../core/goproxy.js';
export { needsDiagnosis, needsTrouble, proxyTraceUnder } from '../core/tidy/healthy.js';
export { createOutput } from '../report/output.js';
export { createTidyProgress } from '../report/tidy-progress.js';
export { startWatchdog } from '../probes/tidy-watch.js';
export {
  probeFindingText,
  renderHuman,
  spinnerText,
  stallStartText,
  stillWaitingText,
  tidyJson,
} from '../report/tidy-render.js';
export { ciDialect, gitlabSection, resolveAnnotateMode, writeCiReport } from '../report/tidy-ci.js';
