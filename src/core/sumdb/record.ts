// Checksum-database records: a port of golang.org/x/mod/sumdb/tlog/note.go (ParseRecord, isValidRecordText,
// ParseTree) and of the line selection in sumdb/client.go Client.Lookup.
import { parseTreeNote } from '../sumdb-note.js';
import type { Tree } from './tlog.js';

/** A /lookup answer split as ParseRecord splits it. */
interface LookupRecord {
  id: number;
  /** The record text: the module's go.sum lines, ending in "\n". */
  text: string;
  /** What follows the record: the signed tree note. */
  note: string;
}

/** isValidRecordText: no control characters but "\n", no blank line, valid UTF-8, ends in "\n". */
function isValidRecordText(text: string): boolean {
  if (!text.endsWith('\n') || text.includes('\n\n') || text.includes('\ufffd')) return false;
  return !/[\u0000-\u0009\u000b-\u001f]/.test(text);
}

/** ParseRecord: "<id>\n<text>\n<note>" → parts, or null (Go: "malformed record data"). */
export function parseRecord(msg: string): LookupRecord | null {
  const i = msg.indexOf('\n');
  if (i < 0 || !/^[+-]?\d+$/.test(msg.slice(0, i))) return null;
  const id = Number(msg.slice(0, i));
  if (!Number.isSafeInteger(id)) return null;
  const rest = msg.slice(i + 1);
  const j = rest.indexOf('\n\n');
  if (j < 0) return null;
  const text = rest.slice(0, j + 1);
  return isValidRecordText(text) ? { id, text, note: rest.slice(j + 2) } : null;
}

/** ParseTree on a verified note text: the tree head with its hash as bytes, or null when malformed. */
export function parseTree(text: string): Tree | null {
  const t = parseTreeNote(text);
  return t ? { n: t.size, hash: new Uint8Array(Buffer.from(t.hash, 'base64')) } : null;
}

/** Client.Lookup's answer: the record lines for "<path> <version>" (version may end in "/go.mod"). */
export function lookupLines(text: string, path: string, version: string): string[] {
  const prefix = `${path} ${version} `;
  return text.split('\n').filter((l) => l.startsWith(prefix));
}
