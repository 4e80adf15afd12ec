// Recognising, in what `go` prints, that a request failed at the HTTPS_PROXY hop — so a tidy diagnosis can name the
// proxy instead of the module proxy. Shapes from net/http/transport.go dialConn (dial errors wrapped as
// "proxyconnect tcp: …"; a non-200 CONNECT answer becomes errors.New(<status text>); the CONNECT bound returns
// connectCtx.Err()), as captured from go 1.19, 1.26 and 1.27 in test/fixtures/network.
import type { ProxyAction } from './probe-types.js';

/** The proxy hop found in a Go error. */
interface GoProxyHopError {
  hop: 'proxy';
  action: ProxyAction;
  /** For a refused CONNECT: the status text Go printed (e.g. "Forbidden"). */
  statusText?: string;
}

// http.StatusText values a proxy answers CONNECT with; Go prints the proxy's own reason, usually one of these.
const CONNECT_REASONS = new Map<string, ProxyAction>([
  ['Proxy Authentication Required', 'auth-required'],
  ['Forbidden', 'denied'],
  ['Bad Gateway', 'error-status'],
  ['Service Unavailable', 'error-status'],
  ['Gateway Timeout', 'error-status'],
  ['Bad Request', 'error-status'],
  ['Not Found', 'error-status'],
  ['Method Not Allowed', 'error-status'],
  ['Internal Server Error', 'error-status'],
  ['unknown status code', 'error-status'],
]);

/**
 * The proxy hop in one Go error line (`…: Get "https://…": <cause>` or `reading http://…: 407 …`), or null.
 * `viaProxy`: a proxy applies to that URL (proxyForUrl), needed where Go's text alone does not say so.
 */
export function proxyHopFromGoError(line: string, viaProxy: boolean): GoProxyHopError | null {
  if (/: 407 Proxy Authentication Required\b/.test(line)) return { hop: 'proxy', action: 'auth-required' };
  const m = /Get "[^"]+": (.*)$/.exec(line.trim());
  if (!m) return null;
  const cause = m[1]!;
  if (cause.startsWith('proxyconnect tcp: ')) return { hop: 'proxy', action: dialAction(cause) };
  if (!viaProxy) return null;
  const reason = CONNECT_REASONS.get(cause);
  if (reason) return { hop: 'proxy', action: reason, statusText: cause };
  if (cause === 'context deadline exceeded') return { hop: 'proxy', action: 'silent' }; // only the CONNECT has a deadline
  if (cause === 'unexpected EOF') return { hop: 'proxy', action: 'closed' }; // CONNECT answer cut off
  if (cause === 'net/http: TLS handshake timeout') return { hop: 'proxy', action: 'tunnel-silent' };
  return null;
}

function dialAction(cause: string): ProxyAction {
  if (/lookup \S+( on \S+)?: no such host/.test(cause)) return 'unresolved';
  if (cause.endsWith('connection refused')) return 'refused';
  if (/i\/o timeout|no route to host|network is unreachable/.test(cause)) return 'unreachable';
  return 'closed';
}
