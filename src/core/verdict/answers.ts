// How one probe answer reads to Go: success, "not exist" (HTTP 404/410: cmd/go/internal/web/api.go HTTPError.Is),
// an error, or a wait without a bound (Go's client has no response-header or body timeout: net/http/transport.go
// DefaultTransport; core/go-net-bounds.ts). A probe that timed out where Go has a bound (dial 30 s, TLS 10 s,
// CONNECT 1 min) is an error Go reports after that bound.
import type { Text } from '../i18n/message.js';
import type { ProbeResult } from '../probe-types.js';

/** The class of an answer as TryProxies sees it. */
type AnswerKind = 'ok' | 'not-found' | 'error' | 'hang';

/** Classifies a probe result the way Go's TryProxies and its HTTP client would treat the same answer. */
export function answerKind(r: ProbeResult): AnswerKind {
  if (r.ok) return 'ok';
  if (r.status === 404 || r.status === 410) return 'not-found';
  if (r.cause === 'timeout') {
    const limit = r.go?.limitMs;
    if (limit === null) return 'hang';
    if (limit === undefined && (r.phase === 'first-byte' || r.phase === 'body' || r.phase === undefined)) return 'hang';
  }
  return 'error';
}

/** A failure below HTTP (DNS, connect, TLS, the HTTP proxy, a reset or a stall): every URL behind it answers the same. */
export function isConnectionLevel(r: ProbeResult): boolean {
  return !r.ok && r.status === undefined && r.cause !== 'bad-response' && r.cause !== 'auth';
}

/** Go's words for an HTTP error answer (web/http.go: "reading URL: 404 Not Found", then "server response: …"). */
function statusWords(r: ProbeResult): string {
  const status = `${r.status}${r.statusText ? ` ${r.statusText}` : ''}`;
  const words = r.serverResponse ? `\n\tserver response: ${r.serverResponse.split('\n')[0]}` : '';
  return `reading ${r.url}: ${status}${words}`;
}

/** One sentence for a failed probe: Go's status words, or the probe's own classified sentence. */
export function failureWords(r: ProbeResult): Text {
  if (r.status !== undefined) return statusWords(r);
  return r.message ?? `${r.url}: ${r.cause ?? 'failed'}`;
}
