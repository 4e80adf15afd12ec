// Fault behaviours of the fault proxy, applied before (or instead of) the normal answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { modeArg } from './modes.js';
import type { ProxyAnswer, RequestKind } from './serve.js';

/** What the fault code needs from the server: options, and the timers to clear on close(). */
export interface FaultCtx {
  opts: { auth?: { user: string; pass: string }; dripMs?: number };
  timers: Set<NodeJS.Timeout>;
}

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
  return false;
}
