// Renders the doctor report: flutter-doctor style lines (✓ ! ✗ -) in a fixed order, or the versioned JSON document.
import type { CheckResult } from '../core/doctor/check.js';
import type { DoctorReport } from '../core/doctor/checks/context.js';
import { formatDuration } from '../core/duration.js';
import type { Text } from '../core/i18n/message.js';
import { doctorMsg } from '../core/i18n/messages/doctor.js';
import { wrapAfter } from '../core/text-width.js';
import { renderFixes } from './fix-render.js';
import { printGrouped, printSummaryLine } from './grouped.js';
import type { Output } from './output.js';

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
  const phases = parts
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${out.t(k)} ${formatDuration(v!)}`)
    .join(` ${out.g.dot} `);
  if (!r.phase) return phases;
  return out.t(doctorMsg(r.cause === 'timeout' ? 'frame.stalledIn' : 'frame.failedIn', { phases, phase: r.phase }));
}

function renderCheck(out: Output, r: CheckResult, verbose: boolean): void {
  const time = r.timings ? out.c.dim(` [${formatDuration(r.timings.totalMs)}]`) : '';
  out.line(`  ${mark(out, r)} ${out.c.bold(out.t(r.title))}${time}`);
  out.line(wrapAfter('      ', out.t(r.message), out.columns));
  if (verbose && r.timings) out.line(`      ${out.c.dim(phaseLine(out, r))}`);
  if (verbose && r.target && r.target !== r.title)
    out.line(`      ${out.c.dim(out.t(doctorMsg('frame.target', { target: r.target })))}`);
  for (const d of r.details ?? []) out.line(wrapAfter(`      ${out.c.dim('•')} `, out.t(d), out.columns));
  const fix = out.t(doctorMsg('frame.fix'));
  for (const f of renderFixes(r.fix)) out.line(`      ${out.c.cyan(fix)}${f}`);
}

/** Prints the human report to stdout. */
export function renderDoctorHuman(out: Output, report: DoctorReport, verbose = false): void {
  const go = report.go
    ? doctorMsg('frame.go', { version: report.go.version, goenv: report.go.goenv })
    : doctorMsg('frame.goNotFound');
  const canary = `${report.canary.path}${report.canary.version ? '@' + report.canary.version : ''}`;
  out.line(out.t(doctorMsg('frame.heading', { title: out.c.bold('gomodctl doctor'), go, canary })));
  printGrouped(out, report.checks, GROUP_TITLES, (r) => renderCheck(out, r, verbose));
  printSummaryLine(out, doctorMsg('frame.ok', { count: report.summary.ok }), report.summary, report.durationMs);
}
