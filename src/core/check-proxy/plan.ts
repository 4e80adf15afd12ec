// The requests check-proxy sends, as data: which URL, how much of the body to keep. The GOPROXY protocol paths
// are Go's (cmd/go/internal/modfetch/proxy.go: "@v/list", "@latest", "@v/<v>.info|.mod|.zip", escaped paths).
import { code } from '../i18n/message.js';
import { checkProxyMsg } from '../i18n/messages/check-proxy.js';
import { UsageError } from '../errors.js';
import { escapePath, escapeVersion } from '../escape.js';
import type { SumdbConfig } from '../gosumdb.js';
import type { ProbeResult } from '../probe-types.js';
import { redactUrl } from '../redact.js';
import { MAX_GO_MOD, MAX_ZIP_FILE } from '../modzip/check-zip.js';
import { MISSING_VERSION, missingModulePath, UNKNOWN_SUMDB } from './canaries.js';
import type { Canary, SumdbUse } from './types.js';

/** One request to send. */
export interface PlannedRequest {
  key: string;
  url: string;
  /** Body bytes to keep (one more tells the body was longer). */
  read: number;
  binary?: boolean;
}

/** Body limits: Go's own for .zip (codehost.MaxZipFile) and go.mod (MaxGoMod); 64 KiB for the small answers. */
const SMALL = 64 * 1024;

/** "<base>/<escaped path>/" for a module. */
function moduleBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${escapePath(path)}/`;
}

/** The URL of one module file ("list", "latest", "info", "mod", "zip"). */
export function moduleUrl(base: string, path: string, file: string, version?: string): string {
  if (file === 'list') return `${moduleBase(base, path)}@v/list`;
  if (file === 'latest') return `${moduleBase(base, path)}@latest`;
  return `${moduleBase(base, path)}@v/${escapeVersion(version!)}.${file}`;
}

/** The URL Go would use if it did not escape upper case: how a proxy that mishandles "!" still answers. */
export function unescapedListUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}/@v/list`;
}

/** <base>/sumdb/<name>/supported (modfetch/sumdb.go initBase). */
function supportedUrl(base: string, name: string): string {
  return `${base.replace(/\/+$/, '')}/sumdb/${name}/supported`;
}

/** Every request of the first round: each canary's five files, the missing module and version, /supported. */
export function planProxyRequests(base: string, canaries: Canary[], sumdbName: string | null): PlannedRequest[] {
  const out: PlannedRequest[] = [];
  canaries.forEach((c, i) => {
    out.push({ key: `list:${i}`, url: moduleUrl(base, c.path, 'list'), read: SMALL });
    out.push({ key: `latest:${i}`, url: moduleUrl(base, c.path, 'latest'), read: SMALL });
    out.push({ key: `info:${i}`, url: moduleUrl(base, c.path, 'info', c.version), read: SMALL });
    out.push({ key: `mod:${i}`, url: moduleUrl(base, c.path, 'mod', c.version), read: MAX_GO_MOD + 1 });
    out.push({ key: `zip:${i}`, url: moduleUrl(base, c.path, 'zip', c.version), read: MAX_ZIP_FILE, binary: true });
  });
  const first = canaries[0]!;
  const missing = missingModulePath(first);
  out.push({ key: 'missing-list', url: moduleUrl(base, missing, 'list'), read: SMALL });
  out.push({ key: 'missing-info', url: moduleUrl(base, missing, 'info', 'v1.0.0'), read: SMALL });
  out.push({ key: 'missing-version-info', url: moduleUrl(base, first.path, 'info', MISSING_VERSION), read: SMALL });
  out.push({ key: 'missing-version-mod', url: moduleUrl(base, first.path, 'mod', MISSING_VERSION), read: SMALL });
  if (sumdbName !== null) out.push({ key: 'supported', url: supportedUrl(base, sumdbName), read: SMALL });
  out.push({ key: 'supported-unknown', url: supportedUrl(base, UNKNOWN_SUMDB), read: SMALL });
  return out;
}

/** Validates the proxy URL: one absolute http(s) URL, as a GOPROXY entry (no list, no "direct"/"off"). */
export function verifyProxyUrl(url: string): URL {
  const example = code('gomodctl check-proxy https://goproxy.corp.example.com');
  const shown = redactUrl(url);
  if (/[,|]/.test(url)) throw new UsageError(checkProxyMsg('url.list', { url: shown, example }));
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(checkProxyMsg('url.notAbsolute', { url: shown, example }));
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new UsageError(checkProxyMsg('url.notHttp', { url: shown, example }));
  if (u.search || u.hash) throw new UsageError(checkProxyMsg('url.query', { url: shown }));
  return u;
}

/**
 * Where the checksum database is read, as modfetch/sumdb.go initBase decides from <proxy>/sumdb/<name>/supported:
 * through the proxy on 200, directly on 404/410 (`read`: the unredacted base; absent when nothing can be read).
 */
export function sumdbRoute(
  db: Extract<SumdbConfig, { kind: 'db' }> | null,
  base: string,
  supported?: ProbeResult,
): { use: SumdbUse; read?: string } {
  if (!db) return { use: { name: 'off', via: 'off' } };
  const proxied = `${base}/sumdb/${db.name}`;
  if (supported?.status === 200)
    return { use: { name: db.name, via: 'proxy', base: redactUrl(proxied) }, read: proxied };
  if (supported?.status === 404 || supported?.status === 410) {
    const direct = (db.url ?? `https://${db.name}`).replace(/\/+$/, '');
    return { use: { name: db.name, via: 'direct', base: redactUrl(direct) }, read: direct };
  }
  return { use: { name: db.name, via: 'proxy', base: redactUrl(proxied) } };
}
