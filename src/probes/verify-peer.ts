// Verifies a TLS peer the way the running Go does (core/tls/x509-verify.ts), not the way OpenSSL does: node:crypto
// X509Certificate parses the certificates and checks signatures, the decisions are Go's. Node's own verdict is
// consulted only for name constraints, which the Go port does not model.
import { X509Certificate, createHash } from 'node:crypto';
import { rootCertificates, type DetailedPeerCertificate, type PeerCertificate, type TLSSocket } from 'node:tls';
import { effectiveGodebug } from '../core/godebug.js';
import { goMinorVersion } from '../core/go-version.js';
import type { Message } from '../core/i18n/message.js';
import { commonMsg } from '../core/i18n/messages/common.js';
import type { ProbeFailure } from '../core/probe-cause.js';
import { classifyTls, type TlsFindings } from '../core/tls-cause.js';
import { parseCertificate, type X509Facts } from '../core/tls/x509-der.js';
import { GO_DISTRUSTED_SPKI_SHA256, goVerify, type GoVerifyError } from '../core/tls/x509-verify.js';

/** What Go's verification needs besides the connection. */
interface PeerVerifyOptions {
  /** The host of the URL (tls.Config.ServerName as net/http sets it). */
  host: string;
  /** Trusted roots as PEM (loadGoTrustedCAs().ca); undefined = Node's bundled roots (macOS/Windows fallback). */
  ca: string[] | undefined;
  goVersion?: string | null;
  /** GODEBUG of the go that will connect (x509sha1 before 1.24). */
  godebug?: string;
  now?: number;
}

/** Null when Go would accept the peer's certificate, else the classified failure. */
export function verifyPeerAsGo(socket: TLSSocket, opts: PeerVerifyOptions): ProbeFailure | null {
  const peer = socket.getPeerCertificate(true);
  const [leaf, ...intermediates] = chainDer(peer).map((d) => parseCertificate(d));
  const issuer = formatIssuer(peer);
  if (!leaf) return classifyTls(base(opts, issuer, { authorizationCode: 'NO_PEER_CERTIFICATE' }));
  const result = goVerify({
    leaf,
    intermediates,
    roots: rootsFor(opts.ca),
    host: opts.host,
    now: opts.now ?? Date.now(),
    goVersion: opts.goVersion,
    godebug: effectiveGodebug(opts.godebug, opts.goVersion),
    signedBy: (child, parent) => x509(child).verify(x509(parent).publicKey),
    distrusted: (c) => GO_DISTRUSTED_SPKI_SHA256.has(sha256(Buffer.from(c.rawSPKI, 'hex'))),
  });
  if (result.ok) return result.nameConstrained ? nameConstraintFailure(socket, opts, issuer) : null;
  return classifyTls(findings(result.error, leaf, opts, issuer));
}

/** "tls: failed to verify certificate: x509: …" from Go 1.20 (crypto/tls CertificateVerificationError). */
function goTlsError(x509Error: string, goVersion: string | null | undefined): string {
  return (goMinorVersion(goVersion) ?? 99) >= 20 ? `tls: failed to verify certificate: ${x509Error}` : x509Error;
}

function base(opts: PeerVerifyOptions, issuer: string | undefined, extra: Partial<TlsFindings>): TlsFindings {
  return { host: opts.host, expired: false, nameMismatch: false, ...(issuer ? { issuer } : {}), ...extra };
}

// Node codes kept in tls.code so the JSON stays comparable with earlier results.
const OTHER_CODES: Partial<Record<GoVerifyError['kind'], string>> = {
  'incompatible-usage': 'INVALID_PURPOSE',
  'not-authorized-to-sign': 'INVALID_CA',
  'too-many-intermediates': 'PATH_LENGTH_EXCEEDED',
  'unhandled-critical-extension': 'UNHANDLED_CRITICAL_EXTENSION',
  'no-valid-chains': 'CERT_UNTRUSTED',
  'signature-limit': 'CERT_CHAIN_TOO_LONG',
};

function findings(e: GoVerifyError, leaf: X509Facts, opts: PeerVerifyOptions, issuer: string | undefined): TlsFindings {
  const f = base(opts, issuer, { goError: goTlsError(e.goError, opts.goVersion) });
  switch (e.kind) {
    case 'expired':
      // The leaf's own period is checked first; an expired issuer comes back the same way from buildChains.
      if (e.cert === leaf) f.expired = true;
      else f.authorizationCode = 'CERT_HAS_EXPIRED';
      break;
    case 'hostname':
      f.nameMismatch = true;
      if (e.validFor) f.validFor = e.validFor;
      if (e.legacyCommonName) f.detail = commonMsg('tls.legacyCommonName', { name: leaf.subjectCN });
      else if (!e.validFor && leaf.dnsNames.length > 0) {
        f.detail = commonMsg('tls.ipSans', { names: leaf.dnsNames.join(', ') });
      }
      break;
    case 'unknown-authority': {
      const selfSigned = e.cert.rawIssuer === e.cert.rawSubject;
      f.authorizationCode = selfSigned ? 'DEPTH_ZERO_SELF_SIGNED_CERT' : 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY';
      if (!selfSigned) f.detail = missingIssuerDetail(e.cert);
      break;
    }
    default:
      f.authorizationCode = OTHER_CODES[e.kind] ?? 'CERT_REJECTED';
      f.detail = `go: ${e.goError}`;
  }
  return f;
}

// Go never fetches a missing issuer (no AIA chasing), so a server that does not send its intermediate fails.
function missingIssuerDetail(c: X509Facts): Message {
  const issuer = new X509Certificate(Buffer.from(c.der)).issuer.replace(/\n/g, ', ');
  const url = c.issuingCertificateURL[0];
  const aia = url ? commonMsg('tls.aia', { url }) : '';
  return commonMsg('tls.missingIssuer', { issuer, aia });
}

const NAME_CONSTRAINT_CODES = new Set([
  'PERMITTED_VIOLATION',
  'EXCLUDED_VIOLATION',
  'SUBTREE_MINMAX',
  'UNSUPPORTED_CONSTRAINT_TYPE',
  'UNSUPPORTED_CONSTRAINT_SYNTAX',
  'UNSUPPORTED_NAME_SYNTAX',
]);

function nameConstraintFailure(
  socket: TLSSocket,
  opts: PeerVerifyOptions,
  issuer: string | undefined,
): ProbeFailure | null {
  const code =
    (socket.authorizationError as (Error & { code?: string }) | null)?.code ?? String(socket.authorizationError ?? '');
  if (!NAME_CONSTRAINT_CODES.has(code)) return null;
  const text = 'x509: a root or intermediate certificate is not authorized to sign for this name';
  return classifyTls(
    base(opts, issuer, { authorizationCode: code, goError: goTlsError(text, opts.goVersion), detail: `go: ${text}` }),
  );
}

/** The certificates as the server sent them, leaf first (Node appends store certificates, which are roots). */
function chainDer(peer: DetailedPeerCertificate): Buffer[] {
  const out: Buffer[] = [];
  const seen = new Set<string>();
  for (
    let c: DetailedPeerCertificate | undefined = peer;
    c?.raw && !seen.has(c.fingerprint256);
    c = c.issuerCertificate
  ) {
    seen.add(c.fingerprint256);
    out.push(c.raw);
  }
  return out;
}

const parsed = new WeakMap<Uint8Array, X509Certificate>();
function x509(c: X509Facts): X509Certificate {
  let x = parsed.get(c.der);
  if (!x) parsed.set(c.der, (x = new X509Certificate(Buffer.from(c.der))));
  return x;
}

const rootCache = new WeakMap<readonly string[], X509Facts[]>();
/** Parsed roots, cached per CA list (the same list is passed to every probe of a run). */
function rootsFor(ca: readonly string[] | undefined): X509Facts[] {
  const list = ca ?? rootCertificates;
  let roots = rootCache.get(list);
  if (!roots) {
    roots = list.flatMap((pem) => {
      try {
        return [parseCertificate(new X509Certificate(pem).raw)];
      } catch {
        return []; // Go's AppendCertsFromPEM skips what it cannot parse
      }
    });
    rootCache.set(list, roots);
  }
  return roots;
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** "CN=Corp Inspect CA, O=Corp" from a peer certificate's issuer. */
function formatIssuer(cert: PeerCertificate): string | undefined {
  const issuer = cert.issuer as unknown as Record<string, string | string[] | undefined> | undefined;
  if (!issuer) return undefined;
  const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
  const parts = (['CN', 'O'] as const).flatMap((k) => (one(issuer[k]) ? [`${k}=${one(issuer[k])}`] : []));
  return parts.length ? parts.join(', ') : undefined;
}
