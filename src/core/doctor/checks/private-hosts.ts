// Private hosts: for each GOPRIVATE/GONOPROXY pattern whose first element is a concrete host, whether it resolves
// and answers HTTPS (Go fetches https://<path>?go-get=1 there), and whether git is installed.
import type { CheckResult } from '../check.js';
import type { DoctorCheck } from '../check.js';
import { doctorMsg } from '../../i18n/messages/doctor.js';
import { getVar } from '../../config-model.js';
import { modulePathHost } from '../../hosts.js';
import type { DoctorContext } from './context.js';
import { commandFix, commentFix } from '../../fix/fix.js';
import { fixMsg } from '../../i18n/messages/fix.js';
import { probeFields, timingText } from './probe-fields.js';
import { caFixes } from './probe-fixes.js';

/** Concrete hosts named by private patterns: first path element without glob characters, containing a dot. */
export function privateHosts(patterns: string[]): Array<{ host: string; pattern: string }> {
  const seen = new Set<string>();
  const out: Array<{ host: string; pattern: string }> = [];
  for (const p of patterns) {
    const host = modulePathHost(p.trim());
    if (!host.includes('.') || /[*?[\\]/.test(host) || seen.has(host)) continue;
    seen.add(host);
    out.push({ host, pattern: p });
  }
  return out;
}

async function hostCheck(ctx: DoctorContext, host: string, pattern: string): Promise<CheckResult> {
  const base = { id: `private.${host}`, group: 'private', title: host, target: host };
  const r = await ctx.probe(`https://${pattern.replace(/\/+$/, '')}?go-get=1`);
  if (r.status !== undefined) {
    return {
      ...base,
      ...probeFields(r),
      status: 'ok',
      message: doctorMsg('check.private.answers', { status: r.status, timings: timingText(r) }),
    };
  }
  return {
    ...base,
    ...probeFields(r),
    status: 'fail',
    message: doctorMsg('check.private.fails', { pattern, host, error: r.message ?? r.cause ?? 'unknown' }),
    fix:
      r.cause === 'tls'
        ? caFixes(r, ctx.platform)
        : r.cause === 'dns'
          ? [
              commentFix(
                fixMsg('fix.note.privateDns', { host, url: `https://${pattern.replace(/\/+$/, '')}?go-get=1` }),
              ),
            ]
          : [
              commentFix(fixMsg('fix.note.vpnFirewall', { host: `${host}:443` })),
              commandFix(
                ['git', 'config', '--global', `url.ssh://git@${host}/.insteadOf`, `https://${host}/`],
                fixMsg('fix.note.gitSsh'),
              ),
            ],
  };
}

/** Private-host validators (computed from the configuration) plus the git check. */
export function privateChecks(ctx: DoctorContext): Array<DoctorCheck<DoctorContext>> {
  const m = ctx.loaded.model;
  const patterns = [...getVar(m, 'GOPRIVATE').split(','), ...getVar(m, 'GONOPROXY').split(',')].filter(Boolean);
  const hosts = privateHosts(patterns);
  if (hosts.length === 0) return [];
  const checks: Array<DoctorCheck<DoctorContext>> = hosts.map(({ host, pattern }) => ({
    id: `private.${host}`,
    group: 'private',
    title: host,
    run: (c: DoctorContext) => hostCheck(c, host, pattern),
  }));
  checks.push({
    id: 'private.git',
    group: 'private',
    title: 'git',
    async run(c) {
      const v = await c.hasGit();
      return v
        ? { id: 'private.git', group: 'private', title: 'git', status: 'ok', message: v }
        : {
            id: 'private.git',
            group: 'private',
            title: 'git',
            status: 'fail',
            message: doctorMsg('check.private.noGit'),
            fix: [commentFix(fixMsg('fix.note.installGit', { url: 'https://git-scm.com/downloads' }))],
          };
    },
  });
  return checks;
}
