// Go's certificate verification for a TLS server, per release: crypto/x509 verify.go Certificate.Verify (leaf
// validity, then the host name, then chains from the server's certificates to the roots, then extended key usage),
// buildChains/considerCandidate, isValid, checkChainForKeyUsage, alreadyInChain; x509.go CheckSignatureFrom;
// cert_pool.go findPotentialParents. No AIA fetching: a missing intermediate fails, as in Go. The signature check
// itself is passed in (node:crypto in probes/verify-peer.ts).
import { goMinorVersion } from '../go-version.js';
import type { X509Facts } from './x509-der.js';
import { goVerifyHostname } from './x509-hostname.js';

/** Why Go rejects the certificate. */
type GoVerifyKind =
  | 'expired'
  | 'hostname'
  | 'unknown-authority'
  | 'incompatible-usage'
  | 'not-authorized-to-sign'
  | 'too-many-intermediates'
  | 'unhandled-critical-extension'
  | 'no-valid-chains'
  | 'signature-limit';

/** A rejection: the kind, Go's x509 error text, and the certificate it is about. */
export interface GoVerifyError {
  kind: GoVerifyKind;
  goError: string;
  cert: X509Facts;
  /** For a hostname failure: what the certificate is valid for, and whether only the Common Name would match. */
  validFor?: string;
  legacyCommonName?: boolean;
}

/** Inputs of goVerify. */
export interface GoVerifyInput {
  leaf: X509Facts;
  /** The other certificates the server sent (Go's opts.Intermediates). */
  intermediates: X509Facts[];
  roots: X509Facts[];
  /** tls.Config.ServerName as net/http sets it: the URL host without port (an IP stays an IP). */
  host: string;
  now: number;
  goVersion: string | null | undefined;
  godebug: Map<string, string>;
  /** True when `child`'s signature verifies with `parent`'s public key. */
  signedBy(child: X509Facts, parent: X509Facts): boolean;
  /** Go 1.27 refuses chains holding a distrusted key (verify.go distrustedSPKIHashes). */
  distrusted?(c: X509Facts): boolean;
}

/** The outcome: the chain Go would build, or why it refuses. */
type GoVerifyResult = { ok: true; chain: X509Facts[]; nameConstrained: boolean } | { ok: false; error: GoVerifyError };

/** SHA-256 of the subjectPublicKeyInfo of keys Go 1.27 distrusts (verify.go distrustedSPKIHashes). */
export const GO_DISTRUSTED_SPKI_SHA256: ReadonlySet<string> = new Set([
  'ebed6475c2c2d80fcb199f3fe8dd6e6b3ce60b77eb15d4e42c3dec0c6f5b5105',
  '49dd353dc2b919a3770645117d0e60c16115e7d1bc259eefe734b00ea434fe5f',
  'e0254c7fcdc265e2f0f8a428dabb75ab4ae039b4872d62f5ee57f0877d5a8a41',
  '5c0660a2b164910d8ff589c18e14552e9e0ec237dcefe2cb736d41a4811f81a0',
  '43bffa19d6ef651451f6841e019931e96f6f2eaeff28ab4b6f1ce4576de2717b',
  '63ecefee431d49523bc1136c4e72d0206a477086caf606cd5cf025686c109cf8',
  'ec4ffa1ad0ac88081314b7aaffef6a91f97cd57291bb5ba686c5415f5eb4f6b6',
  '92c063d67e8f14db71d288e11266ffdaf69cbf115f7bab14f3bc2f68d25e0e30',
]);

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const ANY_EKU = '2.5.29.37.0';
const MAX_SIGNATURE_CHECKS = 100;
const KEY_USAGE_CERT_SIGN = 32;

type CertType = 'leaf' | 'intermediate' | 'root';

/** Verifies as Go's crypto/tls client does (Certificate.Verify with DNSName = host, KeyUsages = [ServerAuth]). */
export function goVerify(input: GoVerifyInput): GoVerifyResult {
  const minor = goMinorVersion(input.goVersion) ?? 99;
  const ctx: Ctx = { input, minor, sigChecks: 0 };
  const leafErr = isValid(ctx, input.leaf, 'leaf', []);
  if (leafErr) return { ok: false, error: leafErr };
  const name = goVerifyHostname(input.leaf, input.host, input.goVersion);
  if (name) return { ok: false, error: { kind: 'hostname', cert: input.leaf, ...name } };
  let chains: X509Facts[][];
  if (input.roots.some((r) => sameDer(r, input.leaf))) chains = [[input.leaf]];
  else {
    const built = buildChains(ctx, [input.leaf]);
    if (built.err) return { ok: false, error: built.err };
    chains = built.chains;
  }
  const usable = chains.filter((ch) => checkChainForKeyUsage(ch));
  const trusted = minor >= 27 ? usable.filter((ch) => !ch.some((c) => input.distrusted?.(c))) : usable;
  const chain = trusted[0];
  if (chain) return { ok: true, chain, nameConstrained: chain.slice(1).some((c) => c.hasNameConstraints) };
  if (usable.length < chains.length || minor < 24) {
    return {
      ok: false,
      error: err('incompatible-usage', 'x509: certificate specifies an incompatible key usage', input.leaf),
    };
  }
  return { ok: false, error: err('no-valid-chains', 'x509: no valid chains built', input.leaf) };
}

interface Ctx {
  input: GoVerifyInput;
  minor: number;
  sigChecks: number;
}

const err = (kind: GoVerifyKind, goError: string, cert: X509Facts): GoVerifyError => ({ kind, goError, cert });

function isValid(ctx: Ctx, c: X509Facts, type: CertType, chain: X509Facts[]): GoVerifyError | null {
  if (c.unhandledCritical.length > 0 || (ctx.minor < 24 && c.criticalPolicyExtensions.length > 0)) {
    return err('unhandled-critical-extension', 'x509: unhandled critical extension', c);
  }
  const now = ctx.input.now;
  if (now < c.notBefore || now > c.notAfter) {
    const when = now < c.notBefore ? `before ${rfc3339(c.notBefore)}` : `after ${rfc3339(c.notAfter)}`;
    const detail = `current time ${rfc3339(now)} is ${when}`;
    return err('expired', `x509: certificate has expired or is not yet valid: ${detail}`, c);
  }
  if (type === 'intermediate' && (!c.basicConstraintsValid || !c.isCA)) {
    return err('not-authorized-to-sign', 'x509: certificate is not authorized to sign other certificates', c);
  }
  if (c.basicConstraintsValid && c.maxPathLen >= 0 && chain.length - 1 > c.maxPathLen) {
    return err('too-many-intermediates', 'x509: too many intermediates for path length constraint', c);
  }
  return null;
}

// Go's time.Format(time.RFC3339) in UTC (Go prints the local zone; the instant is the same).
function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

interface Built {
  chains: X509Facts[][];
  err: GoVerifyError | null;
}

function buildChains(ctx: Ctx, chain: X509Facts[]): Built {
  const c = chain[chain.length - 1]!;
  const out: Built = { chains: [], err: null };
  let hint: { error: string; cert: X509Facts } | null = null;
  const consider = (type: 'root' | 'intermediate', candidate: X509Facts): boolean => {
    if (++ctx.sigChecks > MAX_SIGNATURE_CHECKS) {
      const text = 'x509: signature check attempts limit reached while verifying certificate chain';
      out.err = err('signature-limit', text, c);
      return false;
    }
    if (alreadyInChain(candidate, chain)) return true;
    const sigErr = checkSignatureFrom(ctx, c, candidate);
    if (sigErr) {
      hint ??= { error: sigErr, cert: candidate };
      return true;
    }
    // Go assigns the candidate's isValid error to buildChains' own err (1.19–1.27 alike).
    out.err = isValid(ctx, candidate, type, chain);
    if (out.err) {
      if (ctx.minor >= 22) hint ??= { error: out.err.goError, cert: candidate };
      return true;
    }
    if (type === 'root') out.chains.push([...chain, candidate]);
    else {
      const sub = buildChains(ctx, [...chain, candidate]);
      out.err = sub.err;
      out.chains.push(...sub.chains);
    }
    return out.err?.kind !== 'signature-limit';
  };
  const pools: Array<['root' | 'intermediate', X509Facts[]]> = [
    ['root', ctx.input.roots],
    ['intermediate', ctx.input.intermediates],
  ];
  outer: for (const [type, pool] of pools) {
    for (const candidate of potentialParents(pool, c)) if (!consider(type, candidate)) break outer;
  }
  if (out.chains.length > 0) out.err = null;
  else if (!out.err) out.err = unknownAuthority(c, hint);
  return out;
}

function unknownAuthority(c: X509Facts, hint: { error: string; cert: X509Facts } | null): GoVerifyError {
  let text = 'x509: certificate signed by unknown authority';
  if (hint) {
    const h = hint.cert;
    const name = h.subjectCN || h.subjectO[0] || `serial:${h.serial}`;
    text += ` (possibly because of ${goQuote(hint.error)} while trying to verify candidate authority certificate ${goQuote(name)})`;
  }
  return err('unknown-authority', text, c);
}

// Go's %q for the ASCII texts used here.
function goQuote(s: string): string {
  return JSON.stringify(s);
}

// cert_pool.go findPotentialParents: same raw subject as the child's issuer; key-id matches first.
function potentialParents(pool: X509Facts[], c: X509Facts): X509Facts[] {
  const matching: X509Facts[] = [];
  const one: X509Facts[] = [];
  const mismatch: X509Facts[] = [];
  const seen: X509Facts[] = [];
  for (const p of pool) {
    if (p.rawSubject !== c.rawIssuer || seen.some((s) => sameDer(s, p))) continue;
    seen.push(p);
    if (p.subjectKeyId === c.authorityKeyId) matching.push(p);
    else if ((p.subjectKeyId === '') !== (c.authorityKeyId === '')) one.push(p);
    else mismatch.push(p);
  }
  return [...matching, ...one, ...mismatch];
}

function alreadyInChain(candidate: X509Facts, chain: X509Facts[]): boolean {
  return chain.some(
    (c) => c.rawSubject === candidate.rawSubject && c.rawSPKI === candidate.rawSPKI && c.rawSAN === candidate.rawSAN,
  );
}

// x509.go CheckSignatureFrom and checkSignature: the parent must be a CA allowed to sign certificates; MD5 never,
// SHA-1 only with GODEBUG=x509sha1=1 before 1.24. Returns Go's error text, or null.
function checkSignatureFrom(ctx: Ctx, child: X509Facts, parent: X509Facts): string | null {
  const cannotSign = 'x509: invalid signature: parent certificate cannot sign this kind of certificate';
  if ((parent.version === 3 && !parent.basicConstraintsValid) || (parent.basicConstraintsValid && !parent.isCA)) {
    return cannotSign;
  }
  if (parent.keyUsage !== 0 && (parent.keyUsage & KEY_USAGE_CERT_SIGN) === 0) return cannotSign;
  const insecure = INSECURE_ALGORITHMS[child.signatureAlgorithm];
  if (insecure) {
    const sha1 = insecure !== 'MD5-RSA';
    const allowed = sha1 && ctx.minor <= 23 && ctx.input.godebug.get('x509sha1') === '1';
    if (!allowed) {
      const override = sha1 && ctx.minor <= 23 ? ' (temporarily override with GODEBUG=x509sha1=1)' : '';
      return `x509: cannot verify signature: insecure algorithm ${insecure}${override}`;
    }
  }
  return ctx.input.signedBy(child, parent) ? null : 'crypto/rsa: verification error';
}

const INSECURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'MD5-RSA',
  '1.2.840.113549.1.1.5': 'SHA1-RSA',
  '1.3.14.3.2.29': 'SHA1-RSA',
  '1.2.840.10045.4.1': 'ECDSA-SHA1',
};

// verify.go checkChainForKeyUsage with KeyUsages = [ServerAuth]: every certificate that lists extended key usages
// must list serverAuth or anyExtendedKeyUsage.
function checkChainForKeyUsage(chain: X509Facts[]): boolean {
  return chain.every(
    (c) => c.extKeyUsage.length === 0 || c.extKeyUsage.includes(ANY_EKU) || c.extKeyUsage.includes(SERVER_AUTH),
  );
}

function sameDer(a: X509Facts, b: X509Facts): boolean {
  if (a.der.length !== b.der.length) return false;
  for (let i = 0; i < a.der.length; i++) if (a.der[i] !== b.der[i]) return false;
  return true;
}
