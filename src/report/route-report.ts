// Renders `gomodctl route`: the ordered requests Go would make for each module, and what ends the chain. Every
// sentence comes from the route catalogue (core/i18n/messages/route.ts); URLs, variables and patterns are verbatim.
import type { Message, Text } from '../core/i18n/message.js';
import { routeMsg } from '../core/i18n/messages/route.js';
import { redactSecrets } from '../core/redact.js';
import type { Route, RouteStep, RouteWarning } from '../core/route.js';
import { displayWidth, wrapAfter } from '../core/text-width.js';
import { renderFix } from './fix-render.js';
import type { Output } from './output.js';

const FALL: Record<RouteStep['fallThrough'], Message> = {
  'on-404-410': routeMsg('fall.on404'),
  'on-any-error': routeMsg('fall.onAnyError'),
  never: routeMsg('fall.never'),
};

const KIND: Record<RouteStep['kind'], Message> = {
  proxy: routeMsg('kind.proxy'),
  direct: routeMsg('kind.direct'),
  vcs: routeMsg('kind.vcs'),
  off: routeMsg('kind.off'),
  sumdb: routeMsg('kind.sumdb'),
  'sumdb-supported': routeMsg('kind.sumdbSupported'),
};

/** The body of `gomodctl route --json`: each warning as the English sentence, messages as English text. */
export function routeJson(routes: Route[]): Record<string, unknown> {
  return { routes: routes.map((r) => ({ ...r, warnings: r.warnings.map((w) => warningText(w, String)) })) };
}

/** A warning as one sentence in a language, ending with the command that prevents the leak. */
function warningText(w: RouteWarning, t: (text: Text) => string): string {
  return w.fix ? `${t(w.message)} ${renderFix(w.fix, 'posix', { t })}` : t(w.message);
}

/**
 * A warning wrapped to the terminal, its fix (command and note) kept whole on one line: the fix is laid out as one
 * word of its width, then put in its place (noBreak alone would not do: wrap breaks between Chinese characters, and
 * a note's second line would no longer be a shell comment).
 */
function warningLines(out: Output, w: RouteWarning): string {
  const prefix = ` ${out.c.yellow(out.g.warn)} `;
  const message = redactSecrets(out.t(w.message));
  if (!w.fix) return wrapAfter(prefix, message, out.columns);
  const fix = redactSecrets(renderFix(w.fix, 'posix', out));
  const stand = 'x'.repeat(displayWidth(fix));
  return wrapAfter(prefix, `${message} ${stand}`, out.columns).slice(0, -stand.length) + fix;
}

function decided(out: Output, s: RouteStep): string {
  const { variable, pattern } = s.decidedBy;
  return pattern ? out.t(routeMsg('decidedByPattern', { variable, pattern })) : variable;
}

/** A line of text under a step, wrapped to the terminal with its indentation (redacted before it is wrapped). */
const detail = (out: Output, text: string): string => wrapAfter('       ', redactSecrets(text), out.columns);

function renderStep(out: Output, s: RouteStep, n: number): void {
  out.line(`  ${n}. ${out.c.bold(out.t(KIND[s.kind]))} ${s.url ?? ''}  ${out.c.dim(`[${decided(out, s)}]`)}`);
  for (const r of s.requests ?? []) if (r !== s.url) out.line(`       GET ${r}`);
  if (s.note) out.line(out.c.dim(detail(out, out.t(s.note))));
  out.line(detail(out, out.t(routeMsg('next', { next: FALL[s.fallThrough] }))));
}

function sumdbLine(out: Output, sumdb: Route['sumdb']): string {
  const { name, reason } = sumdb;
  if (!sumdb.checked) return out.t(routeMsg('sumdb.notConsulted', { reason }));
  return out.t(name ? routeMsg('sumdb.checked', { name, reason }) : routeMsg('sumdb.invalid', { reason }));
}

/** Prints each route. */
export function renderRoutesHuman(out: Output, routes: Route[]): void {
  for (const route of routes) {
    const head = `${route.module}${route.version ? '@' + route.version : ''}`;
    out.line(`${out.c.bold(head)}${route.private ? out.c.cyan(`  ${out.t(routeMsg('private'))}`) : ''}`);
    const download = route.steps.filter((s) => s.kind !== 'sumdb' && s.kind !== 'sumdb-supported');
    const sum = route.steps.filter((s) => s.kind === 'sumdb' || s.kind === 'sumdb-supported');
    out.line(` ${out.t(routeMsg('download'))}`);
    for (const [i, s] of download.entries()) renderStep(out, s, i + 1);
    out.line(wrapAfter(' ', redactSecrets(sumdbLine(out, route.sumdb)), out.columns));
    for (const [i, s] of sum.entries()) renderStep(out, s, i + 1);
    for (const w of route.warnings) out.line(warningLines(out, w));
    out.line();
  }
}
