// Reading stored hashes from tiles, verified against a signed tree head: a port of golang.org/x/mod/sumdb/tlog
// tile.go (tileForIndex, tileParent, HashFromTile, tileHash, Tile.Path, tileHashReader.ReadHashes, Go ≥ 1.20).
// Pure: the hash reader throws TilesNeeded listing the tiles it lacks; the caller fetches them and retries.
import {
  type Hash,
  type HashReader,
  nodeHash,
  sameHash,
  splitStoredHashIndex,
  storedHashIndex,
  subTreeIndex,
} from './tlog.js';
import type { Tree } from './tlog.js';

/** A tile: height H, level L, number N, width W (tlog.Tile). */
export interface Tile {
  h: number;
  l: number;
  n: number;
  w: number;
}

/** Thrown by a tile hash reader when tiles are missing: fetch them (by path) and call again. */
export class TilesNeeded extends Error {
  constructor(readonly tiles: Tile[]) {
    super(`need ${tiles.length} tile(s)`);
    this.name = 'TilesNeeded';
  }
}

const HASH_SIZE = 32;
const pow2 = (k: number): number => 2 ** k;
const shr = (n: number, k: number): number => Math.floor(n / pow2(k));

/** Tile.Path: "tile/H/L/NNN[.p/W]" with N in 3-digit groups, "x" before all but the last. */
export function tilePath(t: Tile): string {
  let n = t.n;
  let s = String(n % 1000).padStart(3, '0');
  while (n >= 1000) {
    n = Math.floor(n / 1000);
    s = `x${String(n % 1000).padStart(3, '0')}/${s}`;
  }
  const p = t.w !== pow2(t.h) ? `.p/${t.w}` : '';
  return `tile/${t.h}/${t.l === -1 ? 'data' : t.l}/${s}${p}`;
}

/** tileForIndex: the smallest tile holding stored hash `index`, and the byte range of the hash in it. */
function tileForIndex(h: number, index: number): { tile: Tile; start: number; end: number } {
  let [level, n] = splitStoredHashIndex(index);
  const l = Math.floor(level / h);
  level -= l * h;
  const tn = shr(n * pow2(level), h);
  n -= shr(tn * pow2(h), level);
  const tile = { h, l, n: tn, w: (n + 1) * pow2(level) };
  return { tile, start: n * pow2(level) * HASH_SIZE, end: (n + 1) * pow2(level) * HASH_SIZE };
}

/** tileParent: the tile k levels up that covers `t` within a tree of n records, or null beyond the tree. */
function tileParent(t: Tile, k: number, n: number): Tile | null {
  const p = { h: t.h, l: t.l + k, n: shr(t.n, k * t.h), w: pow2(t.h) };
  const max = shr(n, p.l * p.h);
  if (p.n * pow2(p.h) + p.w >= max) {
    if (p.n * pow2(p.h) >= max) return null;
    p.w = max - p.n * pow2(p.h);
  }
  return p;
}

/** tileHash: the hash of the subtree whose leaves are the tile's hashes. */
function tileHash(data: Uint8Array): Hash {
  if (data.length === HASH_SIZE) return data;
  const half = data.length / 2;
  return nodeHash(tileHash(data.subarray(0, half)), tileHash(data.subarray(half)));
}

/** HashFromTile: stored hash `index` read from tile `t`'s data. */
function hashFromTile(t: Tile, data: Uint8Array, index: number): Hash {
  if (data.length < t.w * HASH_SIZE) throw new Error(`data len ${data.length} too short for tile ${tilePath(t)}`);
  const f = tileForIndex(t.h, index);
  if (t.l !== f.tile.l || t.n !== f.tile.n || t.w < f.tile.w)
    throw new Error(`index ${index} is in ${tilePath(f.tile)} not ${tilePath(t)}`);
  return tileHash(data.subarray(f.start, f.end));
}

const key = (t: Tile | null): string => (t ? tilePath(t) : '');

/** The tiles ReadHashes needs for `indexes` (tree-head tiles first), and where each index is read. */
function planTiles(tree: Tree, indexes: number[], h: number) {
  const order = new Map<string, number>();
  const tiles: Tile[] = [];
  const add = (t: Tile): number => {
    order.set(key(t), tiles.length);
    tiles.push(t);
    return tiles.length - 1;
  };
  const stx = subTreeIndex(0, tree.n);
  const stxOrder = stx.map((x) => {
    const t = tileParent(tileForIndex(h, x).tile, 0, tree.n)!;
    return order.get(key(t)) ?? add(t);
  });
  const indexOrder = indexes.map((x) => {
    if (x >= storedHashIndex(0, tree.n)) throw new Error('indexes not in tree');
    const tile = tileForIndex(h, x).tile;
    let k = 0;
    while (!order.has(key(tileParent(tile, k, tree.n)))) k++;
    let at = order.get(key(tileParent(tile, 0, tree.n)));
    for (k--; k >= 0; k--) {
      const p = tileParent(tile, k, tree.n)!;
      if (p.w !== pow2(p.h)) throw new Error(`bad math in tileHashReader: ${tree.n} ${x} ${tilePath(p)}`);
      const i = add(p);
      if (k === 0) at = i;
    }
    return at!;
  });
  return { tiles, order, stx, stxOrder, indexOrder };
}

/** Checks the fetched tiles against the tree head and each other (ReadHashes' verification). */
function verifyTiles(tree: Tree, plan: ReturnType<typeof planTiles>, data: Uint8Array[]): void {
  plan.tiles.forEach((t, i) => {
    if (data[i]!.length !== t.w * HASH_SIZE)
      throw new Error(
        `TileReader returned bad result slice (${tilePath(t)} len=${data[i]!.length}, want ${t.w * HASH_SIZE})`,
      );
  });
  let th: Hash | null = null;
  for (let i = plan.stx.length - 1; i >= 0; i--) {
    const j = plan.stxOrder[i]!;
    const h = hashFromTile(plan.tiles[j]!, data[j]!, plan.stx[i]!);
    th = th === null ? h : nodeHash(h, th);
  }
  if (!sameHash(th!, tree.hash)) throw new Error('downloaded inconsistent tile');
  for (let i = plan.stxOrder[plan.stx.length - 1]! + 1; i < plan.tiles.length; i++) {
    const tile = plan.tiles[i]!;
    const p = tileParent(tile, 1, tree.n)!;
    const j = plan.order.get(key(p));
    if (j === undefined) throw new Error(`bad math in tileHashReader ${tree.n}: lost parent of ${tilePath(tile)}`);
    const h = hashFromTile(p, data[j]!, storedHashIndex(p.l * p.h, tile.n));
    if (!sameHash(h, tileHash(data[i]!))) throw new Error('downloaded inconsistent tile');
  }
}

/**
 * tlog.TileHashReader over the tiles fetched so far (keyed by tilePath): reads verified hashes, or throws
 * TilesNeeded with the tiles to fetch, or Go's error when the tiles do not match the signed tree.
 */
export function tileHashReader(tree: Tree, height: number, fetched: ReadonlyMap<string, Uint8Array>): HashReader {
  return (indexes) => {
    if (tree.n === 0) throw new Error('indexes not in tree');
    const plan = planTiles(tree, indexes, height);
    const missing = plan.tiles.filter((t) => !fetched.has(tilePath(t)));
    if (missing.length) throw new TilesNeeded(missing);
    const data = plan.tiles.map((t) => fetched.get(tilePath(t))!);
    verifyTiles(tree, plan, data);
    return indexes.map((x, i) => hashFromTile(plan.tiles[plan.indexOrder[i]!]!, data[plan.indexOrder[i]!]!, x));
  };
}
