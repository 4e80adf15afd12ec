// A go.mod the module cache lacks, fetched along the module's route as Go would (proxy entries in TryProxies order);
// the needs prediction walks the graph with it. A private-looking path is never sent to a public proxy, and a
// direct-only module cannot be read without cloning: both are reported as unreadable instead.
import type { ConfigModel } from '../config-types.js';
import { isPublicProxyUrl } from '../public-hosts.js';
import { resolveRoute } from '../route.js';
import { answerKind, failureWords } from './answers.js';
import { isPrivateLooking, needUrl, type Asker } from './walk.js';

/** Fetches path@version's go.mod text through the route's proxies with the run's Asker (body read). */
export async function fetchModViaRoute(model: ConfigModel, path: string, version: string, ask: Asker): Promise<string> {
  const route = resolveRoute(model, path, version);
  const priv = isPrivateLooking(model, path);
  let why = 'no GOPROXY entry serves it';
  for (const step of route.steps) {
    if (step.kind !== 'proxy') {
      if (step.kind === 'direct' || step.kind === 'vcs' || step.kind === 'off') break;
      continue;
    }
    if (priv && isPublicProxyUrl(step.url!)) continue;
    const url = needUrl(step.url!, { module: path, version, what: 'mod', why: 'require', certainty: 'sure' });
    const r = await ask.get(step.url!.replace(/\/+$/, ''), url, true);
    const kind = answerKind(r);
    if (kind === 'ok' && r.body !== undefined && !r.truncated && /^\s*module\s/m.test(r.body)) return r.body;
    why = String(failureWords(r));
    if (!(step.fallThrough === 'on-any-error' || (step.fallThrough === 'on-404-410' && kind === 'not-found'))) break;
  }
  throw new Error(`${path}@${version}: go.mod not readable through GOPROXY (${why})`);
}
