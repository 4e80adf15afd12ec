// The "h1:" hashes of go.sum and the checksum database: a port of golang.org/x/mod/sumdb/dirhash (Hash1, HashZip)
// and of cmd/go/internal/modfetch/fetch.go goModSum (Hash1 over one file named "go.mod").
import { createHash } from 'node:crypto';
import { readZipEntry, type ZipArchive } from '../modzip/zip-reader.js';

/** One file to hash: its name as bytes (Go sorts and prints raw bytes) and a way to read its content. */
interface HashInput {
  name: Uint8Array;
  read(): Uint8Array;
}

const NEWLINE = 0x0a;

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}

/**
 * dirhash.Hash1: "h1:" + base64(SHA-256 of the lines "<hex SHA-256 of content>  <name>\n", names in byte order).
 * Throws Go's error for a name containing a newline, and whatever reading a file throws.
 */
export function hash1(files: HashInput[]): string {
  const sorted = [...files].sort((a, b) => compareBytes(a.name, b.name));
  const summary = createHash('sha256');
  for (const f of sorted) {
    if (f.name.includes(NEWLINE)) throw new Error('dirhash: filenames with newlines are not supported');
    const hex = createHash('sha256').update(f.read()).digest('hex');
    summary.update(`${hex}  `).update(f.name).update('\n');
  }
  return 'h1:' + summary.digest('base64');
}

/**
 * dirhash.HashZip: Hash1 over every entry name of the zip; content read as archive/zip reads it (CRC-32 and sizes
 * checked, so a damaged zip throws ZipError). Duplicate names hash the last entry twice, as Go's map lookup does.
 */
export function hashZip(zip: ZipArchive): string {
  const key = (b: Uint8Array): string => Buffer.from(b).toString('latin1'); // raw bytes, like Go's string keys
  const byName = new Map(zip.entries.map((e) => [key(e.nameBytes), e]));
  return hash1(
    zip.entries.map((e) => ({ name: e.nameBytes, read: () => readZipEntry(zip, byName.get(key(e.nameBytes))!) })),
  );
}

/** goModSum: the "<path> <version>/go.mod h1:…" hash of a go.mod file's bytes. */
export function hashGoMod(goMod: Uint8Array): string {
  return hash1([{ name: new TextEncoder().encode('go.mod'), read: () => goMod }]);
}
