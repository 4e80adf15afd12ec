// Whether a 2xx answer is what a Go module proxy or checksum database returns (go help goproxy; the formats read by
// cmd/go/internal/modfetch/proxy.go and golang.org/x/mod/sumdb/client.go), or a captive portal / login page.
import { gatewayWords, recogniseGatewayPage } from './gateway-page.js';
import type { Message } from './i18n/message.js';
import { commonMsg } from './i18n/messages/common.js';
import type { GoProxyBodyKind } from './probe-types.js';

const VERSION_RE = /^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/**
 * Checks that a 2xx body is what a Go module proxy or checksum database returns for `kind` (go help goproxy;
 * x/mod/sumdb/client.go). Returns a reason (a catalogue message) when it is not (HTML from a captive portal, JSON without Version…),
 * null when it looks right or the status is not 2xx (the status is then the problem).
 */
export function classifyGoProxyBody(
  kind: GoProxyBodyKind,
  status: number,
  contentType: string | undefined,
  body: string,
): Message | null {
  if (status < 200 || status > 299 || kind === 'supported') return null;
  const page = recogniseGatewayPage(contentType, body);
  if (page) {
    const guess = commonMsg(page.kind === 'login-form' ? 'body.guessLogin' : 'body.guessPortal');
    return commonMsg('body.gateway', { page: gatewayWords(page), guess });
  }
  switch (kind) {
    case 'list': {
      const bad = body
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0] ?? '')
        .find((v) => v !== '' && !VERSION_RE.test(v));
      return bad === undefined ? null : commonMsg('body.badVersion', { line: bad.slice(0, 40) });
    }
    case 'info':
      return infoProblem(body);
    case 'mod':
      return /^\s*module\s/m.test(body) ? null : commonMsg('body.noModule');
    case 'lookup':
      return /^\d+\n/.test(body) && body.includes(' h1:') && body.includes('\n\n') ? null : commonMsg('body.badLookup');
  }
}

function infoProblem(body: string): Message | null {
  try {
    const v = JSON.parse(body) as { Version?: unknown };
    if (v && typeof v === 'object' && typeof v.Version === 'string') return null;
    return commonMsg('body.noVersion');
  } catch {
    return commonMsg('body.notJson');
  }
}
