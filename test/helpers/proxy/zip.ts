// A tiny zip writer (stored or deflate) for Go module zips: Node 20 has no zlib.crc32, so CRC-32 is ours.
import { deflateRawSync } from 'node:zlib';

/** One file to put into a zip archive. */
export interface ZipFile {
  name: string;
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3, as used by zip and gzip) of a byte array. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// DOS date 1980-01-01 00:00: fixed so that zips (and their h1: hashes) are reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface Entry {
  name: Buffer;
  crc: number;
  method: number;
  size: number;
  csize: number;
  offset: number;
}

function localHeader(e: Entry): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4); // version needed
  h.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.csize, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(e.name.length, 26);
  h.writeUInt16LE(0, 28);
  return h;
}

function centralHeader(e: Entry): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(0x031e, 4); // made by: unix, 3.0
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(e.csize, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attrs: regular file 0644
  h.writeUInt32LE(e.offset, 42);
  return h;
}

/** Builds a zip archive; `deflate` (default true) compresses each file with raw deflate. */
export function buildZip(files: ZipFile[], deflate = true): Buffer {
  const parts: Buffer[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const f of files) {
    const body = deflate ? deflateRawSync(f.data) : Buffer.from(f.data);
    const e: Entry = {
      name: Buffer.from(f.name, 'utf8'),
      crc: crc32(f.data),
      method: deflate ? 8 : 0,
      size: f.data.length,
      csize: body.length,
      offset,
    };
    const lh = localHeader(e);
    parts.push(lh, e.name, body);
    offset += lh.length + e.name.length + body.length;
    entries.push(e);
  }
  const cdStart = offset;
  for (const e of entries) {
    const ch = centralHeader(e);
    parts.push(ch, e.name);
    offset += ch.length + e.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - cdStart, 12);
  end.writeUInt32LE(cdStart, 16);
  parts.push(end);
  return Buffer.concat(parts);
}
