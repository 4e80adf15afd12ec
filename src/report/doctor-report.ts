// Renders the doctor report: flutter-doctor style lines (✓ ! ✗ -) in a fixed order, or the versioned JSON document.
import type { CheckResult } from '../core/doctor/check.js';
import type { DoctorReport } from '../core/doctor/checks/context.js';
import { formatDuration } from '../core/duration.js';
import type { Text } from '../core/i18n/message.js';
import { doctorMsg } from '../core/i18n/messages/doctor.js';
import { wrapAfter } from '../core/text-width.js';
import { renderFixes, renderFixSection } from './fix-render.js';
import { printGrouped, printSummaryLine } from './grouped.js';
import type { Output } from './output.js';
import { renderVerdictHuman, verdictJson } from './verdict-report.js';

// Words of the frame come from the doctor catalogue (frame.*); a check's title, message and details are rendered
// with out.t, so they may be catalogue messages or verbatim text.
const GROUP_TITLES: Record<string, Text> = {
  go: doctorMsg('frame.group.go'),
  config: doctorMsg('frame.group.config'),
  proxy: doctorMsg('frame.group.proxy'),
  sumdb: doctorMsg('frame.group.sumdb'),
  private: doctorMsg('frame.group.private'),
  deps: doctorMsg('frame.group.deps'),
};

/** The body of `gomodctl doctor --json` (README "JSON output"): each fix as the line to copy. */
export function doctorJson(report: DoctorReport): Record<string, unknown> {
  return {
    go: report.go,
    canary: report.canary,
    checks: report.checks.map((c) => (c.fix ? { ...c, fix: renderFixes(c.fix) } : c)),
    summary: report.summary,
    durationMs: report.durationMs,
    ...(report.verdict ? { verdict: verdictJson(report.verdict) } : {}),
  };
}

function mark(out: Output, r: CheckResult): string {
  const { c } = out;
  switch (r.status) {
    case 'ok':
      return c.green(out.g.ok);
    case 'warn':
      return c.yellow(out.g.warn);
    case 'fail':
      return c.red(out.g.fail);
    default:
      return c.dim(out.g.skip);
  }
}

function phaseLine(out: Output, r: CheckResult): string {
  const t = r.timings!;
  const parts = [
    [doctorMsg('frame.phase.dns'), t.dnsMs],
    [doctorMsg('frame.phase.connect'), t.connectMs],
    [doctorMsg('frame.phase.tls'), t.tlsMs],
    [doctorMsg('frame.phase.ttfb'), t.ttfbMs],
    [doctorMsg('frame.phase.total'), t.totalMs],
  ] as const;
  const shown = parts.filter(([, v]) => v !== undefined).map(([k, v]) => `${out.t(k)} ${formatDuration(v!)}`);
  // A request on a connection an earlier probe opened has no dns/connect/tls of its own (GotConnInfo.Reused).
  if (t.reused) shown.unshift(out.t(doctorMsg('frame.phase.reused')));
  const phases = shown.join(` ${out.g.dot} `);
  if (!r.phase) return phases;
  return out.t(doctorMsg(r.cause === 'timeout' ? 'frame.stalledIn' : 'frame.failedIn', { phases, phase: r.phase }));
}

function renderCheck(out: Output, r: CheckResult, verbose: boolean): void {
  const time = r.timings ? out.c.dim(` [${formatDuration(r.timings.totalMs)}]`) : '';
  const title = out.t(r.title);
  const message = out.t(r.message);
  // A title that only repeats its group ("Configuration", "Checksum database") or the start of its message
  // ("go1.26.8") is not printed: the message takes the title's line.
  const group = GROUP_TITLES[r.group];
  const folded = (group ? out.t(group) : '').startsWith(title) || message.startsWith(title);
  if (folded) out.line(wrapAfter(`  ${mark(out, r)} `, `${message}${time}`, out.columns));
  else {
    out.line(`  ${mark(out, r)} ${out.c.bold(title)}${time}`);
    out.line(wrapAfter('      ', message, out.columns));
  }
  if (verbose && r.timings) out.line(`      ${out.c.dim(phaseLine(out, r))}`);
  if (verbose && r.target && r.target !== String(r.title))
    out.line(`      ${out.c.dim(out.t(doctorMsg('frame.target', { target: r.target })))}`);
  for (const d of r.details ?? []) out.line(wrapAfter(`      ${out.c.dim('•')} `, out.t(d), out.columns));
  const words = { fix: out.t(doctorMsg('frame.fixLabel')), oneOf: out.t(doctorMsg('frame.fixOneOf')) };
  for (const l of renderFixSection(r.fix, '      ', { label: out.c.cyan, note: out.c.dim, words }, 'posix', out))
    out.line(l);
}

/** "4 checks passed" or "2 of 4 checks failed, 1 warning": the one line a reader needs first. */
function verdictLine(out: Output, report: DoctorReport): string {
  const { ok, warn, fail, skip } = report.summary;
  const total = ok + warn + fail + skip;
  const warnings = warn ? out.t(doctorMsg('frame.warnings', { count: warn })) : '';
  if (fail) {
    const failed = out.c.red(out.t(doctorMsg('frame.checksFailed', { fail, total })));
    return warnings
      ? out.t(doctorMsg('frame.failedAndWarnings', { failed, warnings: out.c.yellow(warnings) }))
      : failed;
  }
  if (warnings) return out.c.yellow(out.t(doctorMsg('frame.noneFailed', { warnings })));
  return out.c.green(out.t(doctorMsg('frame.allPassed', { count: total })));
}

/** Prints the human report to stdout: the verdict line first, then each group, then the summary line. */
export function renderDoctorHuman(out: Output, report: DoctorReport, verbose = false): void {
  if (report.verdict) renderVerdictHuman(out, report.verdict);
  // The Go version and GOENV are the go group's first line: the heading names only what no check shows.
  const canary = `${report.canary.path}${report.canary.version ? '@' + report.canary.version : ''}`;
  const verdict = verdictLine(out, report);
  out.line(out.t(doctorMsg('frame.headingLine', { title: out.c.bold('gomodctl doctor'), verdict, canary })));
  printGrouped(out, report.checks, GROUP_TITLES, (r) => renderCheck(out, r, verbose));
  printSummaryLine(out, doctorMsg('frame.ok', { count: report.summary.ok }), report.summary, report.durationMs);
}
