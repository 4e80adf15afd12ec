// Zip archives with the variations real writers produce (stored or deflated entries, data descriptors, directory
// entries, raw non-UTF-8 names, wrong CRC-32 or sizes), to test the zip reader and Go's module-zip rules against
// the real `go`. The fault proxy's buildZip (proxy/zip.ts) writes only the one clean layout Go itself writes.
import { crc32, deflateRawSync } from 'node:zlib';

/** One entry to write. */
export interface VariantEntry {
  /** Entry name; a Uint8Array is written as raw bytes (e.g. invalid UTF-8). */
  name: string | Uint8Array;
  data?: Uint8Array | string;
  /** Compression method: 0 stored, 8 deflate (default 8). */
  method?: 0 | 8;
  /** Write CRC-32 and sizes in a data descriptor after the data (flag bit 3). */
  descriptor?: boolean;
  /** Override the CRC-32 recorded in the headers. */
  crc?: number;
  /** Override the uncompressed size recorded in the headers. */
  declaredSize?: number;
}

const u16 = (v: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v);
  return b;
};
const u32 = (v: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};

/** Builds a zip archive from `entries`, in order. */
export function buildVariantZip(entries: VariantEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name);
    const data = Buffer.from(typeof e.data === 'string' ? Buffer.from(e.data) : (e.data ?? new Uint8Array(0)));
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const crc = e.crc ?? crc32(data);
    const size = e.declaredSize ?? data.length;
    const flags = 0x0800 | (e.descriptor ? 0x8 : 0);
    const sizes = e.descriptor ? [0, 0, 0] : [crc, body.length, size];
    const common = [u16(20), u16(flags), u16(method), u16(0), u16(0x21)];
    const local = Buffer.concat([u32(0x04034b50), ...common, ...sizes.map(u32), u16(name.length), u16(0), name]);
    const desc = e.descriptor
      ? Buffer.concat([u32(0x08074b50), u32(crc), u32(body.length), u32(size)])
      : Buffer.alloc(0);
    parts.push(local, body, desc);
    const cd = [u32(0x02014b50), u16(0x031e), ...common, u32(crc), u32(body.length), u32(size), u16(name.length)];
    central.push(Buffer.concat([...cd, u16(0), u16(0), u16(0), u16(0), u32(0o100644 << 16), u32(offset), name]));
    offset += local.length + body.length + desc.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length)]);
  return Buffer.concat([...parts, cd, end, u32(cd.length), u32(offset), u16(0)]);
}
