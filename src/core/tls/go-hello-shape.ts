// The ClientHello the `go` command sends, per Go release and effective GODEBUG: cipher suites, groups, key shares,
// signature algorithms, ALPN and the extension order. Ported from crypto/tls (defaults.go, cipher_suites.go,
// handshake_client.go makeClientHello, handshake_messages.go clientHelloMsg.marshal/marshalMsg,
// defaults_fips140.go) of 1.19–1.27 and checked byte for byte against the real go of each release
// (go-hello-table.ts, test/e2e/go-hello-measure.test.ts).
import { goMinorVersion } from '../go-version.js';

/** What a ClientHello carries, without the random parts (random, session id, key material). */
export interface HelloShape {
  /** TLS 1.2 suites then TLS 1.3 suites, in the order sent. */
  cipherSuites: number[];
  groups: number[];
  /** One entry per key share: group and length of its key. */
  keyShares: Array<{ group: number; bytes: number }>;
  signatureAlgorithms: number[];
  /** signature_algorithms_cert; empty = extension not sent. */
  signatureAlgorithmsCert: number[];
  /** ALPN protocols; empty = extension not sent. */
  alpn: string[];
  /** Extension types in order; server_name (0) is sent only for a host name, never for an IP literal. */
  extensions: number[];
}

/** TLS group ids (IANA). */
export const GROUP = {
  x25519: 0x1d,
  p256: 0x17,
  p384: 0x18,
  p521: 0x19,
  x25519Kyber768Draft00: 0x6399,
  x25519MLKEM768: 0x11ec,
  secp256r1MLKEM768: 0x11eb,
  secp384r1MLKEM1024: 0x11ed,
} as const;

// Key share sizes: X25519 32, P-256 uncompressed 65, ML-KEM-768 encapsulation key 1184 (+ the ECDH part).
const SHARE_BYTES: Record<number, number> = {
  [GROUP.x25519]: 32,
  [GROUP.p256]: 65,
  [GROUP.p384]: 97,
  [GROUP.p521]: 133,
  [GROUP.x25519Kyber768Draft00]: 32 + 1184,
  [GROUP.x25519MLKEM768]: 1184 + 32,
  [GROUP.secp256r1MLKEM768]: 65 + 1184,
  [GROUP.secp384r1MLKEM1024]: 97 + 1568,
};
// The classical share a hybrid sends beside itself (handshake_client.go keyShares: "fallback ECDH share").
const HYBRID_FALLBACK: Record<number, number> = {
  [GROUP.x25519Kyber768Draft00]: GROUP.x25519,
  [GROUP.x25519MLKEM768]: GROUP.x25519,
  [GROUP.secp256r1MLKEM768]: GROUP.p256,
  [GROUP.secp384r1MLKEM1024]: GROUP.p384,
};

const ECDHE_SUITES = [0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc009, 0xc013, 0xc00a, 0xc014];
const RSA_KEX_SUITES = [0x009c, 0x009d, 0x002f, 0x0035];
const ECDHE_3DES = 0xc012;
const RSA_3DES = 0x000a;
const TLS13_SUITES = [0x1301, 0x1302, 0x1303];
const FIPS_SUITES = [0xc02b, 0xc02f, 0xc02c, 0xc030, 0x1301, 0x1302];
const SIGALGS = [0x0804, 0x0403, 0x0807, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0503, 0x0603];
const SHA1_SIGALGS = [0x0201, 0x0203];
const MLDSA_SIGALGS = [0x0904, 0x0905, 0x0906];
// Go 1.24 fips140=on: defaults_fips140.go allowedSignatureAlgorithmsFIPS order (1.25+ filters the default list).
const FIPS124_SIGALGS = [0x0804, 0x0805, 0x0806, 0x0401, 0x0403, 0x0501, 0x0503, 0x0601, 0x0603];

/** The ClientHello shape of `go` of this version with these effective GODEBUG settings (godebug.ts). */
export function goHelloShape(goVersion: string | null | undefined, godebug: Map<string, string>): HelloShape {
  const minor = goMinorVersion(goVersion) ?? 99;
  const fips = minor >= 24 && (godebug.get('fips140') === 'on' || godebug.get('fips140') === 'only');
  const groups = goGroups(minor, godebug, fips);
  const sigs = goSignatureAlgorithms(minor, godebug, fips);
  const alpn = godebug.get('http2client') === '0' ? [] : ['h2', 'http/1.1'];
  return {
    cipherSuites: fips ? FIPS_SUITES : [...tls12Suites(minor, godebug), ...TLS13_SUITES],
    groups,
    keyShares: keySharesFor(groups),
    signatureAlgorithms: sigs.algs,
    signatureAlgorithmsCert: sigs.cert,
    alpn,
    extensions: extensionOrder(minor).filter(
      (e) => (e !== 16 || alpn.length > 0) && (e !== 50 || sigs.cert.length > 0),
    ),
  };
}

// cipher_suites.go cipherSuitesPreferenceOrder filtered by disabledCipherSuites, rsaKexCiphers (tlsrsakex, 1.22)
// and tdesCiphers (tls3des, 1.23); both GODEBUGs are gone in 1.27 and the suites with them.
function tls12Suites(minor: number, godebug: Map<string, string>): number[] {
  const rsaKex = minor <= 21 || (minor <= 26 && godebug.get('tlsrsakex') === '1');
  const tdes = minor <= 22 || (minor <= 26 && godebug.get('tls3des') === '1');
  return [
    ...ECDHE_SUITES,
    ...(rsaKex ? RSA_KEX_SUITES : []),
    ...(tdes ? [ECDHE_3DES] : []),
    ...(tdes && rsaKex ? [RSA_3DES] : []),
  ];
}

// defaults.go defaultCurvePreferences (1.23–1.26) / defaultCurveEnabled + curvePreferenceOrder (1.27);
// FIPS: allowedCurvePreferencesFIPS (no X25519; X25519MLKEM768 allowed from 1.25).
function goGroups(minor: number, godebug: Map<string, string>, fips: boolean): number[] {
  const classic: number[] = [GROUP.x25519, GROUP.p256, GROUP.p384, GROUP.p521];
  let pq: number[] = [];
  if (minor === 23 && godebug.get('tlskyber') !== '0') pq = [GROUP.x25519Kyber768Draft00];
  if (minor >= 24 && godebug.get('tlsmlkem') !== '0') {
    pq = [GROUP.x25519MLKEM768];
    if (minor >= 26 && godebug.get('tlssecpmlkem') !== '0') pq.push(GROUP.secp256r1MLKEM768, GROUP.secp384r1MLKEM1024);
  }
  const all = [...pq, ...classic];
  if (!fips) return all;
  return all.filter((g) => g !== GROUP.x25519 && g !== GROUP.x25519Kyber768Draft00 && (minor >= 25 || g < 0x100));
}

// handshake_client.go makeClientHello: one share for the first group; a hybrid adds its classical share, sent only
// when that group is enabled too (1.25+; before, X25519 always followed the hybrid).
function keySharesFor(groups: number[]): Array<{ group: number; bytes: number }> {
  const first = groups[0];
  if (first === undefined) return [];
  const shares = [{ group: first, bytes: SHARE_BYTES[first] ?? 0 }];
  const fallback = HYBRID_FALLBACK[first];
  if (fallback !== undefined && groups.includes(fallback))
    shares.push({ group: fallback, bytes: SHARE_BYTES[fallback]! });
  return shares;
}

// defaults.go defaultSupportedSignatureAlgorithms; 1.25 keeps SHA-1 only in signature_algorithms_cert unless
// tlssha1=1 (common.go supportedSignatureAlgorithms); 1.27 adds ML-DSA first.
function goSignatureAlgorithms(
  minor: number,
  godebug: Map<string, string>,
  fips: boolean,
): { algs: number[]; cert: number[] } {
  if (fips && minor === 24) return { algs: FIPS124_SIGALGS, cert: [] };
  const base = minor >= 27 ? [...MLDSA_SIGALGS, ...SIGALGS] : SIGALGS;
  if (minor < 25) return { algs: [...base, ...SHA1_SIGALGS], cert: [] };
  if (fips) return { algs: base, cert: base };
  const sha1 = godebug.get('tlssha1') === '1' ? SHA1_SIGALGS : [];
  return { algs: [...base, ...sha1], cert: [...base, ...SHA1_SIGALGS] };
}

// handshake_messages.go: 1.19–1.22 clientHelloMsg.marshal order (extended_master_secret from 1.21);
// 1.23+ marshalMsg order (signature_algorithms_cert sent from 1.25).
function extensionOrder(minor: number): number[] {
  if (minor <= 22) return [0, 5, 10, 11, 13, 65281, ...(minor >= 21 ? [23] : []), 16, 18, 43, 51];
  return [0, 11, 65281, 23, 18, 5, 10, 13, ...(minor >= 25 ? [50] : []), 16, 43, 51];
}
