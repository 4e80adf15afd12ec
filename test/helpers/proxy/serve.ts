// The GOPROXY protocol over an in-memory module index (go help goproxy; go.dev/ref/mod "GOPROXY protocol").
import { unescapeModulePath, type ServedModule } from './modules.js';

/** What kind of proxy request a path is. */
export type RequestKind = 'list' | 'info' | 'mod' | 'zip' | 'latest' | 'sumdb' | 'other';

/** A response to send (status, content type, body) plus what was asked. */
export interface ProxyAnswer {
  status: number;
  type: string;
  body: Buffer;
  kind: RequestKind;
  module?: string;
  version?: string;
}

/** Modules by path, each with its versions. */
export type ModuleIndex = Map<string, Map<string, ServedModule>>;

/** Indexes modules by path and version. */
export function indexModules(mods: ServedModule[]): ModuleIndex {
  const idx: ModuleIndex = new Map();
  for (const m of mods) {
    if (!idx.has(m.path)) idx.set(m.path, new Map());
    idx.get(m.path)!.set(m.version, m);
  }
  return idx;
}

/** Compares two release versions vX.Y.Z (pre-release suffixes sort before the release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string): [number[], string] => {
    const [core = '', pre = ''] = v.replace(/^v/, '').split(/-(.*)/s);
    return [core.split('.').map((n) => Number(n) || 0), pre];
  };
  const [ac, ap] = parse(a);
  const [bc, bp] = parse(b);
  for (let i = 0; i < 3; i++) if ((ac[i] ?? 0) !== (bc[i] ?? 0)) return (ac[i] ?? 0) - (bc[i] ?? 0);
  if (ap === bp) return 0;
  if (ap === '') return 1;
  if (bp === '') return -1;
  return ap < bp ? -1 : 1;
}

const TEXT = 'text/plain; charset=utf-8';

function notFound(kind: RequestKind, what: string, module?: string, version?: string): ProxyAnswer {
  return { status: 404, type: TEXT, body: Buffer.from(`not found: ${what}\n`), kind, module, version };
}

/** Splits a request path (after any fault prefix) into kind, module and version. */
export function classify(rest: string): { kind: RequestKind; module?: string; version?: string } {
  if (rest.startsWith('sumdb/')) return { kind: 'sumdb' };
  if (rest.endsWith('/@latest')) {
    const module = unescapeModulePath(rest.slice(0, -'/@latest'.length));
    return module === null ? { kind: 'other' } : { kind: 'latest', module };
  }
  const at = rest.lastIndexOf('/@v/');
  if (at < 0) return { kind: 'other' };
  const module = unescapeModulePath(rest.slice(0, at));
  const file = rest.slice(at + 4);
  if (module === null) return { kind: 'other' };
  if (file === 'list') return { kind: 'list', module };
  const m = /^(.+)\.(info|mod|zip)$/.exec(file);
  const version = m ? unescapeModulePath(m[1]!) : null;
  if (!m || version === null) return { kind: 'other', module };
  return { kind: m[2] as RequestKind, module, version };
}

/** Answers one module request from the index: list, .info, .mod, .zip, @latest; 404 otherwise. */
export function answerModuleRequest(idx: ModuleIndex, rest: string, corruptZip = false): ProxyAnswer {
  const { kind, module, version } = classify(rest);
  const versions = module === undefined ? undefined : idx.get(module);
  if (!versions || module === undefined) return notFound(kind, rest, module, version);
  const sorted = [...versions.keys()].sort(compareVersions);
  if (kind === 'list')
    return { status: 200, type: TEXT, body: Buffer.from(sorted.map((v) => v + '\n').join('')), kind, module };
  if (kind === 'latest') {
    const latest = versions.get(sorted[sorted.length - 1]!)!;
    return {
      status: 200,
      type: 'application/json',
      body: Buffer.from(latest.info),
      kind,
      module,
      version: latest.version,
    };
  }
  const m = version === undefined ? undefined : versions.get(version);
  if (!m) return notFound(kind, rest, module, version);
  if (kind === 'info')
    return { status: 200, type: 'application/json', body: Buffer.from(m.info), kind, module, version };
  if (kind === 'mod') return { status: 200, type: TEXT, body: m.mod, kind, module, version };
  if (kind === 'zip')
    return { status: 200, type: 'application/zip', body: corruptZip ? m.corruptZip() : m.zip, kind, module, version };
  return notFound(kind, rest, module, version);
}
