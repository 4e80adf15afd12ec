// The central directory of a zip archive exactly as Go's archive/zip reads it (reader.go: readDirectoryEnd,
// findSignatureInBlock, findDirectory64End, readDirectory64End, readDirectoryHeader with its zip64 extra field).

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

/** A failure with Go's error text. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

/** Record signatures (struct.go). */
export const SIG = { file: 0x04034b50, dir: 0x02014b50, end: 0x06054b50, loc64: 0x07064b50, end64: 0x06064b50 };
const END_LEN = 22;
const DIR_HEADER_LEN = 46;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LOSSY = new TextDecoder('utf-8');

/** Little-endian cursor over a byte range; reading past the end throws ZipError(unexpected EOF). */
export class Buf {
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
export function readDirectoryEnd(data: Uint8Array): { end: DirEnd; baseOffset: number } {
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
export function readDirectoryHeader(b: Buf): ZipEntry {
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
