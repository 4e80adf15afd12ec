// Renders `gomodctl route`: the ordered requests Go would make for each module, and what ends the chain. Every
// sentence comes from the route catalogue (core/i18n/messages/route.ts); URLs, variables and patterns are verbatim.
import type { Message } from '../core/i18n/message.js';
import { routeMsg } from '../core/i18n/messages/route.js';
import { redactSecrets } from '../core/redact.js';
import { wrapAfter } from '../core/text-width.js';
import type { Route, RouteStep } from '../core/types.js';
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

/** The JSON document of `gomodctl route --json` (messages serialise to English: the same in every language). */
export function routeJson(routes: Route[]): unknown {
  return JSON.parse(redactSecrets(JSON.stringify({ schemaVersion: 1, command: 'route', routes })));
}

function decided(out: Output, s: RouteStep): string {
  const { variable, pattern } = s.decidedBy;
  return pattern ? out.t(routeMsg('decidedByPattern', { variable, pattern })) : variable;
}

/** A line of text under a step, wrapped to the terminal with its indentation. */
const detail = (out: Output, text: string): string => wrapAfter('       ', text, out.columns);

function renderStep(out: Output, s: RouteStep, n: number): void {
  out.line(
    `  ${n}. ${out.c.bold(out.t(KIND[s.kind]))} ${redactSecrets(s.url ?? '')}  ${out.c.dim(`[${decided(out, s)}]`)}`,
  );
  for (const r of s.requests ?? []) if (r !== s.url) out.line(`       GET ${redactSecrets(r)}`);
  if (s.note) out.line(out.c.dim(detail(out, redactSecrets(out.t(s.note)))));
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
    for (const w of route.warnings)
      out.line(wrapAfter(` ${out.c.yellow(out.g.warn)} `, redactSecrets(out.t(w)), out.columns));
    out.line();
  }
}
