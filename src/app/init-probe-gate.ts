// `init --preset …`: probe the proxies before writing them (issue 13 item 6). With --yes, a list whose every entry
// failed is refused (exit 1: nothing is written; --no-probe writes it anyway); on a terminal the preview warns first.
import { GomodctlError } from '../core/errors.js';
import { render, type Text } from '../core/i18n/message.js';
import { fixMsg } from '../core/i18n/messages/fix.js';
import { allEntriesFailed } from '../core/init/probe-check.js';
import type { InitPlan } from '../core/init/plan.js';
import { probeProxyEntries } from './init-wizard.js';
import type { RunContext } from './write-plan.js';

/** Probes the GOPROXY the plan writes; throws (exit 1) with --yes when no entry works, else adds a warning. */
export async function checkProxyBeforeWrite(p: {
  plan: InitPlan;
  yes: boolean;
  ctx: RunContext;
  goVersion: string | null;
}): Promise<void> {
  const op = p.plan.ops.find((o) => o.op === 'set' && o.name === 'GOPROXY');
  if (op?.op !== 'set') return;
  const results = await probeProxyEntries(op.value, p.ctx.env, p.goVersion);
  if (!allEntriesFailed(results)) return;
  if (p.yes) {
    // A message, not rendered text: --json carries it in English whatever the language.
    const entries = results.map((r) => `${r.entry}: ${r.reason}`).join('; ');
    const hint = fixMsg('fix.refuseDetail', { proxy: op.value, entries });
    throw new GomodctlError(fixMsg('fix.refusePreset', { proxy: op.value }), 1, hint);
  }
  // Plan warnings are text; in --json they are English like every message there.
  const t = (m: Text): string => (p.ctx.out.json ? render(m, 'en') : p.ctx.out.t(m));
  const entries = results.map((r) => t(fixMsg('fix.entryFailed', { url: r.entry, reason: r.reason })));
  p.plan.warnings.push(
    `${t(fixMsg('fix.allEntriesFailed', { proxy: op.value }))} ${entries.join('; ')}`,
    t(fixMsg('fix.warnAllFailed')),
  );
}
