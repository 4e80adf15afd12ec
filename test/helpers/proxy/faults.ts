// Fault behaviours of the fault proxy, applied before (or instead of) the normal answer.
// Modes added for the tidy captures (issue 12), on top of those listed in fault-proxy.ts:
//   rst                 resets the TCP connection (RST) on the request: go sees "connection reset by peer"
//   gateway/NNN         answers NNN to module requests (not sumdb) with the body of a filtering gateway:
//                       "This module version is not available."
//   fail-first/N        the first N requests under this prefix answer 500, later ones are served (for retries)
//   stall-zip-body/N    serves list/info/mod; answers .zip 200 with its full Content-Length, sends N body bytes,
//                       then nothing more (a download that starts and then stops)
//   drip-zip            serves list/info/mod at once; drips .zip bodies one byte every opts.dripMs
import type { IncomingMessage, ServerResponse } from 'node:http';
import { modeArg, parseModes } from './modes.js';
import { answerModuleRequest, type ModuleIndex, type ProxyAnswer, type RequestKind } from './serve.js';

/** What the fault code needs from the server: options, the timers to clear on close(), the served modules. */
export interface FaultCtx {
  opts: { auth?: { user: string; pass: string }; dripMs?: number };
  timers: Set<NodeJS.Timeout>;
  /** The served modules (the zip faults answer from them). */
  index?: ModuleIndex;
}

/** The body a filtering gateway (Artifactory/Nexus curation style) sends with its 4xx. */
export const GATEWAY_BODY = 'This module version is not available.\n';

/** Requests seen per server under fail-first/N prefixes (keyed by the server's ctx, so each proxy counts alone). */
const failFirstSeen = new WeakMap<FaultCtx, number>();

/** Sends a complete response. */
export function send(res: ServerResponse, status: number, type: string, body: Buffer | string): void {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(buf.length) });
  res.end(buf);
}

/** setTimeout tracked in ctx.timers so close() can clear it. */
export function later(ctx: FaultCtx, ms: number, fn: () => void): void {
  const t = setTimeout(() => {
    ctx.timers.delete(t);
    fn();
  }, ms);
  ctx.timers.add(t);
}

/** Sends headers with the full Content-Length, then `n` body bytes, then nothing (the socket stays open). */
export function stallBody(res: ServerResponse, a: ProxyAnswer, n: number): void {
  res.writeHead(a.status, { 'Content-Type': a.type, 'Content-Length': String(a.body.length) });
  res.write(a.body.subarray(0, Math.min(n, Math.max(0, a.body.length - 1))));
}

/** Sends every byte of the body under a Content-Length one longer, then nothing: the response never ends. */
function unendedBody(res: ServerResponse, a: ProxyAnswer): void {
  res.writeHead(a.status, { 'Content-Type': a.type, 'Content-Length': String(a.body.length + 1) });
  res.write(a.body);
}

/** Sends headers, then one body byte every dripMs. */
export function drip(ctx: FaultCtx, res: ServerResponse, a: ProxyAnswer): void {
  res.writeHead(a.status, { 'Content-Type': a.type, 'Content-Length': String(a.body.length) });
  res.flushHeaders();
  let i = 0;
  const step = (): void => {
    if (res.destroyed) return;
    if (i >= a.body.length) return void res.end();
    res.write(a.body.subarray(i, i + 1));
    i += 1;
    later(ctx, ctx.opts.dripMs ?? 500, step);
  };
  later(ctx, ctx.opts.dripMs ?? 500, step);
}

function authorized(req: IncomingMessage, auth: { user: string; pass: string }): boolean {
  const h = req.headers.authorization ?? '';
  const m = /^Basic\s+(\S+)$/i.exec(h);
  return m !== null && Buffer.from(m[1]!, 'base64').toString('utf8') === `${auth.user}:${auth.pass}`;
}

/** Applies the first matching fault; returns true when the request was consumed by it. */
export function applyFault(
  ctx: FaultCtx,
  req: IncomingMessage,
  res: ServerResponse,
  modes: string[],
  kind: RequestKind,
): boolean {
  const has = (m: string): boolean => modes.includes(m);
  // Authentication first, like a real server: "auth/blackhole" answers 401 without credentials and hangs with them.
  if (has('auth') && !authorized(req, ctx.opts.auth ?? { user: 'gopher', pass: 'secret' })) {
    res.setHeader('WWW-Authenticate', 'Basic realm="gomodctl fault proxy"');
    return (send(res, 401, 'text/plain; charset=utf-8', 'authentication required\n'), true);
  }
  if (has('blackhole') || (has('stall-zip') && kind === 'zip') || (has('sumdb-blackhole') && kind === 'sumdb'))
    return true;
  if (has('reset') || (has('sumdb-reset') && kind === 'sumdb')) return (void req.socket.destroy(), true);
  const status = modeArg(modes, 'status') ?? (kind === 'sumdb' ? modeArg(modes, 'sumdb-status') : undefined);
  if (status !== undefined) {
    const extra =
      status === 407
        ? { 'Proxy-Authenticate': 'Basic realm="fault"' }
        : status === 401
          ? { 'WWW-Authenticate': 'Basic realm="fault"' }
          : {};
    const body = `gomodctl fault proxy: forced status ${status}\n`;
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(body.length),
      ...extra,
    });
    return (res.end(body), true);
  }
  if (has('notgo'))
    return (
      send(res, 200, 'text/html; charset=utf-8', '<!doctype html><html><body>Access denied by policy</body></html>\n'),
      true
    );
  if (has('stall-headers')) {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    return (res.flushHeaders(), true);
  }
  return applyNewFault(ctx, req, res, modes, kind);
}

/** The faults of issue 12 (see the header): reset, gateway refusals, first-N failures, zip body stalls and drips. */
function applyNewFault(
  ctx: FaultCtx,
  req: IncomingMessage,
  res: ServerResponse,
  modes: string[],
  kind: RequestKind,
): boolean {
  if (modes.includes('rst')) {
    req.socket.resetAndDestroy();
    return true;
  }
  const gateway = modeArg(modes, 'gateway');
  if (gateway !== undefined && kind !== 'sumdb') {
    send(res, gateway, 'text/plain; charset=utf-8', GATEWAY_BODY);
    return true;
  }
  const failFirst = modeArg(modes, 'fail-first');
  if (failFirst !== undefined) {
    const seen = failFirstSeen.get(ctx) ?? 0;
    failFirstSeen.set(ctx, seen + 1);
    if (seen < failFirst) {
      send(res, 500, 'text/plain; charset=utf-8', `gomodctl fault proxy: request ${seen + 1} of ${failFirst} fails\n`);
      return true;
    }
  }
  return applyZipBodyFault(ctx, req, res, modes, kind);
}

/** stall-zip-body/N and drip-zip: the .zip is answered 200, then its body stops after N bytes or drips. */
function applyZipBodyFault(
  ctx: FaultCtx,
  req: IncomingMessage,
  res: ServerResponse,
  modes: string[],
  kind: RequestKind,
): boolean {
  const stallAfter = modeArg(modes, 'stall-zip-body');
  const unended = modes.includes('stall-zip-end');
  if (kind !== 'zip' || (stallAfter === undefined && !unended && !modes.includes('drip-zip'))) return false;
  const a = zipAnswer(ctx, req, modes);
  if (a?.status !== 200) return false;
  if (stallAfter !== undefined) stallBody(res, a, stallAfter);
  else if (unended) unendedBody(res, a);
  else drip(ctx, res, a);
  return true;
}

/** The normal answer to a .zip request, recomputed from the request path (undefined without the module index). */
function zipAnswer(ctx: FaultCtx, req: IncomingMessage, modes: string[]): ProxyAnswer | undefined {
  if (!ctx.index) return undefined;
  let path = new URL(req.url ?? '/', 'http://x').pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // malformed escapes: keep the path as it is, like the server does
  }
  return answerModuleRequest(ctx.index, parseModes(path).rest, modes.includes('corrupt-zip'));
}
