// A real Go module proxy (GOPROXY protocol) on 127.0.0.1 with faults chosen by path prefix, for end-to-end tests.
//
// API
//   const p = await startFaultProxy(opts?)   // http://127.0.0.1:PORT (or https with opts.tls)
//   p.url                 base URL, no trailing slash; serves the plain proxy (GOPROXY=p.url)
//   p.base(mode?)         URL of a fault prefix; modes can be chained: base('auth/stall-zip')
//       blackhole         reads the request, never answers (until close())
//       stall-headers     sends 200 + headers, then never sends the body
//       drip              answers normally but one body byte every opts.dripMs (default 500 ms)
//       reset             destroys the socket on the request
//       status/NNN        answers NNN text/plain (404, 410, 500, 401, 403, 407, …)
//       notgo             200 text/html that is not a Go proxy answer
//       stall-zip         serves list/info/mod, never answers .zip
//       auth              requires Basic auth opts.auth (default gopher:secret), else 401
//       slow/MS           waits MS milliseconds, then answers normally
//       sumdb-blackhole, sumdb-reset, sumdb-status/NNN   fault only the <prefix>/sumdb/… requests
//       no-sumdb          <prefix>/sumdb/<name>/supported → 404 (Go then goes to the db directly)
//       stall-zip-end     sends the whole .zip under a Content-Length one byte longer, then nothing (never ends)
//       corrupt-zip       serves .zip files with one extra file, so h1 ≠ go.sum/sumdb (SECURITY ERROR in go)
//   p.log / p.clearLog()  every request: {method, url, mode, kind, module?, version?, time, headers (RAW: may hold
//                         credentials — assert on them, never print them)}
//   p.modules             served modules with their go.sum hashes (h1, goModH1)
//   p.caFile              with opts.tls: PEM of the test CA, for SSL_CERT_FILE
//   p.sumdb               checksum database: {name, verifierKey, url(mode?), gosumdb(mode?)} — see sumdb-server.ts
//   p.close()             closes the server and destroys every open socket (blackholed ones included)
//   refusedUrl()          http://127.0.0.1:PORT with nothing listening (connection refused)
// Modules: the committed fixtures (test/fixtures/modules) plus opts.modules; opts.fixtures=false serves only the latter.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Socket, type AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModule, loadFixtureModules, type ModuleSource, type ServedModule } from './proxy/modules.js';
import { parseModes, isValidModePrefix, modeArg } from './proxy/modes.js';
import { applyFault, drip, later, send, type FaultCtx } from './proxy/faults.js';
import { answerModuleRequest, classify, indexModules, type ProxyAnswer, type RequestKind } from './proxy/serve.js';
import { createSumdb, type Sumdb } from './sumdb-server.js';

export { makeModuleGraph, escapeModulePath, type ModuleSource, type ServedModule } from './proxy/modules.js';

/** Directory of the committed test TLS material. */
export const TLS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tls');

/** Options of startFaultProxy. */
export interface FaultProxyOptions {
  /** Serve HTTPS with a certificate from test/fixtures/tls signed by the test CA (caFile). */
  tls?: 'self-signed' | 'expired' | 'wrong-name';
  /** Credentials required under base('auth'); default gopher/secret. */
  auth?: { user: string; pass: string };
  /** Extra modules to serve (e.g. makeModuleGraph(100).modules). */
  modules?: ModuleSource[];
  /** Serve the committed fixture modules too (default true). */
  fixtures?: boolean;
  /** Delay between bytes in drip mode (default 500 ms). */
  dripMs?: number;
  /** Name of the checksum database (default sum.gomodctl.test). */
  sumdbName?: string;
}

/** One request seen by the proxy. */
export interface LogEntry {
  method: string;
  /** Path and query as received. */
  url: string;
  /** Fault prefix, e.g. "status/404", "" for the plain proxy. */
  mode: string;
  kind: RequestKind;
  module?: string;
  version?: string;
  /** Date.now() when the request arrived. */
  time: number;
  /** Raw request headers (authorization kept so secret tests can check it; never print them). */
  headers: Record<string, string | string[] | undefined>;
}

/** The checksum database served by a fault proxy. */
export interface FaultSumdb {
  name: string;
  /** Verifier key name+hash+keydata for GOSUMDB. */
  verifierKey: string;
  signerKey: string;
  /** Direct database URL under a fault prefix: <base(mode)>/sumdb/<name>. */
  url(mode?: string): string;
  /** GOSUMDB value "<verifierKey> <url(mode)>". */
  gosumdb(mode?: string): string;
}

/** A running fault proxy. */
export interface FaultProxy {
  url: string;
  base(mode?: string): string;
  log: LogEntry[];
  clearLog(): void;
  close(): Promise<void>;
  caFile?: string;
  modules: ServedModule[];
  sumdb: FaultSumdb;
}

const TLS_FILES = { 'self-signed': 'server', expired: 'expired', 'wrong-name': 'wrong-name' } as const;

interface Ctx extends FaultCtx {
  opts: FaultProxyOptions;
  index: ReturnType<typeof indexModules>;
  sumdb: Sumdb;
  log: LogEntry[];
}

function answer(ctx: Ctx, rest: string, modes: string[]): ProxyAnswer {
  if (!rest.startsWith('sumdb/')) return answerModuleRequest(ctx.index, rest, modes.includes('corrupt-zip'));
  const sub = rest.slice('sumdb/'.length);
  if (!sub.startsWith(ctx.sumdb.name + '/') || (modes.includes('no-sumdb') && sub.endsWith('/supported'))) {
    return {
      status: 404,
      type: 'text/plain; charset=utf-8',
      body: Buffer.from('no such checksum database\n'),
      kind: 'sumdb',
    };
  }
  return { ...ctx.sumdb.answer(sub.slice(ctx.sumdb.name.length + 1)), kind: 'sumdb' };
}

/** Percent-decodes a request path (Go escapes "!" as %21); malformed escapes are left as they are. */
function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

function handle(ctx: Ctx, req: IncomingMessage, res: ServerResponse): void {
  const rawUrl = req.url ?? '/';
  const { modes, rest } = parseModes(decodePath(new URL(rawUrl, 'http://x').pathname));
  const { kind, module, version } = classify(rest);
  ctx.log.push({
    method: req.method ?? 'GET',
    url: rawUrl,
    mode: modes.join('/'),
    kind,
    module,
    version,
    time: Date.now(),
    headers: { ...req.headers },
  });
  const go = (): void => {
    if (applyFault(ctx, req, res, modes, kind)) return;
    const a = answer(ctx, rest, modes);
    if (modes.includes('drip')) drip(ctx, res, a);
    else send(res, a.status, a.type, a.body);
  };
  const slow = modeArg(modes, 'slow');
  if (slow !== undefined) later(ctx, slow, () => !res.destroyed && go());
  else go();
}

function listen(server: Server, sockets: Set<Socket>): Promise<number> {
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('clientError', (_e, s) => s.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function makeServer(opts: FaultProxyOptions, handler: (req: IncomingMessage, res: ServerResponse) => void): Server {
  if (!opts.tls) return createHttpServer(handler);
  const f = TLS_FILES[opts.tls];
  const key = readFileSync(join(TLS_DIR, `${f}-key.pem`));
  const cert = readFileSync(join(TLS_DIR, `${f}.pem`));
  return createHttpsServer({ key, cert }, handler);
}

/** Starts a module proxy + checksum database on 127.0.0.1:0 serving the fixture modules, with path-prefix faults. */
export async function startFaultProxy(opts: FaultProxyOptions = {}): Promise<FaultProxy> {
  const sources = [...(opts.fixtures === false ? [] : loadFixtureModules()), ...(opts.modules ?? [])];
  const modules = sources.map(buildModule);
  const sumdb = createSumdb(modules, opts.sumdbName ?? 'sum.gomodctl.test');
  const ctx: Ctx = { opts, index: indexModules(modules), sumdb, log: [], timers: new Set() };
  const sockets = new Set<Socket>();
  const server = makeServer(opts, (req, res) => handle(ctx, req, res));
  const port = await listen(server, sockets);
  const url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const base = (mode?: string): string => {
    if (!mode) return url;
    if (!isValidModePrefix(mode))
      throw new Error(`fault proxy: unknown mode "${mode}" (e.g. "blackhole", "status/404")`);
    return `${url}/${mode}`;
  };
  const sumdbUrl = (mode?: string): string => `${base(mode)}/sumdb/${sumdb.name}`;
  return {
    url,
    base,
    log: ctx.log,
    clearLog: () => void ctx.log.splice(0),
    caFile: opts.tls ? join(TLS_DIR, 'ca.pem') : undefined,
    modules,
    sumdb: {
      name: sumdb.name,
      verifierKey: sumdb.verifierKey,
      signerKey: sumdb.signerKey,
      url: sumdbUrl,
      gosumdb: (mode?: string) => `${sumdb.verifierKey} ${sumdbUrl(mode)}`,
    },
    close: () => closeAll(server, sockets, ctx.timers),
  };
}

function closeAll(server: Server, sockets: Set<Socket>, timers: Set<NodeJS.Timeout>): Promise<void> {
  for (const t of timers) clearTimeout(t);
  timers.clear();
  return new Promise((resolve) => {
    server.close(() => resolve());
    for (const s of sockets) s.destroy();
  });
}

/** A URL whose port has nothing listening (bound, then released), for connection-refused cases. */
export async function refusedUrl(): Promise<string> {
  const srv = createNetServer();
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
