import type { CheckResult } from '../check.js';
import type { ProxyEntry } from '../../goproxy.js';
import type { DoctorCheck } from '../check.js';
import { escapePath } from '../../escape.js';
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
