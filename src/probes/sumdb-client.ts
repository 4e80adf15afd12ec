// The checksum-database client side, as golang.org/x/mod/sumdb/client.go does it: /latest and each /lookup are
// signed notes verified with the GOSUMDB key; each record is proven to be in its signed tree through tiles
// (checkRecord: TileHashReader + RecordHash, plus ProveRecord/CheckRecord); every tree seen is proven a prefix
// of the newest (checkTrees: ProveTree/CheckTree). Network reads go through the injected `read`.
import { escapePath, escapeVersion } from '../core/escape.js';
import { checkProxyMsg } from '../core/i18n/messages/check-proxy.js';
import { exchangeOf } from '../core/check-proxy/exchange.js';
import type { SumdbLookup, SumdbStep, SumdbVerification } from '../core/check-proxy/facts.js';
import type { Exchange } from '../core/check-proxy/types.js';
import { lookupLines, parseRecord, parseTree } from '../core/sumdb/record.js';
import { tileHashReader, tilePath, TilesNeeded, type Tile } from '../core/sumdb/tile-reader.js';
import {
  checkRecord,
  checkTree,
  proveRecord,
  proveTree,
  recordHash,
  sameHash,
  storedHashIndex,
  type HashReader,
  type Tree,
} from '../core/sumdb/tlog.js';
import { verifyNote } from '../core/sumdb-note.js';
import type { ProbeResult } from '../core/probe-types.js';

/** Reads "<base><path>" (path starts with "/"), bounded, keeping `limit` bytes. */
type SumdbRead = (path: string, limit: number) => Promise<ProbeResult>;

const TILE_HEIGHT = 8; // client.go: c.tileHeight = 8
const NOTE_LIMIT = 64 * 1024;

class Failed extends Error {
  constructor(
    readonly problem: NonNullable<SumdbStep['problem']>,
    message: string,
  ) {
    super(message);
  }
}

/** Fetches tiles as TilesNeeded asks, falling back to the full tile like readTile, then computes again. */
class Tiles {
  readonly exchanges: Exchange[] = [];
  private readonly fetched = new Map<string, Uint8Array>();
  private readonly pending = new Map<string, Promise<void>>();
  constructor(private readonly read: SumdbRead) {}

  async with<T>(tree: Tree, compute: (r: HashReader) => T): Promise<T> {
    for (let round = 0; ; round++) {
      try {
        return compute(tileHashReader(tree, TILE_HEIGHT, this.fetched));
      } catch (err) {
        if (!(err instanceof TilesNeeded) || round >= 4) throw err;
        await Promise.all(err.tiles.map((t) => this.once(t)));
      }
    }
  }

  /** Lookups run in parallel and often need the same tiles: fetch each once. */
  private once(t: Tile): Promise<void> {
    const k = tilePath(t);
    let p = this.pending.get(k);
    if (!p) this.pending.set(k, (p = this.fetch(t)));
    return p;
  }

  private async fetch(t: Tile): Promise<void> {
    const full = { ...t, w: 2 ** t.h };
    let r = await this.read(`/${tilePath(t)}`, t.w * 32);
    this.exchanges.push(exchangeOf(r));
    let data = r.bytes;
    if (r.status !== 200 && t.w !== full.w) {
      r = await this.read(`/${tilePath(full)}`, full.w * 32);
      this.exchanges.push(exchangeOf(r));
      data = r.bytes?.subarray(0, t.w * 32);
    }
    if (r.status !== 200 || !data) throw new Failed('sumdb-inclusion', `tile ${tilePath(t)}: ${r.status ?? r.message}`);
    this.fetched.set(tilePath(t), data);
  }
}

/** Reads a signed note answer: verified text → tree head. */
function treeFromNote(note: string, key: string): Tree {
  const v = verifyNote(note, key);
  if (!v.ok) throw new Failed('sumdb-signature', `reading tree note: ${v.error}`);
  const tree = parseTree(v.text);
  if (!tree) throw new Failed('sumdb-signature', 'reading tree: malformed tree note');
  return tree;
}

async function step<T>(
  exchange: () => Exchange | undefined,
  work: () => Promise<T>,
): Promise<{ value?: T; step: SumdbStep }> {
  try {
    const value = await work();
    return { value, step: { ok: true, exchange: exchange()!, message: '' } };
  } catch (err) {
    const problem = err instanceof Failed ? err.problem : 'sumdb-inclusion';
    return {
      step: { ok: false, exchange: exchange() ?? { url: '', ms: 0 }, problem, message: (err as Error).message },
    };
  }
}

async function fetchNote(read: SumdbRead, path: string): Promise<{ r: ProbeResult; body: string }> {
  const r = await read(path, NOTE_LIMIT);
  if (r.status !== 200) throw new Failed('sumdb-unreachable', `${r.url}: ${r.status ?? r.message}`);
  return { r, body: r.body ?? Buffer.from(r.bytes ?? []).toString('utf8') };
}

/** One lookup: record parsed, note verified, record inclusion proven in the note's tree (client.go Lookup). */
async function lookup(read: SumdbRead, key: string, tiles: Tiles, m: { path: string; version: string }, trees: Tree[]) {
  let r: ProbeResult | undefined;
  const path = `/lookup/${escapePath(m.path)}@${escapeVersion(m.version)}`;
  const res = await step(
    () => (r ? exchangeOf(r) : undefined),
    async () => {
      const got = await fetchNote(read, path);
      r = got.r;
      const rec = parseRecord(got.body);
      if (!rec) throw new Failed('sumdb-record', 'malformed record data');
      const tree = treeFromNote(rec.note, key);
      trees.push(tree);
      if (rec.id < 0 || rec.id >= tree.n)
        throw new Failed('sumdb-record', `cannot validate record ${rec.id} in tree of size ${tree.n}`);
      const leaf = recordHash(Buffer.from(rec.text));
      const [stored] = await tiles.with(tree, (h) => h([storedHashIndex(0, rec.id)]));
      if (!sameHash(stored!, leaf))
        throw new Failed('sumdb-record', 'cannot authenticate record data in server response');
      const proof = await tiles.with(tree, (h) => proveRecord(tree.n, rec.id, h));
      checkRecord(proof, tree.n, tree.hash, rec.id, leaf);
      return {
        lines: [...lookupLines(rec.text, m.path, m.version), ...lookupLines(rec.text, m.path, `${m.version}/go.mod`)],
        tree,
        proof: proof.length,
        id: rec.id,
      };
    },
  );
  return res;
}

/** /latest: a signed tree head (client.go mergeLatest). */
async function latestStep(read: SumdbRead, key: string, trees: Tree[]): Promise<SumdbVerification['latest']> {
  let r: ProbeResult | undefined;
  const got = await step(
    () => (r ? exchangeOf(r) : undefined),
    async () => {
      const note = await fetchNote(read, '/latest');
      r = note.r;
      const tree = treeFromNote(note.body, key);
      trees.push(tree);
      return tree;
    },
  );
  return got.value
    ? { ...got.step, message: checkProxyMsg('sumdb.signedTree', { size: got.value.n }), treeSize: got.value.n }
    : got.step;
}

/** Verifies /latest, each module's lookup and the consistency of every tree seen. */
export async function verifySumdb(p: {
  read: SumdbRead;
  key: string;
  modules: { canary: number; path: string; version: string }[];
}): Promise<SumdbVerification> {
  const tiles = new Tiles(p.read);
  const trees: Tree[] = [];
  const [latest, lookups] = await Promise.all([
    latestStep(p.read, p.key, trees),
    Promise.all(
      p.modules.map(async (m): Promise<SumdbLookup> => {
        const l = await lookup(p.read, p.key, tiles, m, trees);
        const v = l.value;
        if (!v) return { ...l.step, canary: m.canary };
        const message = checkProxyMsg('sumdb.recordIncluded', { id: v.id, size: v.tree.n, hashes: v.proof });
        return { ...l.step, message, canary: m.canary, lines: v.lines, treeSize: v.tree.n, proofHashes: v.proof };
      }),
    ),
  ]);
  return { latest, lookups, consistency: await consistent(tiles, trees), tiles: tiles.exchanges };
}

/** checkTrees for every tree against the newest: ProveTree + CheckTree (equal sizes must have equal hashes). */
async function consistent(tiles: Tiles, trees: Tree[]): Promise<SumdbVerification['consistency']> {
  const sizes = [...new Set(trees.map((t) => t.n))].sort((a, b) => a - b);
  const newest = trees.reduce<Tree | null>((a, t) => (a === null || t.n > a.n ? t : a), null);
  const ex = (): Exchange => tiles.exchanges[0] ?? { url: '', ms: 0 };
  if (!newest)
    return {
      ok: false,
      exchange: ex(),
      problem: 'sumdb-unreachable',
      message: checkProxyMsg('sumdb.noTree'),
      trees: [],
    };
  try {
    for (const t of trees) {
      if (t.n === 0) continue;
      const proof = await tiles.with(newest, (h) => proveTree(newest.n, t.n, h));
      checkTree(proof, newest.n, newest.hash, t.n, t.hash);
    }
    return {
      ok: true,
      exchange: ex(),
      message: checkProxyMsg('sumdb.consistent', { count: trees.length, sizes: sizes.join(', ') }),
      trees: sizes,
    };
  } catch (err) {
    const security = 'SECURITY ERROR go.sum database server misbehavior detected';
    return {
      ok: false,
      exchange: ex(),
      problem: 'sumdb-consistency',
      message: `${security}: ${(err as Error).message}`,
      trees: sizes,
    };
  }
}
