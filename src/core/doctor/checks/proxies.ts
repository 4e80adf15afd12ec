// One check per GOPROXY URL entry: a protocol probe GET <entry>/<escaped canary>/@v/list (go help goproxy;
// docs/go-rules.md#the-module-proxy-protocol).
import type { ConfigModel } from '../../config-types.js';
import type { CheckResult } from '../check.js';
import type { ProxyEntry } from '../../goproxy.js';
import { commentFix, fixVariable, setFix } from '../../fix/fix.js';
import { formatGoproxy } from '../../goproxy.js';
import type { DoctorCheck } from '../check.js';
import { escapePath } from '../../escape.js';
import { code } from '../../i18n/message.js';
import { doctorMsg } from '../../i18n/messages/doctor.js';
import { redactUrl } from '../../redact.js';
import { classifyGoProxyBody } from '../../proxy-body.js';
import type { DoctorContext } from './context.js';
import { probeFields, timingText } from './probe-fields.js';
import { proxyFixes } from './probe-fixes.js';

/** URL of `<base>/<module>/@v/<file>` with Go's case escaping. */
export function proxyUrl(base: string, modulePath: string, file: string): string {
  return `${base.replace(/\/+$/, '')}/${escapePath(modulePath)}/@v/${file}`;
}

async function checkEntry(ctx: DoctorContext, entries: ProxyEntry[], i: number): Promise<CheckResult> {
  const e = entries[i] as Extract<ProxyEntry, { kind: 'url' }>;
  const target = redactUrl(e.url);
  const base = { id: `proxy.${i}`, group: 'proxy', title: target, target };
  if (e.url.startsWith('file://')) {
    return { ...base, status: 'skip', message: doctorMsg('check.proxy.fileSkip') };
  }
  const r = await ctx.probe(proxyUrl(e.url, ctx.canary.path, 'list'), { readBody: 4096 });
  const fields = probeFields(r);
  if (r.ok) {
    const bad = classifyGoProxyBody('list', r.status ?? 200, undefined, r.body ?? '');
    if (bad) {
      return {
        ...base,
        ...fields,
        status: 'fail',
        cause: 'bad-response',
        message: doctorMsg('check.proxy.badResponse', { reason: bad }),
        fix: proxyFixes({ ...r, cause: 'bad-response' }, entries, i, ctx.platform, ctx.loaded.model),
      };
    }
    return {
      ...base,
      ...fields,
      status: 'ok',
      message: doctorMsg('check.proxy.serves', {
        module: ctx.canary.path,
        status: r.status ?? 200,
        timings: timingText(r),
      }),
    };
  }
  if (r.status === 404 || r.status === 410) {
    return {
      ...base,
      ...fields,
      status: 'ok',
      cause: undefined,
      message: doctorMsg('check.proxy.notServed', { module: ctx.canary.path, status: r.status }),
    };
  }
  return {
    ...base,
    ...fields,
    status: 'fail',
    message: r.message ?? doctorMsg('check.proxy.requestFailed', { cause: r.cause ?? 'unknown' }),
    fix: proxyFixes(r, entries, i, ctx.platform, ctx.loaded.model),
  };
}

/**
 * With two or more failing entries, per-entry GOPROXY rewrites contradict each other (one drops an entry another
 * keeps): replace them with one recommended list that keeps the entries that answered, in order.
 */
export function combineProxyFixes(results: CheckResult[], entries: ProxyEntry[], model: ConfigModel): CheckResult[] {
  const proxyResults = results.filter((r) => r.group === 'proxy' && /^proxy\.\d+$/.test(r.id));
  const failed = new Set(
    proxyResults.filter((r) => r.status === 'fail').map((r) => Number(r.id.slice('proxy.'.length))),
  );
  if (failed.size < 2) return results;
  const kept = entries.filter((e, i) => e.kind !== 'noproxy' && !failed.has(i));
  const anyAnswered = kept.some((e) => e.kind === 'url');
  const list = anyAnswered ? formatGoproxy(kept) : 'https://goproxy.cn|https://proxy.golang.org,direct';
  const secret = /:\/\/[^/@]*:[^/@]*@/.test(list);
  const summary: CheckResult = {
    id: 'proxy.recommended',
    group: 'proxy',
    title: doctorMsg('check.proxy.recommendedTitle'),
    status: 'warn',
    message: anyAnswered
      ? doctorMsg('check.proxy.keepAnswered', { count: failed.size })
      : doctorMsg('check.proxy.noneAnswered', { count: failed.size, command: code('gomodctl init') }),
    fix: [
      secret
        ? commentFix(
            'remove the failing entries from GOPROXY (the list holds a password, so it is not printed)',
            'GOPROXY',
          )
        : setFix(model, 'GOPROXY', list, anyAnswered ? 'only the entries that answered' : 'public mirrors'),
    ],
  };
  const out = results.map((r) =>
    proxyResults.includes(r) && r.fix ? { ...r, fix: r.fix.filter((f) => fixVariable(f) !== 'GOPROXY') } : r,
  );
  const last = out.map((r) => r.group).lastIndexOf('proxy');
  out.splice(last + 1, 0, summary);
  return out;
}

/** One validator per GOPROXY URL entry; `direct`/`off` are described by the config and route, not probed. */
export function proxyChecks(entries: ProxyEntry[]): Array<DoctorCheck<DoctorContext>> {
  return entries.flatMap((e, i) =>
    e.kind === 'url'
      ? [
          {
            id: `proxy.${i}`,
            group: 'proxy',
            title: redactUrl(e.url),
            run: (ctx: DoctorContext) => checkEntry(ctx, entries, i),
          },
        ]
      : [],
  );
}
