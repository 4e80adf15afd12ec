// Reading a zip archive exactly as Go's archive/zip does (reader.go: readDirectoryEnd, Reader.init,
// readDirectoryHeader, File.Open, checksumReader.Read, readDataDescriptor), so that the names, declared sizes and
// checksum failures we see are the ones `go` sees. Pure: node:zlib only inflates and computes CRC-32.
// Not a library (fflate): its unzip keys entries by name (duplicates vanish) and verifies neither CRC-32 nor the
// declared sizes, all of which Go checks.
import { crc32, inflateRawSync } from 'node:zlib';

/** Go's archive/zip errors, with their exact texts. */
export const ZIP_ERRORS = {
  format: 'zip: not a valid zip file',
  algorithm: 'zip: unsupported compression algorithm',
  checksum: 'zip: checksum error',
  unexpectedEof: 'unexpected EOF',
} as const;

/** One central-directory entry (archive/zip File / FileHeader). */
export interface ZipEntry {
  /** The name decoded as UTF-8 (invalid bytes become U+FFFD; see nameIsUtf8). */
  name: string;
  /** The raw name bytes (Go's string(d[:filenameLen])): what dirhash hashes and sorts. */
  nameBytes: Uint8Array;
  nameIsUtf8: boolean;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local file header, base offset included. */
  headerOffset: number;
}

/** A parsed archive: the entries in central-directory order, over the archive bytes. */
export interface ZipArchive {
  data: Uint8Array;
  entries: ZipEntry[];
}

/** A failure with Go's error text. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const SIG = { file: 0x04034b50, dir: 0x02014b50, end: 0x06054b50, loc64: 0x07064b50, end64: 0x06064b50 };
const DATA_DESCRIPTOR_SIG = 0x08074b50;
const END_LEN = 22;
const DIR_HEADER_LEN = 46;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LOSSY = new TextDecoder('utf-8');

/** Little-endian cursor over a byte range; reading past the end throws ZipError(unexpected EOF). */
class Buf {
  constructor(
    private readonly b: Uint8Array,
    public pos: number,
    private readonly end: number = b.length,
  ) {}
  get left(): number {
    return this.end - this.pos;
  }
  private need(n: number): void {
    if (this.pos + n > this.end) throw new ZipError(ZIP_ERRORS.unexpectedEof);
  }
  u16(): number {
    this.need(2);
    const v = this.b[this.pos]! | (this.b[this.pos + 1]! << 8);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = (this.b[this.pos]! | (this.b[this.pos + 1]! << 8) | (this.b[this.pos + 2]! << 16)) >>> 0;
    const w = v + this.b[this.pos + 3]! * 0x1000000;
    this.pos += 4;
    return w;
  }
  u64(): number {
    const lo = this.u32();
    return lo + this.u32() * 0x100000000; // beyond 2^53 loses precision: such sizes fail the limits anyway
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const s = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
}

/** findSignatureInBlock: the last end-of-directory signature whose comment fits, else -1. */
function findSignatureInBlock(b: Uint8Array): number {
  for (let i = b.length - END_LEN; i >= 0; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      const n = b[i + END_LEN - 2]! | (b[i + END_LEN - 1]! << 8);
      return n + END_LEN + i > b.length ? -1 : i; // a truncated comment ends the search, as in Go
    }
  }
  return -1;
}

interface DirEnd {
  records: number;
  size: number;
  offset: number;
}

/** readDirectoryEnd: locates the central directory (zip64 aware) and the archive's base offset. */
function readDirectoryEnd(data: Uint8Array): { end: DirEnd; baseOffset: number } {
  let endOffset = -1;
  for (const len of [1024, 65 * 1024]) {
    const bLen = Math.min(len, data.length);
    const p = findSignatureInBlock(data.subarray(data.length - bLen));
    if (p >= 0) {
      endOffset = data.length - bLen + p;
      break;
    }
    if (bLen === data.length) break;
  }
  if (endOffset < 0) throw new ZipError(ZIP_ERRORS.format);
  const b = new Buf(data, endOffset + 4);
  b.u16(); // disk number
  b.u16(); // directory disk number
  b.u16(); // records on this disk
  const end: DirEnd = { records: b.u16(), size: b.u32(), offset: b.u32() };
  if (b.u16() > b.left) throw new ZipError('zip: invalid comment length');
  // Go 1.26 tests directorySize == 0xffff here (1.19 and 1.27: 0xffffffff); either way a missing zip64 locator
  // leaves the values as they are, so the difference only costs a look-up.
  if (end.records === 0xffff || end.size === 0xffff || end.size === 0xffffffff || end.offset === 0xffffffff) {
    const p = findDirectory64End(data, endOffset);
    if (p >= 0) {
      endOffset = p;
      readDirectory64End(data, p, end);
    }
  }
  let baseOffset = endOffset - end.size - end.offset;
  const o = baseOffset + end.offset;
  if (o < 0 || o >= data.length) throw new ZipError(ZIP_ERRORS.format);
  // Some writers record a wrong base offset: if a directory header sits at the plain offset, use 0.
  if (baseOffset > 0 && isDirectoryHeaderAt(data, end.offset)) baseOffset = 0;
  return { end, baseOffset };
}

function isDirectoryHeaderAt(data: Uint8Array, offset: number): boolean {
  try {
    readDirectoryHeader(new Buf(data, offset));
    return true;
  } catch {
    return false;
  }
}

/** findDirectory64End: offset of the zip64 end record from the locator just before the end record, or -1. */
function findDirectory64End(data: Uint8Array, endOffset: number): number {
  const loc = endOffset - 20;
  if (loc < 0) return -1;
  const b = new Buf(data, loc);
  if (b.u32() !== SIG.loc64 || b.u32() !== 0) return -1;
  const p = b.u64();
  return b.u32() === 1 ? p : -1;
}

function readDirectory64End(data: Uint8Array, offset: number, end: DirEnd): void {
  const b = new Buf(data, offset);
  if (b.u32() !== SIG.end64) throw new ZipError(ZIP_ERRORS.format);
  b.bytes(12 + 8); // record size, versions, disk numbers
  b.u64(); // records on this disk
  end.records = b.u64();
  end.size = b.u64();
  end.offset = b.u64();
}

/** readDirectoryHeader: one central-directory record; ZipError(format) when the signature is wrong. */
function readDirectoryHeader(b: Buf): ZipEntry {
  if (b.left < DIR_HEADER_LEN) throw new ZipError(ZIP_ERRORS.unexpectedEof);
  if (b.u32() !== SIG.dir) throw new ZipError(ZIP_ERRORS.format);
  b.u16(); // creator version
  b.u16(); // reader version
  const flags = b.u16();
  const method = b.u16();
  b.u32(); // modified time and date
  const crc = b.u32();
  const compressedSize = b.u32();
  const uncompressedSize = b.u32();
  const [nameLen, extraLen, commentLen] = [b.u16(), b.u16(), b.u16()];
  b.bytes(4); // disk number start, internal attributes
  b.u32(); // external attributes
  const headerOffset = b.u32();
  const nameBytes = b.bytes(nameLen);
  const extra = b.bytes(extraLen);
  b.bytes(commentLen);
  const entry: ZipEntry = {
    ...decodeName(nameBytes),
    nameBytes,
    flags,
    method,
    crc32: crc,
    compressedSize,
    uncompressedSize,
    headerOffset,
  };
  applyZip64Extra(entry, extra);
  return entry;
}

function decodeName(bytes: Uint8Array): { name: string; nameIsUtf8: boolean } {
  try {
    return { name: UTF8.decode(bytes), nameIsUtf8: true };
  } catch {
    return { name: UTF8_LOSSY.decode(bytes), nameIsUtf8: false };
  }
}

/** The zip64 extra field replaces the 32-bit values that are maxed out (golang.org/issue/13367). */
function applyZip64Extra(e: ZipEntry, extra: Uint8Array): void {
  let needU = e.uncompressedSize === 0xffffffff;
  let needC = e.compressedSize === 0xffffffff;
  let needOff = e.headerOffset === 0xffffffff;
  const x = new Buf(extra, 0);
  while (x.left >= 4) {
    const tag = x.u16();
    const size = x.u16();
    if (x.left < size) break;
    const field = new Buf(x.bytes(size), 0);
    if (tag !== 0x0001) continue;
    const take = (): number => {
      if (field.left < 8) throw new ZipError(ZIP_ERRORS.format);
      return field.u64();
    };
    if (needU) [needU, e.uncompressedSize] = [false, take()];
    if (needC) [needC, e.compressedSize] = [false, take()];
    if (needOff) [needOff, e.headerOffset] = [false, take()];
  }
  // Go 1.26 rejects maxed-out sizes/offsets without a zip64 field (Go 1.19 and 1.27 keep the 32-bit values).
  if (needC || needOff) throw new ZipError(ZIP_ERRORS.format);
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
