// Classifies a rejected peer certificate in the order Go's crypto/x509 verifies it (Certificate.Verify: validity
// period, then the host name, then the chain to a trusted root), so the sentence names what `go` would report.
import type { Text } from './i18n/message.js';
import { commonMsg } from './i18n/messages/common.js';
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
  /** One more sentence of explanation (legacy Common Name, missing intermediate…; Go's words as a string). */
  detail?: Text;
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
  const words = {
    host: f.host,
    issuer: f.issuer ? commonMsg('tls.issuer', { issuer: f.issuer }) : '',
    detail: f.detail ? commonMsg('tls.detail', { detail: f.detail }) : '',
  };
  const base = { cause: 'tls' as const, phase: 'tls' as const };
  if (f.expired) return { ...base, message: commonMsg('tls.expired', words), tls: tlsInfo('expired', f) };
  if (f.nameMismatch) {
    const valid = f.validFor ? commonMsg('tls.validFor', { names: f.validFor }) : '';
    return {
      ...base,
      message: commonMsg('tls.nameMismatch', { ...words, valid }),
      tls: tlsInfo('name-mismatch', f),
    };
  }
  if (!f.authorizationCode) return null;
  if (UNKNOWN_AUTHORITY_CODES.has(f.authorizationCode)) {
    return { ...base, message: commonMsg('tls.unknownAuthority', words), tls: tlsInfo('unknown-authority', f) };
  }
  if (f.authorizationCode === 'CERT_HAS_EXPIRED' || f.authorizationCode === 'CERT_NOT_YET_VALID') {
    return { ...base, message: commonMsg('tls.chainExpired', words), tls: tlsInfo('expired', f) };
  }
  return {
    ...base,
    message: commonMsg('tls.rejected', { ...words, code: f.authorizationCode }),
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
