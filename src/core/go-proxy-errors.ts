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
  /** For a refused CONNECT: the status whose http.StatusText that is (Go prints only the text). */
  status?: number;
}

// http.StatusText values a proxy answers CONNECT with; Go prints the proxy's own reason, usually one of these.
const CONNECT_REASONS = new Map<string, [ProxyAction, number?]>([
  ['Proxy Authentication Required', ['auth-required', 407]],
  ['Forbidden', ['denied', 403]],
  ['Bad Gateway', ['error-status', 502]],
  ['Service Unavailable', ['error-status', 503]],
  ['Gateway Timeout', ['error-status', 504]],
  ['Bad Request', ['error-status', 400]],
  ['Not Found', ['error-status', 404]],
  ['Method Not Allowed', ['error-status', 405]],
  ['Internal Server Error', ['error-status', 500]],
  ['unknown status code', ['error-status']],
]);

/**
 * The answer of a CONNECT that was not 200, from the end of a Go error line (`… Get "URL": Forbidden`), or null.
 * net/http/transport.go (*Transport).dialConn returns errors.New(<status text>) for it (Go 1.19 and 1.26 alike), and no
 * other error of the transport is a bare status text, so the words alone say the HTTPS_PROXY refused the tunnel.
 */
export function connectRefusal(line: string): { action: ProxyAction; statusText: string; status?: number } | null {
  const m = /Get "[^"]+": ([^:"]+)$/.exec(line.trim());
  const reason = m ? CONNECT_REASONS.get(m[1]!) : undefined;
  if (!reason) return null;
  const [action, status] = reason;
  return { action, statusText: m![1]!, ...(status !== undefined ? { status } : {}) };
}

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
  const refusal = connectRefusal(line);
  if (refusal) return { hop: 'proxy', ...refusal };
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
