// Verifying signed notes of the Go checksum database: a port of golang.org/x/mod/sumdb/note (note.go NewVerifier,
// Open) plus the tree-head text of sumdb/tlog (note.go ParseTree). Pure: only node:crypto. (Signing is test-only:
// test/helpers/note-signer.ts.)
import type * as NodeCrypto from 'node:crypto';

let loadedCrypto: typeof NodeCrypto | undefined;
/**
 * node:crypto, loaded when a key or a signature is first checked (~3 ms): what a healthy `gomodctl tidy` loads runs
 * beside a warm `go mod tidy` of ~40 ms (bench 3), and it never checks one.
 */
const nodeCrypto = (): typeof NodeCrypto => (loadedCrypto ??= process.getBuiltinModule('node:crypto'));

/** Result of parsing a verifier key name+hash+keydata. */
type VerifierKeyResult = { ok: true; name: string; hash: number; publicKey: Uint8Array } | { ok: false; error: string };

const ALG_ED25519 = 1;
// DER prefix that wraps a raw 32-byte Ed25519 public key (RFC 8410) so node:crypto can import it.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
// Go's unicode.IsSpace (White_Space property); JS \s differs (it includes U+FEFF, lacks U+0085).
const SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Go's isValidName: non-empty valid UTF-8, no Unicode spaces, no "+". */
function isValidName(name: string): boolean {
  return name !== '' && !LONE_SURROGATE.test(name) && !SPACE.test(name) && !name.includes('+');
}

function chop(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

/** Strict standard base64 decoding (Go base64.StdEncoding), or null. */
function decodeBase64(s: string): Buffer | null {
  return BASE64.test(s) ? Buffer.from(s, 'base64') : null;
}

/** First 4 bytes (big-endian) of SHA-256(name + "\n" + key) — note.go keyHash. */
export function keyHash(name: string, key: Uint8Array): number {
  return nodeCrypto()
    .createHash('sha256')
    .update(name + '\n')
    .update(key)
    .digest()
    .readUInt32BE(0);
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** Parses a verifier key with Go's exact error texts (note.go NewVerifier). */
export function parseVerifierKey(key: string): VerifierKeyResult {
  const [name, rest] = chop(key, '+');
  const [hash16, key64] = chop(rest, '+');
  const raw = decodeBase64(key64);
  if (!/^[0-9a-fA-F]{8}$/.test(hash16) || raw === null || !isValidName(name) || raw.length === 0) {
    return { ok: false, error: 'malformed verifier id' };
  }
  const hash = parseInt(hash16, 16);
  if (hash !== keyHash(name, raw)) return { ok: false, error: 'invalid verifier hash' };
  if (raw[0] !== ALG_ED25519) return { ok: false, error: 'unknown verifier algorithm' };
  if (raw.length !== 33) return { ok: false, error: 'malformed verifier id' };
  return { ok: true, name, hash, publicKey: new Uint8Array(raw.subarray(1)) };
}

/** Verifies a signed note against one verifier key (note.go Open with a one-key list); returns the text. */
export function verifyNote(
  noteText: string,
  verifierKey: string,
): { ok: true; text: string } | { ok: false; error: string } {
  const v = parseVerifierKey(verifierKey);
  if (!v.ok) return v;
  // Valid UTF-8, no ASCII control characters except "\n". U+FFFD stands for bytes that were not UTF-8.
  if (LONE_SURROGATE.test(noteText) || /[\u0000-\u0009\u000b-\u001f\ufffd]/.test(noteText))
    return { ok: false, error: 'malformed note' };
  const split = noteText.lastIndexOf('\n\n');
  if (split < 0) return { ok: false, error: 'malformed note' };
  const text = noteText.slice(0, split + 1);
  const sigs = noteText.slice(split + 2);
  if (sigs === '' || !sigs.endsWith('\n')) return { ok: false, error: 'malformed note' };
  const pub = nodeCrypto().createPublicKey({
    key: Buffer.concat([SPKI_PREFIX, v.publicKey]),
    format: 'der',
    type: 'spki',
  });
  const lines = sigs.slice(0, -1).split('\n');
  if (lines.length > 100) return { ok: false, error: 'malformed note' };
  let verified = false;
  for (const line of lines) {
    if (!line.startsWith('— ')) return { ok: false, error: 'malformed note' };
    const [name, b64] = chop(line.slice(2), ' ');
    const sig = decodeBase64(b64);
    if (sig === null || !isValidName(name) || b64 === '' || sig.length < 5)
      return { ok: false, error: 'malformed note' };
    if (name !== v.name || sig.readUInt32BE(0) !== v.hash || verified) continue;
    if (!nodeCrypto().verify(null, Buffer.from(text, 'utf8'), pub, sig.subarray(4))) {
      return { ok: false, error: `invalid signature for key ${name}+${hex8(v.hash)}` };
    }
    verified = true;
  }
  return verified ? { ok: true, text } : { ok: false, error: 'note has no verifiable signatures' };
}

/** Parses a tree head (tlog ParseTree); extra trailing lines are ignored; null when malformed. */
export function parseTreeNote(text: string): { size: number; hash: string } | null {
  if (!text.startsWith('go.sum database tree\n') || text.split('\n').length - 1 < 3 || text.length > 1e6) return null;
  const lines = text.split('\n');
  const n = Number(lines[1]);
  if (!/^(0|[1-9]\d*)$/.test(lines[1]!) || !Number.isSafeInteger(n)) return null;
  const h = decodeBase64(lines[2]!);
  if (h === null || h.length !== 32) return null;
  return { size: n, hash: lines[2]! };
}
