// Builds a ClientHello record of a given shape (go-hello-shape.ts) byte for byte as Go's clientHelloMsg marshals it
// (crypto/tls handshake_messages.go), and reads the first record a server answers with. Pure: randomness and key
// material are passed in, so the same shape always gives the same size.
import type { HelloShape } from './go-hello-shape.js';

/** Where a ClientHello gets its random bytes and key shares. */
interface HelloMaterial {
  /** n random bytes (client random, session id, key material). */
  random(n: number): Uint8Array;
  /** Key share data for a group; default: shaped random bytes (see keyShareData). */
  keyShare?(group: number, bytes: number): Uint8Array;
}

class Writer {
  private readonly parts: Uint8Array[] = [];
  private size = 0;
  bytes(b: Uint8Array | number[]): this {
    const u = b instanceof Uint8Array ? b : Uint8Array.from(b);
    this.parts.push(u);
    this.size += u.length;
    return this;
  }
  u8(v: number): this {
    return this.bytes([v & 0xff]);
  }
  u16(v: number): this {
    return this.bytes([(v >> 8) & 0xff, v & 0xff]);
  }
  u16s(vs: number[]): this {
    for (const v of vs) this.u16(v);
    return this;
  }
  /** Appends `inner` prefixed with its length in `lenBytes` bytes. */
  vec(lenBytes: 1 | 2 | 3, inner: Writer): this {
    const n = inner.size;
    const len = lenBytes === 1 ? [n] : lenBytes === 2 ? [n >> 8, n] : [n >> 16, n >> 8, n];
    return this.bytes(len.map((x) => x & 0xff)).bytes(inner.done());
  }
  done(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

const w = (): Writer => new Writer();

/**
 * The whole first record (5-byte header + ClientHello) for `shape`. `serverName` is sent as SNI (Go sends none for
 * an IP literal: handshake_client.go hostnameInSNI), with a trailing dot removed.
 */
export function buildClientHello(shape: HelloShape, serverName: string | undefined, m: HelloMaterial): Uint8Array {
  const exts = w();
  for (const type of shape.extensions) {
    const body = extensionBody(type, shape, serverName, m);
    if (body) exts.u16(type).vec(2, body);
  }
  const hello = w()
    .u16(0x0303)
    .bytes(m.random(32))
    .vec(1, w().bytes(m.random(32)))
    .vec(2, w().u16s(shape.cipherSuites))
    .vec(1, w().u8(0))
    .vec(2, exts);
  const handshake = w().u8(1).vec(3, hello);
  return w().u8(0x16).u16(0x0301).vec(2, handshake).done();
}

function extensionBody(type: number, s: HelloShape, serverName: string | undefined, m: HelloMaterial): Writer | null {
  switch (type) {
    case 0: {
      const name = sniName(serverName);
      if (!name) return null;
      return w().vec(
        2,
        w()
          .u8(0)
          .vec(2, w().bytes(new TextEncoder().encode(name))),
      );
    }
    case 5: // status_request: OCSP, no responder ids, no extensions
      return w().u8(1).u16(0).u16(0);
    case 10:
      return w().vec(2, w().u16s(s.groups));
    case 11: // ec_point_formats: uncompressed
      return w().vec(1, w().u8(0));
    case 13:
      return w().vec(2, w().u16s(s.signatureAlgorithms));
    case 50:
      return w().vec(2, w().u16s(s.signatureAlgorithmsCert));
    case 16: {
      const list = w();
      for (const p of s.alpn) list.vec(1, w().bytes(new TextEncoder().encode(p)));
      return w().vec(2, list);
    }
    case 65281: // renegotiation_info, empty
      return w().vec(1, w());
    case 18: // signed_certificate_timestamp
    case 23: // extended_master_secret
      return w();
    case 43:
      return w().vec(1, w().u16s([0x0304, 0x0303]));
    case 51: {
      const shares = w();
      for (const k of s.keyShares) shares.u16(k.group).vec(2, w().bytes(keyShareFor(m, k.group, k.bytes)));
      return w().vec(2, shares);
    }
    default:
      throw new Error(`no ClientHello encoding for extension ${type}`);
  }
}

function keyShareFor(m: HelloMaterial, group: number, bytes: number): Uint8Array {
  const data = m.keyShare ? m.keyShare(group, bytes) : keyShareData(group, bytes, m.random);
  if (data.length !== bytes) throw new Error(`key share for group ${group} must be ${bytes} bytes`);
  return data;
}

/** Go's hostnameInSNI: no SNI for an IP literal (v4, v6, bracketed, with a zone), trailing dots dropped. */
export function sniName(host: string | undefined): string | undefined {
  if (!host) return undefined;
  let h = host;
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.lastIndexOf('%') > 0) h = h.slice(0, h.lastIndexOf('%'));
  if (isIpLiteral(h)) return undefined;
  return host.replace(/\.+$/, '') || undefined;
}

// net.ParseIP: dotted IPv4 with octets 0–255 and no leading zeros (Go ≥ 1.17), or any IPv6 form (has a colon;
// host names never do).
function isIpLiteral(h: string): boolean {
  if (h.includes(':')) return true;
  const parts = h.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

const MLKEM_Q = 3329;
const MLKEM768_EK = 1184;

/**
 * Key share data of the right length. An ML-KEM part is an encapsulation key whose coefficients are all below q,
 * so a server that runs FIPS 203's input check answers with a ServerHello rather than an alert; X25519 accepts any
 * 32 bytes. Other ECDH parts are random (a server may answer with an alert: that still proves the bytes arrived).
 */
export function keyShareData(group: number, bytes: number, random: (n: number) => Uint8Array): Uint8Array {
  const out = random(bytes);
  if (bytes >= MLKEM768_EK) {
    // X25519MLKEM768 puts ML-KEM first; SecP256r1MLKEM768 and the Kyber draft put the ECDH share first.
    const mlkemAt = group === 0x11ec ? 0 : bytes - MLKEM768_EK;
    if (group === 0x11ec || group === 0x11eb || group === 0x6399) shapeMlkemKey(out, mlkemAt);
  }
  return out;
}

// 3 polynomials × 256 coefficients, 12 bits each, packed two per 3 bytes (FIPS 203 ByteEncode12), then 32 bytes rho.
function shapeMlkemKey(buf: Uint8Array, at: number): void {
  for (let i = at; i < at + 1152; i += 3) {
    const a = (buf[i]! | ((buf[i + 1]! & 0x0f) << 8)) % MLKEM_Q;
    const b = ((buf[i + 1]! >> 4) | (buf[i + 2]! << 4)) % MLKEM_Q;
    buf[i] = a & 0xff;
    buf[i + 1] = (a >> 8) | ((b & 0x0f) << 4);
    buf[i + 2] = b >> 4;
  }
}

/** The kind of the first record a server sent back, or null while more bytes are needed. */
type ServerAnswer =
  | { kind: 'server-hello' }
  | { kind: 'hello-retry' }
  | { kind: 'alert'; level: number; description: number }
  | { kind: 'not-tls' };

// RFC 8446 §4.1.3: a HelloRetryRequest is a ServerHello whose random is SHA-256("HelloRetryRequest").
const HRR_RANDOM = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';

/** Classifies the start of a server's answer; needs at most 43 bytes. */
export function readServerAnswer(b: Uint8Array): ServerAnswer | null {
  if (b.length < 1) return null;
  if (b[0] !== 0x15 && b[0] !== 0x16) return { kind: 'not-tls' };
  if (b.length < 5) return null;
  if (b[1] !== 0x03) return { kind: 'not-tls' };
  if (b[0] === 0x15) return b.length < 7 ? null : { kind: 'alert', level: b[5]!, description: b[6]! };
  if (b.length < 6) return null;
  if (b[5] !== 2) return { kind: 'not-tls' };
  if (b.length < 43) return null;
  const random = Array.from(b.subarray(11, 43), (x) => x.toString(16).padStart(2, '0')).join('');
  return random === HRR_RANDOM ? { kind: 'hello-retry' } : { kind: 'server-hello' };
}
