// Reading a zip archive exactly as Go's archive/zip does (reader.go: readDirectoryEnd, Reader.init,
// readDirectoryHeader, File.Open, checksumReader.Read, readDataDescriptor), so that the names, declared sizes and
// checksum failures we see are the ones `go` sees. Pure: node:zlib only inflates and computes CRC-32.
// Not a library (fflate): its unzip keys entries by name (duplicates vanish) and verifies neither CRC-32 nor the
// declared sizes, all of which Go checks.
import { crc32, inflateRawSync } from 'node:zlib';
import {
  Buf,
  readDirectoryEnd,
  readDirectoryHeader,
  SIG,
  ZIP_ERRORS,
  ZipError,
  type ZipEntry,
} from './zip-directory.js';

export { ZipError } from './zip-directory.js';

const DATA_DESCRIPTOR_SIG = 0x08074b50;

/** A parsed archive: the entries in central-directory order, over the archive bytes. */
export interface ZipArchive {
  data: Uint8Array;
  entries: ZipEntry[];
}

/** zip.NewReader: parses the central directory; ZipError with Go's text when the archive is not valid. */
export function readZip(data: Uint8Array): ZipArchive {
  const { end, baseOffset } = readDirectoryEnd(data);
  const b = new Buf(data, baseOffset + end.offset);
  const entries: ZipEntry[] = [];
  let stop: ZipError | null = null;
  // The file count is truncated to 16 bits: read until a bad header, then compare modulo 65536 (Reader.init).
  while (stop === null) {
    try {
      const e = readDirectoryHeader(b);
      e.headerOffset += baseOffset;
      entries.push(e);
    } catch (err) {
      stop = err instanceof ZipError ? err : new ZipError(ZIP_ERRORS.format);
    }
  }
  if ((entries.length & 0xffff) !== (end.records & 0xffff)) throw stop;
  return { data, entries };
}

/** File.Open + reading to the end: the entry's content, or ZipError with the error Go's reader returns. */
export function readZipEntry(zip: ZipArchive, e: ZipEntry): Uint8Array {
  const body = bodyOffset(zip.data, e);
  if (e.name.endsWith('/')) {
    // Directories must not carry data (Go ≥ 1.20; Go 1.19 read it like a file).
    if (e.uncompressedSize !== 0) throw new ZipError(ZIP_ERRORS.format);
    return new Uint8Array(0);
  }
  if (e.method !== 0 && e.method !== 8) throw new ZipError(ZIP_ERRORS.algorithm);
  const start = e.headerOffset + body;
  const raw = zip.data.subarray(Math.min(start, zip.data.length), Math.min(start + e.compressedSize, zip.data.length));
  const out = e.method === 0 ? raw : inflate(raw, e.uncompressedSize);
  if (out.length > e.uncompressedSize) throw new ZipError(ZIP_ERRORS.format);
  if (out.length !== e.uncompressedSize) throw new ZipError(ZIP_ERRORS.unexpectedEof);
  const sum = crc32(out) >>> 0;
  if (e.flags & 0x8) {
    if (readDescriptorCrc(zip.data, start + e.compressedSize) !== e.crc32) throw new ZipError(ZIP_ERRORS.checksum);
    if (sum !== e.crc32) throw new ZipError(ZIP_ERRORS.checksum);
  } else if (e.crc32 !== 0 && sum !== e.crc32) throw new ZipError(ZIP_ERRORS.checksum);
  return out;
}

/** findBodyOffset: the local header must be there; its own name and extra lengths give the data offset. */
function bodyOffset(data: Uint8Array, e: ZipEntry): number {
  if (e.headerOffset + 30 > data.length) throw new ZipError('EOF');
  const b = new Buf(data, e.headerOffset);
  if (b.u32() !== SIG.file) throw new ZipError(ZIP_ERRORS.format);
  b.bytes(22);
  return 30 + b.u16() + b.u16();
}

/** Inflates at most declared+1 bytes: more than declared is ErrFormat in Go, and must not exhaust memory. */
function inflate(raw: Uint8Array, declared: number): Uint8Array {
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, declared + 1) });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError(ZIP_ERRORS.format);
    if (code === 'Z_BUF_ERROR') throw new ZipError(ZIP_ERRORS.unexpectedEof); // truncated stream
    throw new ZipError(`flate: corrupt input (${(err as Error).message})`);
  }
}

/** readDataDescriptor: the CRC-32 it records (its signature is optional); a short read is unexpected EOF. */
function readDescriptorCrc(data: Uint8Array, offset: number): number {
  const b = new Buf(data, offset, Math.min(data.length, offset + 16));
  const first = b.u32();
  const crc = first === DATA_DESCRIPTOR_SIG ? b.u32() : first;
  b.bytes(8); // the two sizes: ignored, the central directory has them
  return crc;
}
