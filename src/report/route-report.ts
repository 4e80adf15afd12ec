// Renders `gomodctl route`: the ordered requests Go would make for each module, and what ends the chain.
import type { Route, RouteStep, RouteWarning } from '../core/route.js';
import { renderFix } from './fix-render.js';
import type { Output } from './output.js';

const FALL: Record<RouteStep['fallThrough'], string> = {
  'on-404-410': 'next on 404/410 only (",")',
  'on-any-error': 'next on any error ("|")',
  never: 'end of the chain',
};

/** The body of `gomodctl route --json`: each warning as the sentence route prints. */
export function routeJson(routes: Route[]): Record<string, unknown> {
  return { routes: routes.map((r) => ({ ...r, warnings: r.warnings.map(warningText) })) };
}

/** A warning as one sentence, ending with the command that prevents the leak. */
export function warningText(w: RouteWarning): string {
  return w.fix ? `${w.message} ${renderFix(w.fix)}` : w.message;
}

function decided(s: RouteStep): string {
  return s.decidedBy.pattern ? `${s.decidedBy.variable} pattern ${s.decidedBy.pattern}` : s.decidedBy.variable;
}

function renderStep(out: Output, s: RouteStep, n: number): void {
  out.line(`  ${n}. ${out.c.bold(s.kind)} ${s.url ?? ''}  ${out.c.dim(`[${decided(s)}]`)}`);
  for (const r of s.requests ?? []) if (r !== s.url) out.line(`       GET ${r}`);
  if (s.note) out.line(`       ${out.c.dim(s.note)}`);
  out.line(`       then: ${FALL[s.fallThrough]}`);
}

/** Prints each route. */
export function renderRoutesHuman(out: Output, routes: Route[]): void {
  for (const route of routes) {
    const head = `${route.module}${route.version ? '@' + route.version : ''}`;
    out.line(`${out.c.bold(head)}${route.private ? out.c.cyan('  (private: GONOPROXY)') : ''}`);
    const download = route.steps.filter((s) => s.kind !== 'sumdb' && s.kind !== 'sumdb-supported');
    const sum = route.steps.filter((s) => s.kind === 'sumdb' || s.kind === 'sumdb-supported');
    out.line(' download:');
    download.forEach((s, i) => renderStep(out, s, i + 1));
    out.line(
      ` checksum database: ${route.sumdb.checked ? `${route.sumdb.name} (${route.sumdb.reason})` : `not consulted (${route.sumdb.reason})`}`,
    );
    sum.forEach((s, i) => renderStep(out, s, i + 1));
    for (const w of route.warnings) out.line(` ${out.c.yellow('!')} ${warningText(w)}`);
    out.line();
  }
}
