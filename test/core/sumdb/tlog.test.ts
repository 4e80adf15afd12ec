// The tlog client port against the server-side tree of test/helpers/tlog.ts (whose tiles and notes the real go
// accepts): tree hashes read from tiles, record and tree proofs for every leaf and prefix, and tampering detected.
import { describe, expect, it } from 'vitest';
import {
  checkRecord,
  checkTree,
  proveRecord,
  proveTree,
  recordHash,
  splitStoredHashIndex,
  storedHashIndex,
  treeHash,
  type HashReader,
} from '../../../src/core/sumdb/tlog.js';
import { tileHashReader, tilePath, TilesNeeded, type Tile } from '../../../src/core/sumdb/tile-reader.js';
import { HashTree, formatTilePath } from '../../helpers/tlog.js';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(recordHash(Buffer.from(`leaf ${i}`))));

/** Reads through tiles the way the client does: ask, fetch what TilesNeeded lists from the tree, ask again. */
function withTiles<T>(tree: HashTree, size: number, h: number, compute: (r: HashReader) => T, tamper?: string): T {
  const fetched = new Map<string, Uint8Array>();
  const head = { n: size, hash: tree.treeHash(size) };
  for (let round = 0; round < 5; round++) {
    try {
      return compute(tileHashReader(head, h, fetched));
    } catch (err) {
      if (!(err instanceof TilesNeeded)) throw err;
      for (const t of err.tiles) {
        const data = Buffer.from(tree.tile(t.h, t.l, t.n, t.w)!);
        if (tilePath(t) === tamper) data[0]! ^= 1;
        fetched.set(tilePath(t), data);
      }
    }
  }
  throw new Error('tiles never sufficed');
}

describe('tlog port', () => {
  it('storedHashIndex and splitStoredHashIndex are inverse', () => {
    for (let level = 0; level < 5; level++)
      for (let n = 0; n < 50; n++) expect(splitStoredHashIndex(storedHashIndex(level, n))).toEqual([level, n]);
  });

  it("tile paths are Go's (Tile.Path)", () => {
    for (const t of [
      { h: 8, l: 0, n: 0, w: 256 },
      { h: 8, l: 0, n: 1234067, w: 5 },
      { h: 8, l: 1, n: 999, w: 256 },
    ] satisfies Tile[])
      expect(tilePath(t)).toBe(formatTilePath(t));
    expect(tilePath({ h: 8, l: 0, n: 1234067, w: 5 })).toBe('tile/8/0/x001/x234/067.p/5');
  });

  it.each([2, 8])('tree hashes, record proofs and tree proofs through tiles of height %i', (h) => {
    const all = leaves(70);
    const tree = new HashTree(all);
    for (const size of [1, 2, 3, 7, 8, 9, 33, 64, 70]) {
      const th = tree.treeHash(size);
      expect(Buffer.from(withTiles(tree, size, h, (r) => treeHash(size, r)))).toEqual(th);
      for (const n of [0, 1, size - 1, Math.floor(size / 2)].filter((x) => x < size)) {
        const p = withTiles(tree, size, h, (r) => proveRecord(size, n, r));
        expect(() => checkRecord(p, size, th, n, all[n]!)).not.toThrow();
        expect(() => checkRecord(p, size, th, n, all[(n + 1) % 70]!)).toThrow('invalid transparency proof');
        for (const old of [1, n + 1, size].filter((x) => x <= size)) {
          const tp = withTiles(tree, size, h, (r) => proveTree(size, old, r));
          expect(() => checkTree(tp, size, th, old, tree.treeHash(old))).not.toThrow();
          if (old < size) expect(() => checkTree(tp, size, th, old, tree.treeHash(size))).toThrow();
        }
      }
    }
  });

  it('a tampered tile is "downloaded inconsistent tile", a record outside the tree is refused', () => {
    const tree = new HashTree(leaves(20));
    expect(() =>
      withTiles(tree, 20, 2, (r) => r([storedHashIndex(0, 5)]), tilePath({ h: 2, l: 0, n: 1, w: 4 })),
    ).toThrow('downloaded inconsistent tile');
    expect(() => withTiles(tree, 20, 2, (r) => r([storedHashIndex(0, 20)]))).toThrow('indexes not in tree');
  });
});
