// Renders the check-proxy report: a conformance table (✓ ! ✗ - per requirement, grouped), each failure or warning
// with the exchange that shows it, what go does because of it and what to change; or the JSON document. Words come
// from the check-proxy catalogue; URLs, Go's own texts and header values are printed as they are.
import type { CheckProxyReport, Exchange, ProxyCheck } from '../core/check-proxy/types.js';
import { formatDuration } from '../core/duration.js';
import type { Text } from '../core/i18n/message.js';
import { checkProxyMsg } from '../core/i18n/messages/check-proxy.js';
import { redactSecrets } from '../core/redact.js';
import { wrapAfter } from '../core/text-width.js';
import { printGrouped, printSummaryLine } from './grouped.js';
import type { Output } from './output.js';

const GROUP_TITLES: Record<string, Text> = {
  transport: checkProxyMsg('group.transport'),
  protocol: checkProxyMsg('group.protocol'),
  sumdb: checkProxyMsg('group.sumdb'),
  integrity: checkProxyMsg('group.integrity'),
};

/** The body of `gomodctl check-proxy --json` (README "JSON output"; printDocument stamps and redacts it). */
export function checkProxyJson(report: CheckProxyReport): Record<string, unknown> {
  return { ...report };
}

function mark(out: Output, c: ProxyCheck): string {
  if (c.status === 'pass') return out.c.green(out.g.ok);
  if (c.status === 'warn') return out.c.yellow(out.g.warn);
  if (c.status === 'fail') return out.c.red(out.g.fail);
  return out.c.dim(out.g.skip);
}

function exchangeLine(e: Exchange): Text {
  const what =
    e.status !== undefined
      ? `${e.status}${e.contentType ? ` ${e.contentType}` : ''}`
      : (e.error ?? checkProxyMsg('exchange.noAnswer'));
  const duration = formatDuration(e.ms);
  const line =
    e.bytes !== undefined
      ? checkProxyMsg('exchange.lineBytes', { url: e.url, what, bytes: e.bytes, duration })
      : checkProxyMsg('exchange.line', { url: e.url, what, duration });
  const to = e.redirects?.at(-1);
  return to ? checkProxyMsg('exchange.redirected', { line, url: to }) : line;
}

/** A text under a check, wrapped at the terminal's width below its indent (redacted before wrapping). */
function detail(out: Output, prefix: string, text: string): string {
  return wrapAfter(prefix, redactSecrets(text), out.columns);
}

function renderCheck(out: Output, c: ProxyCheck, verbose: boolean): void {
  const module = c.module ? out.c.dim(` ${c.module}`) : '';
  const problem = c.problem && c.status !== 'pass' ? out.c.dim(` [${c.problem}]`) : '';
  out.line(wrapAfter(`  ${mark(out, c)} `, `${out.c.bold(out.t(c.title))}${module}${problem}`, out.columns));
  out.line(detail(out, '      ', out.t(c.message)));
  const shown = c.status === 'fail' || c.status === 'warn' || verbose;
  if (shown)
    for (const e of c.exchanges.slice(0, 3)) out.line(out.c.dim(detail(out, '      ', out.t(exchangeLine(e)))));
  if (c.goEffect) out.line(detail(out, `      ${out.c.magenta('go:')} `, out.t(c.goEffect)));
  const fix = out.t(checkProxyMsg('label.fix'));
  for (const f of c.fix ?? []) out.line(detail(out, `      ${out.c.cyan(fix)}`, out.t(f)));
}

function header(out: Output, r: CheckProxyReport): void {
  const server: Text = r.server.product
    ? checkProxyMsg('header.product', { product: r.server.product, evidence: r.server.evidence ?? '' })
    : (r.server.header ?? checkProxyMsg('header.notNamed'));
  const { name, via, base } = r.sumdb;
  const sumdb: Text =
    via === 'off'
      ? 'off'
      : base
        ? checkProxyMsg('header.viaBase', { name, via, base })
        : checkProxyMsg('header.via', { name, via });
  out.line(`${out.c.bold('gomodctl check-proxy')} ${redactSecrets(r.url)}`);
  out.line(`  ${out.t(checkProxyMsg('header.server', { server }))}`);
  const modules = r.canaries.map((c) => `${c.path}@${c.version}`).join(', ');
  out.line(wrapAfter('  ', out.t(checkProxyMsg('header.modules', { modules })), out.columns));
  out.line(wrapAfter('  ', redactSecrets(out.t(checkProxyMsg('header.sumdb', { sumdb }))), out.columns));
}

/** Prints the human report to stdout; `verbose` also shows the exchanges of passing checks. */
export function renderCheckProxyHuman(out: Output, r: CheckProxyReport, verbose = false): void {
  header(out, r);
  printGrouped(out, r.checks, GROUP_TITLES, (c) => renderCheck(out, c, verbose));
  printSummaryLine(out, checkProxyMsg('summary.passed', { count: r.summary.pass }), r.summary, r.durationMs);
}
