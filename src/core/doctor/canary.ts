// Which module the doctor asks proxies and the checksum database about, without leaking a private path.
import { getVar } from '../config-model.js';
import type { LoadedConfig } from '../loaded-config.js';
import { matchPrefixPatterns } from '../patterns.js';
import { isPublicModulePath } from '../public-hosts.js';
import type { Canary } from './checks/context.js';

const DEFAULT_CANARY = { path: 'golang.org/x/text', version: 'v0.14.0' };

/** Picks the canary: --module, else the first public requirement of go.mod, else a well-known public module. */
export function chooseCanary(loaded: LoadedConfig, explicit: string | undefined): Canary {
  const m = loaded.model;
  const isPrivate = (p: string) =>
    matchPrefixPatterns(getVar(m, 'GONOPROXY'), p) || matchPrefixPatterns(getVar(m, 'GONOSUMDB'), p);
  if (explicit) {
    const [path, version] = explicit.split('@') as [string, string | undefined];
    if (!isPrivate(path)) return { path, ...(version ? { version } : {}), source: '--module' };
  }
  // Only a requirement on a known public host: before GOPRIVATE is set up, an unlisted private path must not be
  // sent to public proxies or sum.golang.org by our own probes.
  const req = loaded.goMod?.require.find(
    (r) => !isPrivate(r.path) && isPublicModulePath(r.path) && !r.version.includes('+incompatible'),
  );
  if (req) return { path: req.path, version: req.version, source: 'go.mod' };
  return { ...DEFAULT_CANARY, source: 'default' };
}
