// TLS transport checks of check-proxy. The seam: `TlsTransportCheck` — each check gets the proxy URL and the
// network context and returns verdicts; a Go-shaped ClientHello check plugs in here as one more entry.
// Built in: one handshake offering ALPN "h2" and "http/1.1" as Go's default transport does, reporting the
// protocol chosen and the certificate chain, without rejecting it (the probes report verification failures).
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { isIP, type Socket } from 'node:net';
import type { CertFacts, TlsFacts } from '../core/check-proxy/facts.js';
import type { ProxyCheck } from '../core/check-proxy/types.js';
import { getProxyConfig, proxyForUrl } from '../core/http-proxy-env.js';
import { redactUrl } from '../core/redact.js';
import { ProbeState } from './probe-deadline.js';
import { connectTcp, hostPort, openTunnel, secureContextFor } from './probe-connect.js';

/** What a TLS transport check may use: the environment Go sees and its trusted roots. */
export interface TlsCheckContext {
  url: string;
  env: Record<string, string | undefined>;
  ca?: string[];
  goVersion?: string | null;
  timeoutMs: number;
}

/** A TLS transport check (group "transport"): the plug-in point for more TLS checks. */
export interface TlsTransportCheck {
  id: string;
  run(ctx: TlsCheckContext): Promise<ProxyCheck[]>;
}

function certFacts(c: PeerCertificate): CertFacts {
  const name = (x: Record<string, unknown> | undefined): string =>
    x
      ? String(
          x.CN ??
            Object.entries(x)
              .map(([k, v]) => `${k}=${v}`)
              .join(', '),
        )
      : '';
  const f: CertFacts = {
    subject: name(c.subject as unknown as Record<string, unknown>),
    issuer: name(c.issuer as unknown as Record<string, unknown>),
    validFrom: new Date(c.valid_from).toISOString(),
    validTo: new Date(c.valid_to).toISOString(),
    selfIssued: JSON.stringify(c.subject) === JSON.stringify(c.issuer),
  };
  const aia = (c.infoAccess as Record<string, string[]> | undefined)?.['CA Issuers - URI']?.[0];
  if (aia) f.caIssuers = aia;
  if (c.subjectaltname) f.altNames = c.subjectaltname;
  return f;
}

/** The socket Go's transport would do TLS over: direct, or a CONNECT tunnel through an http HTTPS_PROXY. */
async function openRaw(state: ProbeState, u: URL, ctx: TlsCheckContext): Promise<Socket | null> {
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(u.port || 443);
  const proxy = proxyForUrl(getProxyConfig(ctx.env), u.href, ctx.goVersion);
  if (!proxy) return connectTcp(state, host, port);
  const p = new URL(proxy);
  if (p.protocol !== 'http:') return null; // an https proxy: the probes report on it
  state.phase = 'proxy-connect';
  const socket = await connectTcp(state, p.hostname, Number(p.port || 80), redactUrl(proxy));
  const user = decodeURIComponent(p.username);
  const auth =
    p.username || p.password
      ? `Basic ${Buffer.from(`${user}:${decodeURIComponent(p.password)}`).toString('base64')}`
      : undefined;
  await openTunnel(state, socket, hostPort(host, port), redactUrl(proxy), auth);
  return socket;
}

/** One bounded handshake offering h2 and http/1.1; null when there is no https or no handshake completed. */
export async function probeTlsHandshake(ctx: TlsCheckContext): Promise<TlsFacts | null> {
  const u = new URL(ctx.url);
  if (u.protocol !== 'https:') return null;
  const state = new ProbeState(ctx.timeoutMs);
  try {
    const socket = await openRaw(state, u, ctx);
    if (!socket) return null;
    const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
    const tls: TLSSocket = tlsConnect({
      socket,
      servername: isIP(host) ? undefined : host,
      secureContext: secureContextFor(ctx.ca),
      rejectUnauthorized: false,
      ALPNProtocols: ['h2', 'http/1.1'],
    });
    state.own(() => tls.destroy());
    await state.race(new Promise<void>((resolve, reject) => tls.once('secureConnect', resolve).once('error', reject)));
    const err = tls.authorizationError as (Error & { code?: string }) | null;
    const facts: TlsFacts = {
      alpn: typeof tls.alpnProtocol === 'string' ? tls.alpnProtocol : null,
      version: tls.getProtocol(),
      // The leaf: expired or untrusted certificates further up are reported by the probes' verification.
      chain: [certFacts(tls.getPeerCertificate(false))],
    };
    if (!tls.authorized && err) facts.authorizationError = err.code ?? String(err);
    return facts;
  } catch {
    return null; // the probes give the classified failure
  } finally {
    state.finish();
  }
}
