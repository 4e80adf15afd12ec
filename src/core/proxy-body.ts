// Whether a 2xx answer is what a Go module proxy or checksum database returns (go help goproxy; the formats read by
// cmd/go/internal/modfetch/proxy.go and golang.org/x/mod/sumdb/client.go), or a captive portal / login page.
import { gatewayWords, recogniseGatewayPage } from './gateway-page.js';
import type { GoProxyBodyKind } from './probe-types.js';

const VERSION_RE = /^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/**
 * Checks that a 2xx body is what a Go module proxy or checksum database returns for `kind` (go help goproxy;
 * x/mod/sumdb/client.go). Returns a reason when it is not (HTML from a captive portal, JSON without Version…),
 * null when it looks right or the status is not 2xx (the status is then the problem).
 */
export function classifyGoProxyBody(
  kind: GoProxyBodyKind,
  status: number,
  contentType: string | undefined,
  body: string,
): string | null {
  if (status < 200 || status > 299 || kind === 'supported') return null;
  const page = recogniseGatewayPage(contentType, body);
  if (page) {
    const guess = page.kind === 'login-form' ? 'a gateway asking to sign in' : 'captive portal or login page?';
    return `the server answered with ${gatewayWords(page)}, not a Go module proxy response (${guess})`;
  }
  switch (kind) {
    case 'list': {
      const bad = body
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0] ?? '')
        .find((v) => v !== '' && !VERSION_RE.test(v));
      return bad === undefined
        ? null
        : `the version list contains "${bad.slice(0, 40)}", which is not a Go module version`;
    }
    case 'info':
      return infoProblem(body);
    case 'mod':
      return /^\s*module\s/m.test(body) ? null : 'the go.mod answer has no module directive';
    case 'lookup':
      return /^\d+\n/.test(body) && body.includes(' h1:') && body.includes('\n\n')
        ? null
        : 'the checksum database answer is not a record followed by a signed tree note';
  }
}

function infoProblem(body: string): string | null {
  try {
    const v = JSON.parse(body) as { Version?: unknown };
    if (v && typeof v === 'object' && typeof v.Version === 'string') return null;
    return 'the .info answer is JSON without a "Version" field';
  } catch {
    return 'the .info answer is not JSON';
  }
}
