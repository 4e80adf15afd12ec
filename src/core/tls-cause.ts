// Classifies a rejected peer certificate in the order Go's crypto/x509 verifies it (Certificate.Verify: validity
// period, then the host name, then the chain to a trusted root), so the sentence names what `go` would report.
import type { ProbeFailure } from './probe-cause.js';
import type { ProbeResult } from './probe-types.js';

/** What a TLS handshake revealed about the peer certificate, for Go-ordered verification. */
export interface TlsFindings {
  /** Certificate issuer, e.g. "CN=Corp Inspect CA". */
  issuer?: string;
  expired: boolean;
  /** The leaf does not cover the requested name (tls.checkServerIdentity failed). */
  nameMismatch: boolean;
  /** Node's verification error code when the chain is not trusted (e.g. SELF_SIGNED_CERT_IN_CHAIN). */
  authorizationCode?: string;
  host: string;
  /** Names the certificate is valid for (subjectaltname), for the mismatch sentence. */
  validFor?: string;
  /** The error the running go prints for this certificate (kept in the result as tls.go). */
  goError?: string;
  /** One more sentence of explanation (legacy Common Name, missing intermediate…). */
  detail?: string;
}

const UNKNOWN_AUTHORITY_CODES = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);

/**
 * Classifies a TLS verification failure in Go's order (crypto/x509 Certificate.Verify: leaf validity period first,
 * then the host name, then the chain to a trusted root), so we report what `go` would report. Null when valid.
 */
export function classifyTls(f: TlsFindings): ProbeFailure | null {
  const issuer = (f.issuer ? ` (issuer: ${f.issuer})` : '') + (f.detail ? `; ${f.detail}` : '');
  const base = { cause: 'tls' as const, phase: 'tls' as const };
  if (f.expired) {
    return {
      ...base,
      message: `certificate of ${f.host} has expired or is not yet valid${issuer}`,
      tls: tlsInfo('expired', f),
    };
  }
  if (f.nameMismatch) {
    const valid = f.validFor ? `; it is valid for ${f.validFor}` : '';
    return {
      ...base,
      message: `certificate is not valid for ${f.host}${valid}${issuer}`,
      tls: tlsInfo('name-mismatch', f),
    };
  }
  if (!f.authorizationCode) return null;
  if (UNKNOWN_AUTHORITY_CODES.has(f.authorizationCode)) {
    return {
      ...base,
      message: `certificate signed by unknown authority${issuer}; if a TLS-inspecting gateway is expected, point SSL_CERT_FILE at its CA`,
      tls: tlsInfo('unknown-authority', f),
    };
  }
  if (f.authorizationCode === 'CERT_HAS_EXPIRED' || f.authorizationCode === 'CERT_NOT_YET_VALID') {
    return {
      ...base,
      message: `a certificate in the chain of ${f.host} has expired${issuer}`,
      tls: tlsInfo('expired', f),
    };
  }
  return {
    ...base,
    message: `certificate of ${f.host} rejected (${f.authorizationCode})${issuer}`,
    tls: tlsInfo('other', f),
  };
}

function tlsInfo(reason: NonNullable<ProbeResult['tls']>['reason'], f: TlsFindings): NonNullable<ProbeResult['tls']> {
  const info: NonNullable<ProbeResult['tls']> = { reason };
  if (f.issuer) info.issuer = f.issuer;
  if (f.authorizationCode) info.code = f.authorizationCode;
  else if (reason === 'name-mismatch') info.code = 'ERR_TLS_CERT_ALTNAME_INVALID';
  else if (reason === 'expired') info.code = 'CERT_HAS_EXPIRED';
  if (f.goError) info.go = f.goError;
  return info;
}
