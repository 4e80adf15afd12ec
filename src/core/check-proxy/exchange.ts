// Small readers of probe results shared by the rules: the exchange shown as evidence, the body as text, whether
// an answer is an HTML page, and the status rule every GOPROXY answer obeys (cmd/go/internal/web: only 200 is data).
import { checkProxyMsg } from '../i18n/messages/check-proxy.js';
import type { ProbeResult } from '../probe-types.js';
import type { Text } from '../i18n/message.js';
import type { Exchange, ProblemCode } from './types.js';

/** The evidence line of one request. */
export function exchangeOf(r: ProbeResult): Exchange {
  const e: Exchange = { url: r.url, ms: Math.round(r.timings.totalMs) };
  if (r.status !== undefined) e.status = r.status;
  const ct = r.headers?.['content-type'];
  if (ct) e.contentType = ct;
  const bytes = r.bytes?.length ?? (r.body !== undefined ? Buffer.byteLength(r.body) : undefined);
  if (bytes !== undefined) e.bytes = bytes;
  if (r.status === undefined && r.message) e.error = String(r.message);
  if (r.redirects) e.redirects = r.redirects;
  return e;
}

/** The body as text (UTF-8), whichever way it was read. */
export function bodyText(r: ProbeResult): string {
  if (r.body !== undefined) return r.body;
  return r.bytes ? Buffer.from(r.bytes.subarray(0, 64 * 1024)).toString('utf8') : '';
}

/** An HTML page (by Content-Type or by its first bytes), the typical login, portal or error page. */
export function isHtml(r: ProbeResult): boolean {
  if (/^\s*text\/html/i.test(r.headers?.['content-type'] ?? '')) return true;
  const head = bodyText(r).trimStart().slice(0, 100).toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/** A verdict fragment: what is wrong with one answer. */
export interface Finding {
  problem: ProblemCode;
  message: Text;
}

/**
 * What is wrong with an answer that must be module data: web.Response.Err treats every status but 200 as an error,
 * 404/410 as "not found" (fall through), and an HTML page with 200 is not data either. Null when it is a 200.
 */
export function dataAnswerProblem(r: ProbeResult, what: string): Finding | null {
  if (r.status === undefined) {
    const error = r.message ?? checkProxyMsg('exchange.noAnswer');
    return { problem: 'bad-status', message: checkProxyMsg('answer.failed', { what, error }) };
  }
  const status = r.status;
  if (status === 404 || status === 410) {
    return { problem: 'not-served', message: checkProxyMsg('answer.notServed', { what, status }) };
  }
  if (status !== 200) return { problem: 'bad-status', message: checkProxyMsg('answer.notData', { what, status }) };
  if (isHtml(r)) return { problem: 'html-200', message: checkProxyMsg('answer.html', { what }) };
  return null;
}
