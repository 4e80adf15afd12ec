// The modules check-proxy downloads: public canaries by default (one with upper case in its path, one
// +incompatible), or --module path@version. Our own probes never send a private path where it would leak.
import type { Message } from '../i18n/message.js';
import { checkProxyMsg } from '../i18n/messages/check-proxy.js';
import { UsageError } from '../errors.js';
import { checkModuleVersion } from '../modzip/check-zip.js';
import { matchingPattern } from '../patterns.js';
import { isPublicModulePath, isPublicProxyUrl } from '../public-hosts.js';
import { canonicalModuleVersion } from '../semver.js';
import type { Canary } from './types.js';

/** Small, long-lived public modules: a plain one, one with upper case (escaped "!b"), one +incompatible. */
export const DEFAULT_CANARIES: readonly Canary[] = [
  { path: 'rsc.io/quote', version: 'v1.5.2', source: 'default' },
  { path: 'github.com/BurntSushi/toml', version: 'v1.3.2', source: 'default' },
  { path: 'github.com/dgrijalva/jwt-go', version: 'v3.2.0+incompatible', source: 'default' },
];

/** A path under the first canary that no proxy can serve (a nested directory that is no module). */
export function missingModulePath(first: Canary): string {
  return `${first.path}/gomodctl-check-proxy-missing`;
}

/** A valid version of the first canary that does not exist (a pre-release no one tags). */
export const MISSING_VERSION = 'v0.0.1-gomodctl.check.missing';

/** A checksum-database name no proxy serves, to test that /supported is not answered blindly. */
export const UNKNOWN_SUMDB = 'sum.gomodctl-check-proxy.invalid';

/** Parses one --module value: path@version with a canonical version that fits the path (module.Check). */
export function parseCanary(value: string): Canary {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) {
    throw new UsageError(checkProxyMsg('module.shape', { value }));
  }
  const path = value.slice(0, at);
  const version = value.slice(at + 1);
  const err = checkModuleVersion(path, version);
  if (err) throw new UsageError(checkProxyMsg('module.invalid', { value, error: err }));
  const canonical = canonicalModuleVersion(version);
  if (canonical !== version) {
    throw new UsageError(checkProxyMsg('module.notCanonical', { value, fixed: `${path}@${canonical}` }));
  }
  return { path, version, source: '--module' };
}

/** The privacy settings that decide where a canary may be sent (effective values, defaults applied). */
interface PrivacySettings {
  GOPRIVATE: string;
  GONOPROXY: string;
  GONOSUMDB: string;
}

/** Refuses canaries Go would never send to a proxy, or that look private and would reach a public proxy. */
export function verifyCanaryPrivacy(canaries: Canary[], proxyUrl: string, s: PrivacySettings): void {
  for (const c of canaries) {
    const pattern = matchingPattern(s.GONOPROXY, c.path);
    if (pattern !== null) {
      throw new UsageError(
        checkProxyMsg('module.private', { path: c.path, pattern }),
        checkProxyMsg('module.privateHint'),
      );
    }
    if (!isPublicModulePath(c.path) && isPublicProxyUrl(proxyUrl)) {
      throw new UsageError(
        checkProxyMsg('module.leak', { path: c.path, proxy: proxyUrl }),
        checkProxyMsg('module.leakHint'),
      );
    }
  }
}

/** Why a canary is not looked up in the checksum database `name`, or null when it may be. */
export function sumdbSkipReason(c: Canary, name: string, s: PrivacySettings): Message | null {
  const pattern = matchingPattern(s.GONOSUMDB, c.path);
  if (pattern !== null) return checkProxyMsg('sumdb.skipPrivate', { path: c.path, pattern });
  if (name === 'sum.golang.org' && !isPublicModulePath(c.path)) {
    return checkProxyMsg('sumdb.skipUnknownHost', { path: c.path, name });
  }
  return null;
}
