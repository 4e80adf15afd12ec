// The ClientHello sizes measured from the real `go` of each release: `go mod download` through
// GOPROXY=https://127.0.0.1:PORT (no SNI), a loopback relay logging the first TLS record, test CA in SSL_CERT_FILE,
// hermetic env (test/helpers/measure-hello.ts). Bytes are the whole first record, 5-byte header included; a host
// name adds 9 + its length (the server_name extension). goHelloShape() reproduces every row exactly
// (test/core/tls/go-hello-shape.test.ts); test/e2e/go-hello-measure.test.ts re-measures the go under test.

/** One measured Go release. */
interface MeasuredGoHello {
  /** The exact go that was measured. */
  go: string;
  /** First record size with no GODEBUG. */
  bytes: number;
  /** Key shares sent with no GODEBUG: "group:keyBytes", in order. */
  keyShares: string;
  /** First record size with a GODEBUG value (only settings that change the hello, or that were tried). */
  godebug: Record<string, number>;
}

/** Measured 2026 on linux/amd64 with AES hardware (the AES-first cipher order; sizes do not depend on it). */
export const GO_HELLO_TABLE: readonly MeasuredGoHello[] = [
  { go: 'go1.19.8', bytes: 257, keyShares: 'x25519:32', godebug: { 'http2client=0': 239, 'tlsmlkem=0': 257 } },
  { go: 'go1.20.14', bytes: 257, keyShares: 'x25519:32', godebug: { 'http2client=0': 239, 'tlsmlkem=0': 257 } },
  { go: 'go1.21.13', bytes: 261, keyShares: 'x25519:32', godebug: { 'http2client=0': 243, 'tlsmlkem=0': 261 } },
  {
    go: 'go1.22.12',
    bytes: 261,
    keyShares: 'x25519:32',
    godebug: { 'http2client=0': 243, 'tlsrsakex=0': 251, 'tlsmlkem=0': 261 },
  },
  {
    go: 'go1.23.12',
    bytes: 261,
    keyShares: 'x25519:32',
    godebug: {
      'tlskyber=1': 1483,
      'tlskyber=0': 261,
      'tlsrsakex=0': 251,
      'tls3des=0': 257,
      'tlsrsakex=0,tls3des=0': 249,
      'http2client=0': 243,
      'tlsmlkem=0': 261,
    },
  },
  {
    go: 'go1.24.13',
    bytes: 1471,
    keyShares: 'x25519mlkem768:1216 x25519:32',
    godebug: {
      'tlsmlkem=0': 249,
      'tlsmlkem=0,http2client=0': 231,
      'tlsrsakex=1': 1479,
      'tls3des=1': 1473,
      'http2client=0': 1453,
      'fips140=on': 260,
      'tlskyber=0': 1471,
    },
  },
  {
    go: 'go1.25.14',
    bytes: 1497,
    keyShares: 'x25519mlkem768:1216 x25519:32',
    godebug: {
      'tlsmlkem=0': 275,
      'tlsmlkem=0,http2client=0': 257,
      'tlsrsakex=1': 1505,
      'tls3des=1': 1499,
      'tlssha1=1': 1501,
      'http2client=0': 1479,
      'fips140=on': 1441,
    },
  },
  {
    go: 'go1.26.8',
    bytes: 1501,
    keyShares: 'x25519mlkem768:1216 x25519:32',
    godebug: {
      'tlsmlkem=0': 275,
      'tlssecpmlkem=0': 1497,
      'tlsmlkem=0,http2client=0': 257,
      'tlsrsakex=1': 1509,
      'tls3des=1': 1503,
      'tlssha1=1': 1505,
      'http2client=0': 1483,
      'fips140=on': 1445,
    },
  },
  {
    go: 'go1.27.3',
    bytes: 1513,
    keyShares: 'x25519mlkem768:1216 x25519:32',
    godebug: {
      'tlsmlkem=0': 287,
      'tlssecpmlkem=0': 1509,
      'tlsmlkem=0,http2client=0': 269,
      'tlssha1=1': 1517,
      'http2client=0': 1495,
      'fips140=on': 1457,
    },
  },
];
