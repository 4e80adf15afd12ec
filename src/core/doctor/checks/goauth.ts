// The GOAUTH validator: asks the injected inspection to run GOAUTH for the https GOPROXY entries as Go would
// (bounded, at the edge: probes/goauth-run.ts inspectGoAuth), then turns what came out into findings (goauth-check.ts).
import type { DoctorCheck } from '../check.js';
import { goAuthFindings } from '../goauth-check.js';
import type { DoctorContext } from './context.js';

/** The https GOPROXY entries, as the URLs Go first sends credentials for. */
function httpsProxyUrls(ctx: DoctorContext): string[] {
  return ctx.loaded.proxies.flatMap((e) =>
    e.kind === 'url' && e.url.startsWith('https://') ? [`${e.url.replace(/\/+$/, '')}/`] : [],
  );
}

/** GOAUTH as the running Go uses it: fatal entries, helpers that are missing or fail, GOAUTH on Go < 1.24. */
export const goauthCheck: DoctorCheck<DoctorContext> = {
  id: 'config.goauth',
  group: 'config',
  title: 'GOAUTH',
  async run(ctx) {
    const v = ctx.loaded.model.vars.GOAUTH;
    const inspection = await ctx.inspectGoAuth(httpsProxyUrls(ctx));
    return goAuthFindings({
      goVersion: ctx.loaded.model.goVersion,
      goauth: v ? { value: v.value, source: v.source } : undefined,
      inspection,
    });
  },
};
