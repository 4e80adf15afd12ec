// Transparent-log hashing and tiles: a port of the parts of golang.org/x/mod/sumdb/tlog a server needs
// (x/mod/sumdb/tlog/tlog.go RecordHash/NodeHash/TreeHash, tile.go tile paths).
import { createHash } from 'node:crypto';

/** Tile height used by the go command's client (client.go: tileHeight = 8). */
export const TILE_HEIGHT = 8;

/** RecordHash: SHA-256(0x00 ‖ data). */
export function recordHash(data: Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(data)
    .digest();
}

/** NodeHash: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

/** An immutable Merkle tree over record hashes with memoised complete-subtree hashes. */
export class HashTree {
  private readonly memo = new Map<string, Buffer>();
  constructor(private readonly leaves: Buffer[]) {}

  /** Number of records. */
  get size(): number {
    return this.leaves.length;
  }

  /** Hash of the complete subtree at `level` (2^level leaves) with index `n`; requires it to be inside the tree. */
  subtree(level: number, n: number): Buffer {
    if (level === 0) return this.leaves[n]!;
    const k = `${level}:${n}`;
    let h = this.memo.get(k);
    if (!h) {
      h = nodeHash(this.subtree(level - 1, 2 * n), this.subtree(level - 1, 2 * n + 1));
      this.memo.set(k, h);
    }
    return h;
  }

  /** TreeHash of the first `size` records: complete subtrees left to right, folded right to left. */
  treeHash(size: number = this.size): Buffer {
    if (size === 0) return createHash('sha256').digest();
    const parts: Buffer[] = [];
    let start = 0;
    for (let level = 52; level >= 0; level--) {
      const width = 2 ** level;
      if (size - start >= width) {
        parts.push(this.subtree(level, start / width));
        start += width;
      }
    }
    let h = parts[parts.length - 1]!;
    for (let i = parts.length - 2; i >= 0; i--) h = nodeHash(parts[i]!, h);
    return h;
  }

  /** Concatenated hashes of tile (H, L, N, W): W hashes at tree level L*H from index N*2^H; null if beyond the tree. */
  tile(h: number, l: number, n: number, w: number): Buffer | null {
    const level = l * h;
    const first = n * 2 ** h;
    if ((first + w) * 2 ** level > this.size) return null;
    const out: Buffer[] = [];
    for (let i = 0; i < w; i++) out.push(this.subtree(level, first + i));
    return Buffer.concat(out);
  }
}

/** A parsed tile path: L = -1 for record data tiles. */
export interface TileRef {
  h: number;
  l: number;
  n: number;
  w: number;
}

/** Parses "tile/8/0/x001/234.p/5" (tile.go ParseTilePath); null if malformed. */
export function parseTilePath(path: string): TileRef | null {
  const f = path.split('/');
  if (f.length < 4 || f[0] !== 'tile') return null;
  const h = Number(f[1]);
  const l = f[2] === 'data' ? -1 : /^\d+$/.test(f[2]!) ? Number(f[2]) : NaN;
  if (!/^\d+$/.test(f[1]!) || h < 1 || h > 30 || Number.isNaN(l)) return null;
  let groups = f.slice(3);
  let w = 2 ** h;
  const last2 = groups[groups.length - 2];
  if (groups.length >= 2 && last2?.endsWith('.p')) {
    w = Number(groups[groups.length - 1]);
    if (!/^\d+$/.test(groups[groups.length - 1]!) || w < 1 || w >= 2 ** h) return null;
    groups = [...groups.slice(0, -2), last2.slice(0, -2)];
  }
  let n = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    const want = i < groups.length - 1 ? /^x\d{3}$/ : /^\d{3}$/;
    if (!want.test(g)) return null;
    n = n * 1000 + Number(g.replace('x', ''));
  }
  return { h, l, n, w };
}

/** Formats a tile path (tile.go Tile.Path): N in 3-digit groups, "x" on non-final groups, ".p/W" when partial. */
export function formatTilePath(t: TileRef): string {
  let s = String(t.n).padStart(3, '0');
  const groups: string[] = [];
  while (s.length > 3) {
    groups.unshift(s.slice(-3));
    s = s.slice(0, -3);
  }
  groups.unshift(s.padStart(3, '0'));
  const nStr = groups.map((g, i) => (i < groups.length - 1 ? 'x' + g : g)).join('/');
  const partial = t.w !== 2 ** t.h ? `.p/${t.w}` : '';
  return `tile/${t.h}/${t.l === -1 ? 'data' : t.l}/${nStr}${partial}`;
}
