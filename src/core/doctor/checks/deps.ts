// --deps: probe `.info` for every go.mod requirement through the proxies (bounded concurrency);
// a path matching GONOPROXY/GOPRIVATE is never sent to a proxy.
import type { CheckResult } from '../check.js';
import type { ProxyEntry } from '../../goproxy.js';
import type { DoctorCheck } from '../check.js';
import { doctorMsg } from '../../i18n/messages/doctor.js';
import type { Text } from '../../i18n/message.js';
import { getVar } from '../../config-model.js';
import { matchPrefixPatterns } from '../../patterns.js';
import { escapeVersion } from '../../escape.js';
import { commandFix, setFix } from '../../fix/fix.js';
import { fixMsg } from '../../i18n/messages/fix.js';

import { modulePathHost } from '../../hosts.js';
import { isPublicModulePath, isPublicProxyUrl } from '../../public-hosts.js';
import { redactUrl } from '../../redact.js';
import type { DoctorContext } from './context.js';
import { proxyUrl } from './proxies.js';

/** GOPRIVATE extended with the host of a module (existing patterns kept). */
function privateSuggestion(current: string, path: string): string {
  const host = modulePathHost(path);
  return current ? `${current},${host}` : host;
}

const CONCURRENCY = 8;

/** Runs `fn` over items with at most `limit` in flight, keeping order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Walks the proxy list as Go's TryProxies does for one requirement; returns null when served, else why not. */
async function served(ctx: DoctorContext, entries: ProxyEntry[], path: string, version: string): Promise<Text | null> {
  let last: Text = doctorMsg('check.deps.noProxy');
  for (const e of entries) {
    if (e.kind === 'noproxy') continue;
    if (e.kind !== 'url') return e.kind === 'direct' ? null : last; // direct: Go would try the VCS (not probed)
    // An unlisted private-looking path is never sent to a public proxy by our probes (it cannot serve it anyway).
    if (!isPublicModulePath(path) && isPublicProxyUrl(e.url)) {
      last = doctorMsg('check.deps.notSent', { proxy: redactUrl(e.url) });
      continue;
    }
    const r = await ctx.probe(proxyUrl(e.url, path, `${escapeVersion(version)}.info`));
    if (r.ok) return null;
    const why = r.status !== undefined ? `${r.status}` : (r.message ?? r.cause ?? 'error');
    last = why;
    if (!(r.status === 404 || r.status === 410 || e.fallBackOnError)) return why;
  }
  return last;
}

async function run(ctx: DoctorContext): Promise<CheckResult> {
  const base = { id: 'deps', group: 'deps', title: doctorMsg('check.deps.title') };
  const mod = ctx.loaded.goMod;
  if (!mod) return { ...base, status: 'skip', message: doctorMsg('check.deps.noGoMod') };
  const noproxy = getVar(ctx.loaded.model, 'GONOPROXY');
  const reqs = mod.require.filter((r) => !matchPrefixPatterns(noproxy, r.path));
  const skipped = mod.require.length - reqs.length;
  const entries = ctx.loaded.proxies;
  const results = await mapLimit(reqs, CONCURRENCY, async (r) => ({
    r,
    why: await served(ctx, entries, r.path, r.version),
  }));
  const missing = results.filter((x) => x.why !== null);
  const note = skipped ? doctorMsg('check.deps.privateNote', { count: skipped }) : '';
  if (missing.length === 0)
    return { ...base, status: 'ok', message: doctorMsg('check.deps.allServed', { count: reqs.length, note }) };
  return {
    ...base,
    status: 'fail',
    message: doctorMsg('check.deps.missing', { missing: missing.length, total: reqs.length, note }),
    details: missing.map((x) => doctorMsg('check.deps.detail', { module: `${x.r.path}@${x.r.version}`, why: x.why! })),
    fix: [
      setFix(
        ctx.loaded.model,
        'GOPRIVATE',
        privateSuggestion(getVar(ctx.loaded.model, 'GOPRIVATE'), missing[0]!.r.path),
        fixMsg('fix.note.depsPrivate'),
      ),
      commandFix(
        ['gomodctl', 'doctor', '--module', `${missing[0]!.r.path}@${missing[0]!.r.version}`],
        fixMsg('fix.note.depsPublic'),
      ),
    ],
  };
}

/** The --deps validator. */
export const depsCheck: DoctorCheck<DoctorContext> = {
  id: 'deps',
  group: 'deps',
  title: doctorMsg('check.deps.title'),
  run,
};
