// The built-in catalog of public Go module mirrors the wizard probes, with why each one is here.
import { UsageError } from '../errors.js';

/** A module proxy the wizard can probe and offer. */
export interface Mirror {
  /** Short id shown in tables, e.g. "goproxy.cn". */
  id: string;
  /** Base URL as it would be written into GOPROXY. */
  url: string;
  /** One line: who runs it and why it is in the catalog. */
  note: string;
}

/**
 * Built-in catalog. Each entry is a public, long-running GOPROXY-protocol server (go help goproxy)
 * run by an organisation with its own CDN; the wizard probes them and never assumes they work.
 */
export const MIRROR_CATALOG: readonly Mirror[] = [
  // Go's default ($GOROOT/go.env ships GOPROXY=https://proxy.golang.org,direct); also proxies sum.golang.org.
  { id: 'proxy.golang.org', url: 'https://proxy.golang.org', note: 'Google, the default; blocked in mainland China' },
  // Run by Qiniu Cloud, the oldest mirror inside China; proxies sum.golang.org under /sumdb/ (sumdb.go initBase).
  { id: 'goproxy.cn', url: 'https://goproxy.cn', note: 'Qiniu Cloud, China; proxies the checksum database' },
  // Community mirror with CDN nodes in and outside China; proxies sum.golang.org too.
  { id: 'goproxy.io', url: 'https://goproxy.io', note: 'goproxy.io community CDN, China and global' },
  // Alibaba Cloud's mirror site; common on Alibaba Cloud machines, where it is on the internal network.
  { id: 'aliyun', url: 'https://mirrors.aliyun.com/goproxy', note: 'Alibaba Cloud mirror, China' },
  // Tencent Cloud's mirror site; on the internal network of Tencent Cloud machines.
  { id: 'tencent', url: 'https://mirrors.tencent.com/go', note: 'Tencent Cloud mirror, China' },
];

/** Default module whose `@v/list` is used as a canary: small, stable, mirrored everywhere. */
const CANARY_MODULE = 'golang.org/x/text';

/** Default URL probed to decide whether `direct` (fetching from origin over HTTPS) works. */
export const DIRECT_PROBE_URL = 'https://github.com/';

/**
 * Parses a mirror list override ("url,url" or "id=url,id=url"), e.g. from $GOMODCTL_MIRRORS, so tests
 * and air-gapped sites probe their own servers instead of the public catalog.
 */
export function parseMirrorList(text: string, origin = 'GOMODCTL_MIRRORS'): Mirror[] {
  const mirrors: Mirror[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    const id = eq > 0 && !item.slice(0, eq).includes('/') ? item.slice(0, eq) : '';
    const url = (id ? item.slice(eq + 1) : item).replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]/.test(url)) {
      throw new UsageError(
        `${origin} entry "${item}" is not an http(s) URL; list mirrors like "https://goproxy.cn,local=http://127.0.0.1:8080".`,
      );
    }
    mirrors.push({ id: id || url.replace(/^https?:\/\//, ''), url, note: `from ${origin}` });
  }
  return mirrors;
}

/** Picks the catalog: the override when given (non-empty), else the built-in one. */
export function selectCatalog(override: string | undefined): Mirror[] {
  return override?.trim() ? parseMirrorList(override) : [...MIRROR_CATALOG];
}

/**
 * URL of the canary `@v/list` request for a mirror (module path has no upper case, so no escaping: module.EscapePath).
 */
export function canaryUrl(mirrorUrl: string, module = CANARY_MODULE): string {
  return `${mirrorUrl.replace(/\/+$/, '')}/${module}/@v/list`;
}

/** URL asking a mirror whether it proxies the checksum database (modfetch/sumdb.go initBase). */
export function sumdbSupportedUrl(mirrorUrl: string, sumdbName = 'sum.golang.org'): string {
  return `${mirrorUrl.replace(/\/+$/, '')}/sumdb/${sumdbName}/supported`;
}
