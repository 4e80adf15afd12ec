// Renders the doctor report: flutter-doctor style lines (✓ ! ✗ -) in a fixed order, or the versioned JSON document.
import type { CheckResult } from '../core/doctor/check.js';
import type { DoctorReport } from '../core/doctor/checks/context.js';
import { formatDuration } from '../core/duration.js';
import { renderFixes, renderFixSection } from './fix-render.js';
import { printGrouped, printSummaryLine } from './grouped.js';
import type { Output } from './output.js';
import { renderVerdictHuman, verdictJson } from './verdict-report.js';

const GROUP_TITLES: Record<string, string> = {
  go: 'Go toolchain',
  config: 'Configuration',
  proxy: 'Proxies (GOPROXY)',
  sumdb: 'Checksum database (GOSUMDB)',
  private: 'Private modules (GOPRIVATE / GONOPROXY)',
  deps: 'Requirements of go.mod',
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
      return c.green('✓');
    case 'warn':
      return c.yellow('!');
    case 'fail':
      return c.red('✗');
    default:
      return c.dim('-');
  }
}

function phaseLine(r: CheckResult): string {
  const t = r.timings!;
  const parts = [
    ['dns', t.dnsMs],
    ['connect', t.connectMs],
    ['tls', t.tlsMs],
    ['first byte', t.ttfbMs],
    ['total', t.totalMs],
  ] as const;
  return parts
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${formatDuration(v!)}`)
    .join(' · ');
}

function renderCheck(out: Output, r: CheckResult, verbose: boolean): void {
  const time = r.timings ? out.c.dim(` [${formatDuration(r.timings.totalMs)}]`) : '';
  // A title that only repeats its group ("Configuration", "Checksum database") or the start of its message
  // ("go1.26.8") is not printed:
  // the message takes the title's line.
  const folded = (GROUP_TITLES[r.group] ?? '').startsWith(r.title) || r.message.startsWith(r.title);
  if (folded) out.line(`  ${mark(out, r)} ${r.message}${time}`);
  else {
    out.line(`  ${mark(out, r)} ${out.c.bold(r.title)}${time}`);
    out.line(`      ${r.message}`);
  }
  if (verbose && r.timings)
    out.line(
      `      ${out.c.dim(`${phaseLine(r)}${r.phase ? ` (${r.cause === 'timeout' ? 'stalled' : 'failed'} in: ${r.phase})` : ''}`)}`,
    );
  if (verbose && r.target && r.target !== r.title) out.line(`      ${out.c.dim(`target: ${r.target}`)}`);
  for (const d of r.details ?? []) out.line(`      ${out.c.dim('•')} ${d}`);
  for (const l of renderFixSection(r.fix, '      ', { label: out.c.cyan, note: out.c.dim })) out.line(l);
}

/** "4 checks passed" or "2 of 4 checks failed, 1 warning": the one line a reader needs first. */
function verdictLine(out: Output, report: DoctorReport): string {
  const { ok, warn, fail, skip } = report.summary;
  const total = ok + warn + fail + skip;
  const warnings = warn ? `${warn} warning${warn > 1 ? 's' : ''}` : '';
  if (fail) return out.c.red(`${fail} of ${total} checks failed`) + (warnings ? `, ${out.c.yellow(warnings)}` : '');
  return warnings ? out.c.yellow(`no check failed, ${warnings}`) : out.c.green(`all ${total} checks passed`);
}

/** Prints the human report to stdout: the verdict line first, then each group, then the summary line. */
export function renderDoctorHuman(out: Output, report: DoctorReport, verbose = false): void {
  if (report.verdict) renderVerdictHuman(out, report.verdict);
  // The Go version and GOENV are the go group's first line: the heading names only what no check shows.
  const canary = `${report.canary.path}${report.canary.version ? '@' + report.canary.version : ''}`;
  out.line(`${out.c.bold('gomodctl doctor')}: ${verdictLine(out, report)} ${out.c.dim(`(canary ${canary})`)}`);
  printGrouped(out, report.checks, GROUP_TITLES, (r) => renderCheck(out, r, verbose));
  printSummaryLine(out, `${report.summary.ok} ok`, report.summary, report.durationMs);
}
