// `init --preset …`: probe the proxies before writing them (issue 13 item 6). With --yes, a list whose every entry
// failed is refused (exit 1: nothing is written; --no-probe writes it anyway); on a terminal the preview warns first.
import { GomodctlError } from '../core/errors.js';
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
  const entries = results.map((r) => p.ctx.out.t(fixMsg('fix.entryFailed', { url: r.entry, reason: r.reason })));
  if (p.yes) {
    const hint = `${p.ctx.out.t(fixMsg('fix.allEntriesFailed', { proxy: op.value }))} ${entries.join('; ')}`;
    throw new GomodctlError(fixMsg('fix.refusePreset', { proxy: op.value }), 1, hint);
  }
  p.plan.warnings.push(
    `${p.ctx.out.t(fixMsg('fix.allEntriesFailed', { proxy: op.value }))} ${entries.join('; ')}`,
    p.ctx.out.t(fixMsg('fix.warnAllFailed')),
  );
}
