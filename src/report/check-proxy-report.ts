// Renders the check-proxy report: a conformance table (✓ ! ✗ - per requirement, grouped), each failure or warning
// with the exchange that shows it, what go does because of it and what to change; or the JSON document.
import type { CheckProxyReport, Exchange, ProxyCheck } from '../core/check-proxy/types.js';
import { formatDuration } from '../core/duration.js';
import { redactSecrets } from '../core/redact.js';
import { printGrouped, printSummaryLine } from './grouped.js';
import type { Output } from './output.js';

const GROUP_TITLES: Record<string, string> = {
  transport: 'Transport',
  protocol: 'GOPROXY protocol',
  sumdb: 'Checksum database proxying',
  integrity: 'Integrity (h1: hashes against the checksum database)',
};

/** The body of `gomodctl check-proxy --json` (README "JSON output"; printDocument stamps and redacts it). */
export function checkProxyJson(report: CheckProxyReport): Record<string, unknown> {
  return { ...report };
}

function mark(out: Output, c: ProxyCheck): string {
  if (c.status === 'pass') return out.c.green('✓');
  if (c.status === 'warn') return out.c.yellow('!');
  if (c.status === 'fail') return out.c.red('✗');
  return out.c.dim('-');
}

function exchangeLine(e: Exchange): string {
  const what =
    e.status !== undefined ? `${e.status}${e.contentType ? ` ${e.contentType}` : ''}` : (e.error ?? 'no answer');
  const size = e.bytes !== undefined ? `, ${e.bytes} bytes` : '';
  const hops = e.redirects?.length ? ` (redirected to ${e.redirects.at(-1)})` : '';
  return `GET ${e.url} → ${what}${size}, ${formatDuration(e.ms)}${hops}`;
}

function renderCheck(out: Output, c: ProxyCheck, verbose: boolean): void {
  const module = c.module ? out.c.dim(` ${c.module}`) : '';
  const problem = c.problem && c.status !== 'pass' ? out.c.dim(` [${c.problem}]`) : '';
  out.line(`  ${mark(out, c)} ${out.c.bold(c.title)}${module}${problem}`);
  out.line(`      ${redactSecrets(c.message)}`.replace(/\n/g, '\n      '));
  const shown = c.status === 'fail' || c.status === 'warn' || verbose;
  if (shown) for (const e of c.exchanges.slice(0, 3)) out.line(`      ${out.c.dim(redactSecrets(exchangeLine(e)))}`);
  if (c.goEffect) out.line(`      ${out.c.magenta('go:')} ${c.goEffect}`);
  for (const f of c.fix ?? []) out.line(`      ${out.c.cyan('fix:')} ${redactSecrets(f)}`);
}

function header(out: Output, r: CheckProxyReport): void {
  const server = r.server.product ? `${r.server.product} (${r.server.evidence})` : (r.server.header ?? 'not named');
  const sumdb =
    r.sumdb.via === 'off' ? 'off' : `${r.sumdb.name} via ${r.sumdb.via}${r.sumdb.base ? ` (${r.sumdb.base})` : ''}`;
  out.line(`${out.c.bold('gomodctl check-proxy')} ${redactSecrets(r.url)}`);
  out.line(`  server: ${server}`);
  out.line(`  modules: ${r.canaries.map((c) => `${c.path}@${c.version}`).join(', ')}`);
  out.line(`  checksum database: ${redactSecrets(sumdb)}`);
}

/** Prints the human report to stdout; `verbose` also shows the exchanges of passing checks. */
export function renderCheckProxyHuman(out: Output, r: CheckProxyReport, verbose = false): void {
  header(out, r);
  printGrouped(out, r.checks, GROUP_TITLES, (c) => renderCheck(out, c, verbose));
  printSummaryLine(out, `${r.summary.pass} passed`, r.summary, r.durationMs);
}
