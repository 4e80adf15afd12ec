// Parses the first TLS record a client sends (its ClientHello) into the shape the ClientHello table records:
// record size, versions, cipher suites, groups, key shares, extensions in order. Used by the middlebox and the
// measurement tests; RFC 8446 §4.1.2 (ClientHello) and §4.2 (extensions) give the layout.

/** The shape of one ClientHello, as measured from a real client. */
export interface ParsedClientHello {
  /** Bytes of the whole first record, 5-byte record header included. */
  recordBytes: number;
  /** legacy_version of the record and of the hello (0x0303 for TLS 1.2-compatible hellos). */
  recordVersion: number;
  legacyVersion: number;
  sessionIdBytes: number;
  cipherSuites: number[];
  compression: number[];
  /** Extension type numbers in the order sent. */
  extensions: number[];
  /** Extension type → length of its data. */
  extensionBytes: Record<number, number>;
  /** supported_versions (43), highest first. */
  versions: number[];
  /** supported_groups (10). */
  groups: number[];
  /** key_share (51): group and key length. */
  keyShares: Array<{ group: number; bytes: number }>;
  /** signature_algorithms (13). */
  signatureAlgorithms: number[];
  /** signature_algorithms_cert (50), when sent. */
  signatureAlgorithmsCert: number[];
  /** application_layer_protocol_negotiation (16). */
  alpn: string[];
  /** server_name (0), when sent. */
  serverName?: string;
}

/** Length of the first record in `buf` (5-byte header included), or null while incomplete/not TLS handshake. */
export function firstRecordLength(buf: Buffer): number | null {
  if (buf.length < 5) return null;
  return 5 + buf.readUInt16BE(3);
}

class Reader {
  constructor(
    private readonly b: Buffer,
    public pos = 0,
  ) {}
  more(): boolean {
    return this.pos < this.b.length;
  }
  u8(): number {
    return this.b.readUInt8(this.pos++);
  }
  u16(): number {
    const v = this.b.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  u24(): number {
    const v = this.b.readUIntBE(this.pos, 3);
    this.pos += 3;
    return v;
  }
  bytes(n: number): Buffer {
    const v = this.b.subarray(this.pos, this.pos + n);
    if (v.length !== n) throw new Error('truncated ClientHello');
    this.pos += n;
    return v;
  }
  u16List(n: number): number[] {
    const out: number[] = [];
    const r = new Reader(this.bytes(n));
    while (r.pos < n) out.push(r.u16());
    return out;
  }
}

/** Parses a record holding a complete ClientHello; throws on anything else. */
export function parseClientHello(record: Buffer): ParsedClientHello {
  const r = new Reader(record);
  if (r.u8() !== 0x16) throw new Error('not a TLS handshake record');
  const recordVersion = r.u16();
  const recordBytes = 5 + r.u16();
  if (r.u8() !== 1) throw new Error('not a ClientHello');
  r.u24();
  const legacyVersion = r.u16();
  r.bytes(32);
  const sessionIdBytes = r.u8();
  r.bytes(sessionIdBytes);
  const cipherSuites = r.u16List(r.u16());
  const compression = [...r.bytes(r.u8())];
  const hello: ParsedClientHello = {
    recordBytes,
    recordVersion,
    legacyVersion,
    sessionIdBytes,
    cipherSuites,
    compression,
    extensions: [],
    extensionBytes: {},
    versions: [],
    groups: [],
    keyShares: [],
    signatureAlgorithms: [],
    signatureAlgorithmsCert: [],
    alpn: [],
  };
  const ext = new Reader(r.bytes(r.u16()));
  while (ext.more()) {
    const type = ext.u16();
    const data = ext.bytes(ext.u16());
    hello.extensions.push(type);
    hello.extensionBytes[type] = data.length;
    readExtension(hello, type, new Reader(data));
  }
  return hello;
}

function readExtension(h: ParsedClientHello, type: number, d: Reader): void {
  switch (type) {
    case 0: {
      d.u16();
      d.u8();
      h.serverName = d.bytes(d.u16()).toString('latin1');
      return;
    }
    case 10:
      h.groups = d.u16List(d.u16());
      return;
    case 13:
      h.signatureAlgorithms = d.u16List(d.u16());
      return;
    case 50:
      h.signatureAlgorithmsCert = d.u16List(d.u16());
      return;
    case 16: {
      const all = new Reader(d.bytes(d.u16()));
      while (all.more()) h.alpn.push(all.bytes(all.u8()).toString('latin1'));
      return;
    }
    case 43: {
      const n = d.u8();
      for (let i = 0; i < n; i += 2) h.versions.push(d.u16());
      return;
    }
    case 51: {
      const all = new Reader(d.bytes(d.u16()));
      while (all.more()) h.keyShares.push({ group: all.u16(), bytes: all.bytes(all.u16()).length });
      return;
    }
  }
}
