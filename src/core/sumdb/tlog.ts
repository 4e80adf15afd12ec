// The transparent log of the Go checksum database: a port of golang.org/x/mod/sumdb/tlog/tlog.go (RecordHash,
// NodeHash, StoredHashIndex, TreeHash, ProveRecord/CheckRecord, ProveTree/CheckTree). Indexes and sizes are
// JavaScript numbers (exact below 2^53: billions of records), so shifts are written as powers of two.
import { createHash } from 'node:crypto';

/** A 32-byte SHA-256 hash. */
export type Hash = Uint8Array;

/** Reads stored hashes by index (tlog.HashReader); throws when it cannot. */
export type HashReader = (indexes: number[]) => Hash[];

/** A signed tree head: size and root hash. */
export interface Tree {
  n: number;
  hash: Hash;
}

/** tlog's error for a proof that does not verify. */
const PROOF_FAILED = 'invalid transparency proof';

/** RecordHash: SHA-256(0x00 ‖ data). */
export function recordHash(data: Uint8Array): Hash {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(data)
    .digest();
}

/** NodeHash: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

/** Whether two hashes are equal. */
export function sameHash(a: Hash, b: Hash): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

const pow2 = (k: number): number => 2 ** k;
const shr = (n: number, k: number): number => Math.floor(n / pow2(k));

/** maxpow2: the largest power of two k < n (n > 1), with its exponent. */
function maxpow2(n: number): [number, number] {
  let l = 0;
  while (pow2(l + 1) < n) l++;
  return [pow2(l), l];
}

/** StoredHashIndex: where the hash of subtree (level, n) sits in the stored sequence. */
export function storedHashIndex(level: number, n: number): number {
  for (let l = level; l > 0; l--) n = 2 * n + 1;
  let i = 0;
  for (; n > 0; n = shr(n, 1)) i += n;
  return i + level;
}

/** SplitStoredHashIndex: the inverse of storedHashIndex. */
export function splitStoredHashIndex(index: number): [number, number] {
  let n = Math.floor(index / 2);
  let indexN = storedHashIndex(0, n);
  for (;;) {
    const x = indexN + 1 + trailingZeros(n + 1);
    if (x > index) break;
    n++;
    indexN = x;
  }
  const level = index - indexN;
  return [level, shr(n, level)];
}

function trailingZeros(n: number): number {
  let z = 0;
  while (n > 0 && n % 2 === 0) [n, z] = [n / 2, z + 1];
  return z;
}

/** subTreeIndex: stored indexes of the complete subtrees covering [lo, hi). */
export function subTreeIndex(lo: number, hi: number, need: number[] = []): number[] {
  while (lo < hi) {
    const [k, level] = maxpow2(hi - lo + 1);
    need.push(storedHashIndex(level, shr(lo, level)));
    lo += k;
  }
  return need;
}

/** subTreeHash: folds the hashes of subTreeIndex(lo, hi) right to left; returns [hash, rest]. */
function subTreeHash(lo: number, hi: number, hashes: Hash[]): [Hash, Hash[]] {
  let numTree = 0;
  while (lo < hi) {
    lo += maxpow2(hi - lo + 1)[0];
    numTree++;
  }
  let h = hashes[numTree - 1]!;
  for (let i = numTree - 2; i >= 0; i--) h = nodeHash(hashes[i]!, h);
  return [h, hashes.slice(numTree)];
}

function readExactly(r: HashReader, indexes: number[]): Hash[] {
  const hashes = r(indexes);
  if (hashes.length !== indexes.length)
    throw new Error(`tlog: ReadHashes(${indexes.length} indexes) = ${hashes.length} hashes`);
  return hashes;
}

const EMPTY_HASH = createHash('sha256').digest();

/** TreeHash: the root hash of the first n records (Go ≥ 1.20: SHA-256 of nothing for n = 0; Go 1.19: zeros). */
export function treeHash(n: number, r: HashReader): Hash {
  if (n === 0) return EMPTY_HASH;
  const indexes = subTreeIndex(0, n);
  return subTreeHash(0, n, readExactly(r, indexes))[0];
}

function leafProofIndex(lo: number, hi: number, n: number, need: number[]): number[] {
  if (lo + 1 === hi) return need;
  const [k] = maxpow2(hi - lo);
  if (n < lo + k) return subTreeIndex(lo + k, hi, leafProofIndex(lo, lo + k, n, need));
  return leafProofIndex(lo + k, hi, n, subTreeIndex(lo, lo + k, need));
}

type Proof = [proof: Hash[], rest: Hash[]];

/**
 * The step leafProof and treeProof share (tlog.go): split at the largest power of two below hi - lo, prove in the half
 * `inLeft` picks for its midpoint, and append the other half's hash.
 */
function halfProof(
  lo: number,
  hi: number,
  hashes: Hash[],
  inLeft: (mid: number) => boolean,
  prove: (lo: number, hi: number, hashes: Hash[]) => Proof,
): Proof {
  const [k] = maxpow2(hi - lo);
  let p: Hash[];
  let th: Hash;
  if (inLeft(lo + k)) {
    [p, hashes] = prove(lo, lo + k, hashes);
    [th, hashes] = subTreeHash(lo + k, hi, hashes);
  } else {
    [th, hashes] = subTreeHash(lo, lo + k, hashes);
    [p, hashes] = prove(lo + k, hi, hashes);
  }
  return [[...p, th], hashes];
}

function leafProof(lo: number, hi: number, n: number, hashes: Hash[]): Proof {
  if (lo + 1 === hi) return [[], hashes];
  return halfProof(
    lo,
    hi,
    hashes,
    (mid) => n < mid,
    (a, b, h) => leafProof(a, b, n, h),
  );
}

/** ProveRecord: the proof that record n is in the tree of size t. */
export function proveRecord(t: number, n: number, r: HashReader): Hash[] {
  if (t < 0 || n < 0 || n >= t) throw new Error('tlog: invalid inputs in ProveRecord');
  const indexes = leafProofIndex(0, t, n, []);
  if (indexes.length === 0) return [];
  return leafProof(0, t, n, readExactly(r, indexes))[0];
}

function runRecordProof(p: Hash[], lo: number, hi: number, n: number, leaf: Hash): Hash {
  if (lo + 1 === hi) {
    if (p.length !== 0) throw new Error(PROOF_FAILED);
    return leaf;
  }
  if (p.length === 0) throw new Error(PROOF_FAILED);
  const [k] = maxpow2(hi - lo);
  const last = p[p.length - 1]!;
  if (n < lo + k) return nodeHash(runRecordProof(p.slice(0, -1), lo, lo + k, n, leaf), last);
  return nodeHash(last, runRecordProof(p.slice(0, -1), lo + k, hi, n, leaf));
}

/** CheckRecord: verifies that h is record n of the tree (t, th); throws PROOF_FAILED otherwise. */
export function checkRecord(p: Hash[], t: number, th: Hash, n: number, h: Hash): void {
  if (t < 0 || n < 0 || n >= t) throw new Error('tlog: invalid inputs in CheckRecord');
  if (!sameHash(runRecordProof(p, 0, t, n, h), th)) throw new Error(PROOF_FAILED);
}

function treeProofIndex(lo: number, hi: number, n: number, need: number[]): number[] {
  if (n === hi) return lo === 0 ? need : subTreeIndex(lo, hi, need);
  const [k] = maxpow2(hi - lo);
  if (n <= lo + k) return subTreeIndex(lo + k, hi, treeProofIndex(lo, lo + k, n, need));
  return treeProofIndex(lo + k, hi, n, subTreeIndex(lo, lo + k, need));
}

function treeProof(lo: number, hi: number, n: number, hashes: Hash[]): Proof {
  if (n === hi) {
    if (lo === 0) return [[], hashes];
    const [th, rest] = subTreeHash(lo, hi, hashes);
    return [[th], rest];
  }
  return halfProof(
    lo,
    hi,
    hashes,
    (mid) => n <= mid,
    (a, b, h) => treeProof(a, b, n, h),
  );
}

/** ProveTree: the proof that the tree of size t contains the tree of size n as a prefix. */
export function proveTree(t: number, n: number, r: HashReader): Hash[] {
  if (t < 1 || n < 1 || n > t) throw new Error('tlog: invalid inputs in ProveTree');
  const indexes = treeProofIndex(0, t, n, []);
  if (indexes.length === 0) return [];
  return treeProof(0, t, n, readExactly(r, indexes))[0];
}

function runTreeProof(p: Hash[], lo: number, hi: number, n: number, old: Hash): [Hash, Hash] {
  if (n === hi) {
    if (lo === 0) {
      if (p.length !== 0) throw new Error(PROOF_FAILED);
      return [old, old];
    }
    if (p.length !== 1) throw new Error(PROOF_FAILED);
    return [p[0]!, p[0]!];
  }
  if (p.length === 0) throw new Error(PROOF_FAILED);
  const [k] = maxpow2(hi - lo);
  const last = p[p.length - 1]!;
  const rest = p.slice(0, -1);
  if (n <= lo + k) {
    const [oh, th] = runTreeProof(rest, lo, lo + k, n, old);
    return [oh, nodeHash(th, last)];
  }
  const [oh, th] = runTreeProof(rest, lo + k, hi, n, old);
  return [nodeHash(last, oh), nodeHash(last, th)];
}

/** CheckTree: verifies that tree (n, h) is a prefix of tree (t, th); throws PROOF_FAILED otherwise. */
export function checkTree(p: Hash[], t: number, th: Hash, n: number, h: Hash): void {
  if (t < 1 || n < 1 || n > t) throw new Error('tlog: invalid inputs in CheckTree');
  const [h2, th2] = runTreeProof(p, 0, t, n, h);
  if (!sameHash(th2, th) || !sameHash(h2, h)) throw new Error(PROOF_FAILED);
}
