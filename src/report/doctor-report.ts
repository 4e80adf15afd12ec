// Renders the doctor report: flutter-doctor style lines (✓ ! ✗ -) in a fixed order, or the versioned JSON document.
import type { CheckResult } from '../core/doctor/check.js';
import type { DoctorReport } from '../core/doctor/checks/context.js';
import { formatDuration } from '../core/duration.js';
import { renderFixes } from './fix-render.js';
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
  out.line(`  ${mark(out, r)} ${out.c.bold(r.title)}${time}`);
  out.line(`      ${r.message}`);
  if (verbose && r.timings)
    out.line(
      `      ${out.c.dim(`${phaseLine(r)}${r.phase ? ` (${r.cause === 'timeout' ? 'stalled' : 'failed'} in: ${r.phase})` : ''}`)}`,
    );
  if (verbose && r.target && r.target !== r.title) out.line(`      ${out.c.dim(`target: ${r.target}`)}`);
  for (const d of r.details ?? []) out.line(`      ${out.c.dim('•')} ${d}`);
  for (const f of renderFixes(r.fix)) out.line(`      ${out.c.cyan('fix:')} ${f}`);
}

/** Prints the human report to stdout. */
export function renderDoctorHuman(out: Output, report: DoctorReport, verbose = false): void {
  const go = report.go ? `${report.go.version}, GOENV ${report.go.goenv}` : 'go not found';
  if (report.verdict) renderVerdictHuman(out, report.verdict);
  out.line(
    `${out.c.bold('gomodctl doctor')} (${go}; canary ${report.canary.path}${report.canary.version ? '@' + report.canary.version : ''})`,
  );
  printGrouped(out, report.checks, GROUP_TITLES, (r) => renderCheck(out, r, verbose));
  printSummaryLine(out, `${report.summary.ok} ok`, report.summary, report.durationMs);
}
