// go.sum hashes computed exactly like Go: port of golang.org/x/mod/sumdb/dirhash Hash1 (x/mod/sumdb/dirhash/hash.go).
import { createHash } from 'node:crypto';

/** One named file for hashing. */
export interface HashFile {
  name: string;
  data: Uint8Array;
}

/**
 * Hash1: sha256 over sorted lines "<sha256 hex>  <name>\n", base64, prefixed "h1:".
 * Names are sorted by byte order (Go's sort.Strings) and must not contain newlines.
 */
export function hash1(files: HashFile[]): string {
  const sorted = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const summary = createHash('sha256');
  for (const f of sorted) {
    if (f.name.includes('\n'))
      throw new Error(`dirhash: filenames with newlines are not supported: ${JSON.stringify(f.name)}`);
    const fileHash = createHash('sha256').update(f.data).digest('hex');
    summary.update(`${fileHash}  ${f.name}\n`);
  }
  return 'h1:' + summary.digest('base64');
}

/** The `<module> <version>/go.mod h1:…` hash: Hash1 over a single file named "go.mod" (modfetch.HashGoMod). */
export function hashGoMod(goMod: Uint8Array): string {
  return hash1([{ name: 'go.mod', data: goMod }]);
}
