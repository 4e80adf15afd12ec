// A proxy's answer to CONNECT, read and judged as Go does (net/http/transport.go dialConn, CONNECT branch, the same in
// Go 1.19 to 1.27): only status 200 opens the tunnel — any other status, 2xx included, fails the request with the
// status text alone (`Get "https://…": Forbidden`, captured in test/fixtures/network). Go never reads the body; we
// keep its first line and the Proxy-Authenticate challenge so the user learns what the proxy wants.
import { commonMsg } from './i18n/messages/common.js';
import type { ProbeFailure } from './probe-cause.js';
import type { ProxyAction, ProxyFinding } from './probe-types.js';

/** The parts of a CONNECT answer that matter. */
interface ConnectAnswer {
  status: number;
  /** Reason phrase after the status code ("" when the proxy sent none). */
  reason: string;
  /** Proxy-Authenticate values, in order. */
  challenges: string[];
  contentLength?: number;
}

/** Parses the head of a CONNECT answer ("HTTP/1.1 407 Proxy Authentication Required\r\n…"); null when not HTTP. */
export function parseConnectAnswer(head: string): ConnectAnswer | null {
  const lines = head.split('\r\n');
  // net/http ReadResponse: proto, then the status; "HTTP/1.1 200" without a reason is valid.
  const m = /^HTTP\/\d\.\d (\d{3})(?: (.*))?$/.exec(lines[0] ?? '');
  if (!m) return null;
  const answer: ConnectAnswer = { status: Number(m[1]), reason: (m[2] ?? '').trim(), challenges: [] };
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'proxy-authenticate') answer.challenges.push(value);
    else if (name === 'content-length' && /^\d+$/.test(value)) answer.contentLength = Number(value);
  }
  return answer;
}

/** The realm of the first challenge that names one (RFC 9110 auth-param realm, quoted or token). */
export function realmOf(challenges: string[]): string | undefined {
  for (const c of challenges) {
    const m = /\brealm=(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/i.exec(c);
    if (m) return (m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1');
  }
  return undefined;
}

/** The text Go fails with for a non-200 CONNECT answer: what follows the code, or "unknown status code". */
export function goConnectError(a: ConnectAnswer): string {
  return a.reason === '' ? 'unknown status code' : a.reason;
}

/** The first non-blank line of a body, trimmed and cut to 200 characters. */
export function firstLine(body: string): string | undefined {
  const line = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  return line === undefined ? undefined : line.slice(0, 200);
}

/** Classifies a non-200 CONNECT answer: 407 → auth, anything else → proxy; the proxy hop is named either way. */
export function classifyConnectAnswer(a: ConnectAnswer, via: string, target: string, body = ''): ProbeFailure {
  const label = a.reason ? `${a.status} ${a.reason}` : String(a.status);
  const line = firstLine(body);
  const said = line ? commonMsg('connect.said', { line }) : ''; // the proxy's own words, verbatim
  const go = { error: goConnectError(a) };
  const finding: ProxyFinding = { url: via, action: connectAction(a.status), status: a.status };
  if (a.reason) finding.reason = a.reason;
  if (line) finding.firstLine = line;
  const base = { phase: 'proxy-connect' as const, status: a.status, hop: 'proxy' as const, peer: via, go };
  if (a.status === 407) {
    const realm = realmOf(a.challenges);
    if (a.challenges[0]) finding.challenge = a.challenges[0];
    if (realm !== undefined) finding.realm = realm;
    const asks = realm !== undefined ? commonMsg('connect.realm', { realm }) : '';
    const words = { proxy: via, realm: asks, target, label, said, error: go.error };
    return { ...base, cause: 'auth', message: commonMsg('connect.auth', words), proxy: finding };
  }
  const key = a.status >= 200 && a.status < 300 ? 'connect.answered' : 'connect.refused';
  const message = commonMsg(key, { proxy: via, target, label, said, error: go.error });
  return { ...base, cause: 'proxy', message, proxy: finding };
}

function connectAction(status: number): ProxyAction {
  if (status === 407) return 'auth-required';
  if (status === 403) return 'denied';
  return 'error-status';
}
