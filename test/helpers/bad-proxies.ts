// Module proxies on 127.0.0.1 that break the GOPROXY protocol in ONE way each, for check-proxy's tests: the
// non-conformances of issue 11. They serve the fixture modules with the same protocol code and checksum database
// as the fault proxy (proxy/serve.ts, sumdb-server.ts), then bend one thing.
//
//   const p = await startBadProxy('missing-400')   // or any BadProxyKind, or 'conformant'
//   p.url, p.caFile (https ones: SSL_CERT_FILE), p.sumdb.verifierKey (GOSUMDB), p.log, p.close()
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TLS_DIR } from './fault-proxy.js';
import { buildModule, escapeModulePath, loadFixtureModules, type ModuleSource } from './proxy/modules.js';
import { answerModuleRequest, indexModules, type ProxyAnswer } from './proxy/serve.js';
import { buildZip } from './proxy/zip.js';
import { createSumdb } from './sumdb-server.js';

/** How a bad proxy departs from the protocol. */
export type BadProxyKind =
  | 'conformant'
  | 'missing-400' // 400 instead of 404/410 for modules and versions it does not have
  | 'html-200' // a 200 HTML page instead of 404 for modules and versions it does not have
  | 'blind-supported' // /sumdb/<any name>/supported answers 200
  | 'broken-escaping' // looks paths up literally: "!x" is not decoded (upper case only works unescaped)
  | 'zip-prefix' // zips whose entries lack the "<module>@<version>/" prefix
  | 'tampered-zip' // zips with an extra file: the h1 hash differs from the checksum database
  | 'http-auth' // plain http that requires basic auth (gopher:secret)
  | 'missing-intermediate'; // https whose certificate chain lacks the intermediate CA

/** A running bad proxy. */
export interface BadProxy {
  kind: BadProxyKind;
  url: string;
  /** PEM of the CA that signs the server certificate (for SSL_CERT_FILE); undefined over http. */
  caFile?: string;
  sumdb: { name: string; verifierKey: string };
  log: { method: string; url: string }[];
  close(): Promise<void>;
}

/** An upper-case module and a +incompatible one, the canaries check-proxy needs besides the fixtures. */
export const EXTRA_MODULES: ModuleSource[] = [
  {
    path: 'example.com/incompat',
    version: 'v2.0.0+incompatible',
    files: { 'lib.go': 'package incompat\n\n// V is the version.\nconst V = 2\n' },
  },
];

/** The --module arguments that exercise every canary kind against these proxies. */
export const CANARY_ARGS = [
  '--module',
  'example.com/hello@v1.0.0',
  '--module',
  'example.com/Upper/mod@v1.0.0',
  '--module',
  'example.com/incompat@v2.0.0+incompatible',
];

/** Options of startBadProxy. */
export interface BadProxyOptions {
  /** More modules to serve (and record in the checksum database). */
  modules?: ModuleSource[];
  /** Zip bytes to serve instead of the built zip, by "path@version" (the database keeps the true hashes). */
  zips?: Record<string, Buffer>;
}

const TEXT = 'text/plain; charset=utf-8';
const text = (status: number, body: string): ProxyAnswer => ({
  status,
  type: TEXT,
  body: Buffer.from(body),
  kind: 'other',
});

function tlsOptions(kind: BadProxyKind): { key: Buffer; cert: Buffer } | null {
  if (kind === 'http-auth') return null;
  const [key, cert] = kind === 'missing-intermediate' ? ['leaf-int-key', 'leaf-int'] : ['server-key', 'server'];
  return { key: readFileSync(join(TLS_DIR, `${key}.pem`)), cert: readFileSync(join(TLS_DIR, `${cert}.pem`)) };
}

/** Starts a proxy of the given kind on 127.0.0.1:0 (https with the test CA, except 'http-auth'). */
export async function startBadProxy(kind: BadProxyKind, opts: BadProxyOptions = {}): Promise<BadProxy> {
  const sources = [...loadFixtureModules(), ...EXTRA_MODULES, ...(opts.modules ?? [])];
  const modules = sources.map(buildModule);
  const index = indexModules(modules);
  const sumdb = createSumdb(modules, 'sum.gomodctl.test');
  const log: BadProxy['log'] = [];
  const answer = (rest: string): ProxyAnswer => {
    if (rest.startsWith('sumdb/')) {
      const sub = rest.slice('sumdb/'.length);
      if (sub.startsWith(sumdb.name + '/')) return { ...sumdb.answer(sub.slice(sumdb.name.length + 1)), kind: 'sumdb' };
      return kind === 'blind-supported' && sub.endsWith('/supported') ? text(200, '') : text(404, 'no such database\n');
    }
    if (kind === 'broken-escaping')
      return rest.includes('!')
        ? text(404, `not found: ${rest}\n`)
        : answerModuleRequest(index, escapeModulePath(rest));
    const a = answerModuleRequest(index, rest, kind === 'tampered-zip');
    const zip = a.kind === 'zip' && a.status === 200 ? opts.zips?.[`${a.module}@${a.version}`] : undefined;
    if (zip) return { ...a, body: zip };
    if (a.status === 404 && kind === 'missing-400') return text(400, 'bad request\n');
    if (a.status === 404 && kind === 'html-200')
      return {
        ...a,
        status: 200,
        type: 'text/html; charset=utf-8',
        body: Buffer.from('<!DOCTYPE html><html><body><h1>Not found</h1></body></html>\n'),
      };
    if (a.kind === 'zip' && a.status === 200 && kind === 'zip-prefix')
      return { ...a, body: unprefixedZip(a.module!, a.version!) };
    return a;
  };
  const unprefixedZip = (path: string, version: string): Buffer => {
    const src = sources.find((s) => s.path === path && s.version === version)!;
    const files = Object.entries(src.files).map(([name, data]) => ({
      name: `${version}/${name}`,
      data: Buffer.from(data),
    }));
    return buildZip(files);
  };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    log.push({ method: req.method ?? 'GET', url: req.url ?? '/' });
    if (
      kind === 'http-auth' &&
      req.headers.authorization !== 'Basic ' + Buffer.from('gopher:secret').toString('base64')
    ) {
      res.writeHead(401, { 'Content-Type': TEXT, 'WWW-Authenticate': 'Basic realm="bad proxy"' });
      return void res.end('authentication required\n');
    }
    const a = answer(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, ''));
    res.writeHead(a.status, { 'Content-Type': a.type, 'Content-Length': String(a.body.length) });
    res.end(a.body);
  };
  const tls = tlsOptions(kind);
  const server: Server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  return {
    kind,
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    ...(tls ? { caFile: join(TLS_DIR, 'ca.pem') } : {}),
    sumdb: { name: sumdb.name, verifierKey: sumdb.verifierKey },
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
