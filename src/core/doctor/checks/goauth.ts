// The GOAUTH validator: asks the injected inspection to run GOAUTH for the https GOPROXY entries as Go would
// (bounded, at the edge: probes/goauth-run.ts inspectGoAuth), then turns what came out into findings (goauth-check.ts).
import type { DoctorCheck } from '../check.js';
import { hasGoAuth } from '../../goauth.js';
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
    const goVersion = ctx.loaded.model.goVersion;
    // Before Go 1.24 `go env -json` reports GOAUTH as "" (a name it does not know): what the user set is our reading.
    const value = v && !hasGoAuth(goVersion) ? (v.computed ?? v.value) : v?.value;
    const inspection = await ctx.inspectGoAuth(httpsProxyUrls(ctx));
    return goAuthFindings({
      goVersion,
      goauth: v && value !== undefined ? { value, source: v.source } : undefined,
      inspection,
    });
  },
};
