// Renders a verdict: its JSON section (README "JSON output": doctor's `verdict`) and the human lines doctor prints
// first — one line saying whether `go mod tidy` will fail, then each failing module with its hop, URL and cause.
import type { Message } from '../core/i18n/message.js';
import { verdictMsg } from '../core/i18n/messages/verdict.js';
import type { NeedOutcome, OutcomeHop, Verdict } from '../core/verdict/types.js';
import type { Output } from './output.js';

const HOP_KEY = {
  proxy: 'hop.proxy',
  direct: 'hop.direct',
  sumdb: 'hop.sumdb',
  'connect-proxy': 'hop.connectProxy',
  toolchain: 'hop.toolchain',
} as const satisfies Record<OutcomeHop, string>;

const modVer = (o: NeedOutcome): string => `${o.need.module}${o.need.version ? `@${o.need.version}` : ''}`;

/** One outcome as JSON: the need (module, version, what, why) and what Go does with it. */
function outcomeJson(o: NeedOutcome): Record<string, unknown> {
  const { need, ...rest } = o;
  const n: Record<string, unknown> = { module: need.module, what: need.what, why: need.why };
  if (need.version) n.version = need.version;
  return { ...n, ...rest };
}

/** The `verdict` section of doctor's JSON document. */
export function verdictJson(v: Verdict): Record<string, unknown> {
  return {
    willFail: v.willFail,
    errors: v.errors,
    failures: v.failures.map(outcomeJson),
    outcomes: v.outcomes.map(outcomeJson),
    probed: v.probed,
  };
}

/** The failing outcomes, one per module@version, hop and URL (a .mod and a .zip failing the same way print once). */
function distinctFailures(v: Verdict): NeedOutcome[] {
  const seen = new Set<string>();
  return v.failures.filter((o) => {
    const k = `${modVer(o)} ${o.hop} ${o.outcome} ${o.entry ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The verdict headline. */
function verdictHeadline(v: Verdict): Message {
  if (v.errors.length > 0) return verdictMsg('willFailBefore', { error: v.errors[0]! });
  if (v.willFail) {
    const modules = new Set(v.failures.map(modVer));
    return verdictMsg('willFail', { count: modules.size });
  }
  if (v.outcomes.length === 0) return verdictMsg('nothingToFetch');
  return verdictMsg('willSucceed', { count: v.outcomes.length });
}

/** Prints the verdict: the headline, then each failing module (module@version, hop, outcome, URL and cause). */
export function renderVerdictHuman(out: Output, v: Verdict): void {
  const head = out.t(verdictHeadline(v));
  out.line(v.willFail ? out.c.red(`✗ ${head}`) : out.c.green(`✓ ${head}`));
  for (const e of v.errors.slice(1)) out.line(`    ${e}`);
  for (const o of distinctFailures(v)) {
    const hop = out.t(verdictMsg(o.hop ? HOP_KEY[o.hop] : 'hop.proxy'));
    const outcome = out.t(verdictMsg(`outcome.${o.outcome}`));
    out.line(`    ${out.t(verdictMsg('failure', { module: modVer(o), hop, outcome, message: o.message }))}`);
  }
  for (const o of v.outcomes.filter((x) => x.outcome === 'leak' && !x.failing))
    out.line(`    ${out.c.yellow('!')} ${out.t(verdictMsg('leakNote', { module: modVer(o), message: o.message }))}`);
  out.line('');
}
