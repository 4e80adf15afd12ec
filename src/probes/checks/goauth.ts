// The GOAUTH doctor check: runs GOAUTH for the https GOPROXY entries as Go would (bounded), then the pure findings.
import type { DoctorCheck } from '../../core/doctor/check.js';
import { goAuthFindings } from '../../core/doctor/goauth-check.js';
import type { NetrcEntry } from '../../core/types.js';
import { inspectGoAuth } from '../goauth-run.js';
import type { DoctorContext } from './context.js';
import { proxyEntries } from './proxies.js';

/** The check, given the .netrc entries the doctor read. */
export function goauthCheck(netrc: NetrcEntry[]): DoctorCheck<DoctorContext> {
  return {
    id: 'config.goauth',
    group: 'config',
    title: 'GOAUTH',
    run: async (ctx) => {
      const v = ctx.loaded.model.vars.GOAUTH;
      const goVersion = ctx.loaded.model.goVersion;
      const urls = proxyEntries(ctx).flatMap((e) =>
        e.kind === 'url' && e.url.startsWith('https://') ? [`${e.url.replace(/\/+$/, '')}/`] : [],
      );
      const goauth = v && v.source !== 'default' ? v.value : undefined;
      const inspection = await inspectGoAuth({
        goauth,
        goVersion,
        env: ctx.env,
        netrc,
        timeoutMs: ctx.timeoutMs,
        platform: ctx.platform,
        urls,
      });
      return goAuthFindings({ goVersion, goauth: v ? { value: v.value, source: v.source } : undefined, inspection });
    },
  };
}
