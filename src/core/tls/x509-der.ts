// Reads, from a certificate's DER bytes, the fields Go's crypto/x509 verification decides with (parser.go
// parseCertificate and processExtensions): raw names, validity, SANs, basic constraints, key usages, key ids, the
// signature algorithm and which critical extensions Go does not handle. Pure; no signature checking here.

/** The fields of one certificate that Go's Verify looks at. */
export interface X509Facts {
  /** The certificate's DER (Go's pools compare certificates by these bytes). */
  der: Uint8Array;
  version: number;
  serial: string;
  /** DER of subject and issuer Names, hex: Go matches parents by these bytes (CertPool byName). */
  rawSubject: string;
  rawIssuer: string;
  subjectCN: string;
  subjectO: string[];
  notBefore: number;
  notAfter: number;
  /** The SAN extension is present (for the legacy Common Name message). */
  hasSAN: boolean;
  /** Its value, hex ('' when absent): alreadyInChain compares it. */
  rawSAN: string;
  dnsNames: string[];
  /** IP SANs in Go's net.IP String() form. */
  ipAddresses: string[];
  basicConstraintsValid: boolean;
  isCA: boolean;
  /** -1 when no pathLenConstraint. */
  maxPathLen: number;
  /** Go KeyUsage bits (digitalSignature = 1, certSign = 32); 0 when absent. */
  keyUsage: number;
  /** Extended key usage OIDs (known and unknown to Go). */
  extKeyUsage: string[];
  subjectKeyId: string;
  authorityKeyId: string;
  /** caIssuers URLs of Authority Information Access (Go never fetches them). */
  issuingCertificateURL: string[];
  signatureAlgorithm: string;
  /** DER of subjectPublicKeyInfo, hex (alreadyInChain; 1.27's distrusted-SPKI list hashes it). */
  rawSPKI: string;
  /** OIDs of critical extensions Go's parser does not handle (then isValid fails). */
  unhandledCritical: string[];
  /** Critical policy mappings/constraints/inhibitAnyPolicy: handled only from Go 1.24 (parser.go). */
  criticalPolicyExtensions: string[];
  hasNameConstraints: boolean;
}

interface Tlv {
  tag: number;
  start: number;
  body: number;
  end: number;
}

function tlv(b: Uint8Array, at: number): Tlv {
  const tag = b[at]!;
  let len = b[at + 1]!;
  let body = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[body + i]!;
    body += n;
  }
  if (body + len > b.length) throw new Error('truncated DER');
  return { tag, start: at, body, end: body + len };
}

function children(b: Uint8Array, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = t.body; at < t.end; ) {
    const c = tlv(b, at);
    out.push(c);
    at = c.end;
  }
  return out;
}

const hex = (b: Uint8Array, from: number, to: number): string =>
  Array.from(b.subarray(from, to), (x) => x.toString(16).padStart(2, '0')).join('');
const text = (b: Uint8Array, t: Tlv): string => new TextDecoder().decode(b.subarray(t.body, t.end));

function oid(b: Uint8Array, t: Tlv): string {
  const parts: number[] = [];
  let v = 0;
  for (let i = t.body; i < t.end; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

function integer(b: Uint8Array, t: Tlv): bigint {
  let v = 0n;
  for (let i = t.body; i < t.end; i++) v = (v << 8n) | BigInt(b[i]!);
  if (t.end > t.body && b[t.body]! & 0x80) v -= 1n << BigInt(8 * (t.end - t.body));
  return v;
}

// UTCTime YYMMDDHHMMSSZ (YY < 50 → 20YY) or GeneralizedTime YYYYMMDDHHMMSSZ.
function time(b: Uint8Array, t: Tlv): number {
  const s = text(b, t);
  const full = t.tag === 0x17 ? `${Number(s.slice(0, 2)) < 50 ? '20' : '19'}${s}` : s;
  const [y, mo, d, h, mi, se] = [0, 4, 6, 8, 10, 12].map((i, k) => Number(full.slice(i, i + (k === 0 ? 4 : 2))));
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, se!);
}

function readName(b: Uint8Array, t: Tlv): { cn: string; o: string[] } {
  let cn = '';
  const o: string[] = [];
  for (const set of children(b, t)) {
    for (const atv of children(b, set)) {
      const [type, value] = children(b, atv);
      if (!type || !value) continue;
      const id = oid(b, type);
      if (id === '2.5.4.3') cn = text(b, value); // pkix.Name: the last CN wins
      if (id === '2.5.4.10') o.push(text(b, value));
    }
  }
  return { cn, o };
}

/** Go's net.IP.String for a 4- or 16-byte IP SAN. */
export function ipString(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const v4mapped = bytes.length === 16 && bytes.subarray(0, 10).every((x) => x === 0) && bytes[10] === 0xff;
  if (v4mapped && bytes[11] === 0xff) return Array.from(bytes.subarray(12)).join('.');
  if (bytes.length !== 16) return `?${hex(bytes, 0, bytes.length)}`;
  const words = Array.from({ length: 8 }, (_, i) => (bytes[2 * i]! << 8) | bytes[2 * i + 1]!);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const h = words.map((w) => w.toString(16));
  if (best < 0) return h.join(':');
  return `${h.slice(0, best).join(':')}::${h.slice(best + bestLen).join(':')}`;
}

/** Parses a DER certificate. Throws on malformed input (Go would refuse it too). */
export function parseCertificate(der: Uint8Array): X509Facts {
  const [tbs, sigAlg] = children(der, tlv(der, 0));
  if (!tbs || !sigAlg) throw new Error('not a certificate');
  const f = children(der, tbs);
  let i = 0;
  const version = f[0]?.tag === 0xa0 ? Number(integer(der, children(der, f[i++]!)[0]!)) + 1 : 1;
  const serial = integer(der, f[i++]!).toString();
  i++; // signature AlgorithmIdentifier (repeated outside the TBS)
  const issuer = f[i++]!;
  const [nb, na] = children(der, f[i++]!);
  const subject = f[i++]!;
  const spki = f[i++]!;
  const name = readName(der, subject);
  const facts: X509Facts = {
    ...NO_EXTENSIONS,
    der,
    version,
    serial,
    rawSubject: hex(der, subject.start, subject.end),
    rawIssuer: hex(der, issuer.start, issuer.end),
    subjectCN: name.cn,
    subjectO: name.o,
    notBefore: time(der, nb!),
    notAfter: time(der, na!),
    signatureAlgorithm: oid(der, children(der, sigAlg)[0]!),
    rawSPKI: hex(der, spki.start, spki.end),
    dnsNames: [],
    ipAddresses: [],
    extKeyUsage: [],
    issuingCertificateURL: [],
    unhandledCritical: [],
    criticalPolicyExtensions: [],
  };
  const exts = f.slice(i).find((t) => t.tag === 0xa3);
  if (exts) for (const e of children(der, children(der, exts)[0]!)) readExtension(der, e, facts);
  return facts;
}

// What Go records for a certificate without extensions (MaxPathLen -1: no constraint).
const NO_EXTENSIONS = {
  hasSAN: false,
  rawSAN: '',
  basicConstraintsValid: false,
  isCA: false,
  maxPathLen: -1,
  keyUsage: 0,
  subjectKeyId: '',
  authorityKeyId: '',
  hasNameConstraints: false,
} as const;

// parser.go processExtensions: these 2.5.29.x extensions are understood (33, 36, 54 only from 1.24); any other
// critical one is "unhandled".
const HANDLED = new Set(['14', '15', '17', '19', '30', '31', '32', '35', '37']);
const POLICY_EXTENSIONS = new Set(['33', '36', '54']);

function readExtension(b: Uint8Array, e: Tlv, f: X509Facts): void {
  const parts = children(b, e);
  const id = oid(b, parts[0]!);
  const critical = parts.length === 3 && b[parts[1]!.body] !== 0;
  const value = tlv(b, parts[parts.length - 1]!.body);
  const arc = id.startsWith('2.5.29.') ? id.slice(7) : null;
  let unhandled = !(arc !== null && HANDLED.has(arc)) && id !== '1.3.6.1.5.5.7.1.1';
  switch (id) {
    case '2.5.29.17':
      readSAN(b, value, f);
      unhandled = f.dnsNames.length === 0 && f.ipAddresses.length === 0 && !hasOtherSAN(b, value);
      break;
    case '2.5.29.19': {
      const [ca, path] = children(b, value);
      f.basicConstraintsValid = true;
      f.isCA = ca?.tag === 0x01 && b[ca.body] !== 0;
      const len = ca?.tag === 0x02 ? ca : path;
      f.maxPathLen = len ? Number(integer(b, len)) : -1;
      break;
    }
    case '2.5.29.15':
      f.keyUsage = keyUsageBits(b, value);
      break;
    case '2.5.29.37':
      f.extKeyUsage = children(b, value).map((t) => oid(b, t));
      break;
    case '2.5.29.14':
      f.subjectKeyId = hex(b, value.body, value.end);
      break;
    case '2.5.29.35': {
      const keyId = children(b, value).find((t) => t.tag === 0x80);
      if (keyId) f.authorityKeyId = hex(b, keyId.body, keyId.end);
      break;
    }
    case '2.5.29.30':
      f.hasNameConstraints = true;
      break;
    case '1.3.6.1.5.5.7.1.1':
      for (const ad of children(b, value)) {
        const [method, loc] = children(b, ad);
        if (method && loc?.tag === 0x86 && oid(b, method) === '1.3.6.1.5.5.7.48.2')
          f.issuingCertificateURL.push(text(b, loc));
      }
      break;
  }
  if (!critical) return;
  if (arc !== null && POLICY_EXTENSIONS.has(arc)) f.criticalPolicyExtensions.push(id);
  else if (unhandled) f.unhandledCritical.push(id);
}

function readSAN(b: Uint8Array, value: Tlv, f: X509Facts): void {
  f.hasSAN = true;
  f.rawSAN = hex(b, value.start, value.end);
  for (const n of children(b, value)) {
    if (n.tag === 0x82) f.dnsNames.push(text(b, n));
    if (n.tag === 0x87) f.ipAddresses.push(ipString(b.subarray(n.body, n.end)));
  }
}

// Email (rfc822Name) and URI SANs also count as "parsed something" for the critical check.
function hasOtherSAN(b: Uint8Array, value: Tlv): boolean {
  return children(b, value).some((n) => n.tag === 0x81 || n.tag === 0x86);
}

// BIT STRING: bit i (MSB first) → Go KeyUsage 1 << i (parser.go parseKeyUsageExtension).
function keyUsageBits(b: Uint8Array, t: Tlv): number {
  let usage = 0;
  for (let i = 0; i < 9; i++) {
    const byte = b[t.body + 1 + (i >> 3)];
    if (t.body + 1 + (i >> 3) < t.end && byte !== undefined && byte & (0x80 >> (i & 7))) usage |= 1 << i;
  }
  return usage;
}
