// A real, small Go checksum database (x/mod/sumdb/server.go ServerPaths; docs/go-rules.md#the-checksum-database):
// records are the go.sum lines of the served modules, signed with a fresh Ed25519 key; serves /supported, /latest,
// /lookup/<mod>@<ver>, /tile/8/<L>/<N>[.p/<W>], /tile/8/data/<N>. The real `go` accepts it with GOSUMDB="<verifierKey>
// <url>" (see FaultProxy.sumdb.gosumdb()).
import { formatTreeNote, generateKeyPair, signNote } from './note-signer.js';
import { unescapeModulePath, type ServedModule } from './proxy/modules.js';
import { HashTree, parseTilePath, recordHash } from './tlog.js';

/** A response of the database (status, content type, body). */
export interface SumdbAnswer {
  status: number;
  type: string;
  body: Buffer;
}

/** A checksum database over a fixed set of module versions. */
export interface Sumdb {
  name: string;
  verifierKey: string;
  signerKey: string;
  /** Number of records (one per module version). */
  size: number;
  /** Answers a request path relative to the database root, e.g. "lookup/example.com/dep@v1.0.0". */
  answer(path: string): SumdbAnswer;
}

const TEXT = 'text/plain; charset=UTF-8';
const text = (status: number, body: string | Buffer): SumdbAnswer => ({ status, type: TEXT, body: Buffer.from(body) });

/** The record text for one module version: its two go.sum lines. */
export function goSumRecord(m: ServedModule): string {
  return `${m.path} ${m.version} ${m.h1}\n${m.path} ${m.version}/go.mod ${m.goModH1}\n`;
}

/** tlog FormatRecord: decimal id line, record text, blank line. */
function formatRecord(id: number, record: string): string {
  return `${id}\n${record}\n`;
}

/** Builds the database for `modules` (records in path@version order) under verifier name `name`. */
export function createSumdb(modules: ServedModule[], name: string): Sumdb {
  const sorted = [...modules].sort((a, b) => (`${a.path}@${a.version}` < `${b.path}@${b.version}` ? -1 : 1));
  const records = sorted.map(goSumRecord);
  const ids = new Map(sorted.map((m, i) => [`${m.path}@${m.version}`, i]));
  const tree = new HashTree(records.map((r) => recordHash(Buffer.from(r))));
  const keys = generateKeyPair(name);
  const signedTree = signNote(formatTreeNote(tree.size, tree.treeHash()), keys.signerKey);
  const answer = (path: string): SumdbAnswer => {
    if (path === 'supported') return text(200, '');
    if (path === 'latest') return text(200, signedTree);
    if (path.startsWith('lookup/')) return lookup(path.slice('lookup/'.length), ids, records, signedTree);
    if (path.startsWith('tile/')) return tile(path, tree, records);
    return text(404, 'not found\n');
  };
  return { name, verifierKey: keys.verifierKey, signerKey: keys.signerKey, size: tree.size, answer };
}

function lookup(modVer: string, ids: Map<string, number>, records: string[], signedTree: string): SumdbAnswer {
  const at = modVer.indexOf('@');
  const path = at < 0 ? null : unescapeModulePath(modVer.slice(0, at));
  const version = at < 0 ? null : unescapeModulePath(modVer.slice(at + 1));
  if (path === null || version === null) return text(400, 'invalid module@version syntax\n');
  const id = ids.get(`${path}@${version}`);
  if (id === undefined) return text(404, `not found: ${path}@${version}\n`);
  return text(200, formatRecord(id, records[id]!) + signedTree);
}

function tile(path: string, tree: HashTree, records: string[]): SumdbAnswer {
  const t = parseTilePath(path);
  if (!t) return text(400, 'invalid tile syntax\n');
  if (t.l === -1) {
    const start = t.n * 2 ** t.h;
    if (start + t.w > records.length) return text(404, 'not found\n');
    const data = records.slice(start, start + t.w).map((r, i) => formatRecord(start + i, r));
    return text(200, data.join(''));
  }
  const data = tree.tile(t.h, t.l, t.n, t.w);
  if (!data) return text(404, 'not found\n');
  return { status: 200, type: 'application/octet-stream', body: data };
}
