// Test-only: signing checksum-database notes as golang.org/x/mod/sumdb/note does (note.go GenerateKey, NewSigner,
// Sign) and formatting tree heads (sumdb/tlog note.go FormatTree), for the loopback checksum database. gomodctl itself
// only verifies (src/core/sumdb-note.ts).
import { createPrivateKey, createPublicKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { keyHash } from '../../src/core/sumdb-note.js';

const ALG_ED25519 = 1;
// DER prefixes that wrap a raw 32-byte Ed25519 key (RFC 8410) so node:crypto can import it.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const isValidName = (name: string): boolean => name !== '' && !SPACE.test(name) && !name.includes('+');
const hex8 = (n: number): string => n.toString(16).padStart(8, '0');
const decodeBase64 = (s: string): Buffer | null => (BASE64.test(s) ? Buffer.from(s, 'base64') : null);

function chop(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

interface Signer {
  name: string;
  hash: number;
  key: KeyObject;
}

/** Parses PRIVATE+KEY+name+hash+keydata (note.go NewSigner); throws Error with Go's text. */
function parseSignerKey(skey: string): Signer {
  const [p1, r1] = chop(skey, '+');
  const [p2, r2] = chop(r1, '+');
  const [name, r3] = chop(r2, '+');
  const [hash16, key64] = chop(r3, '+');
  const raw = decodeBase64(key64);
  if (
    p1 !== 'PRIVATE' ||
    p2 !== 'KEY' ||
    !/^[0-9a-fA-F]{8}$/.test(hash16) ||
    raw === null ||
    !isValidName(name) ||
    raw.length === 0
  ) {
    throw new Error('malformed verifier id');
  }
  if (raw[0] !== ALG_ED25519) throw new Error('unknown verifier algorithm');
  if (raw.length !== 33) throw new Error('malformed verifier id');
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, raw.subarray(1)]), format: 'der', type: 'pkcs8' });
  const hash = parseInt(hash16, 16);
  if (hash !== keyHash(name, Buffer.concat([Buffer.from([ALG_ED25519]), rawPublicKey(key)])))
    throw new Error('invalid verifier hash');
  return { name, hash, key };
}

function rawPublicKey(priv: KeyObject): Buffer {
  return createPublicKey(priv).export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}

/**
 * Generates a signer/verifier key pair for a named server (note.go GenerateKey); `seed` (32 bytes) makes it
 * deterministic.
 */
export function generateKeyPair(
  name: string,
  seed: Uint8Array = randomBytes(32),
): { signerKey: string; verifierKey: string } {
  if (!isValidName(name))
    throw new Error(`invalid key name ${JSON.stringify(name)}: must be non-empty, without spaces or "+"`);
  if (seed.length !== 32) throw new Error('ed25519 seed must be 32 bytes');
  const priv = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const pub = Buffer.concat([Buffer.from([ALG_ED25519]), rawPublicKey(priv)]);
  const h = hex8(keyHash(name, pub));
  const privData = Buffer.concat([Buffer.from([ALG_ED25519]), seed]).toString('base64');
  return { signerKey: `PRIVATE+KEY+${name}+${h}+${privData}`, verifierKey: `${name}+${h}+${pub.toString('base64')}` };
}

/** Signs `text` (must end in "\n") and returns the encoded note: text, blank line, "— name base64(hash‖sig)". */
export function signNote(text: string, signerKey: string): string {
  if (!text.endsWith('\n')) throw new Error('malformed note');
  const s = parseSignerKey(signerKey);
  const sig = sign(null, Buffer.from(text, 'utf8'), s.key);
  const hb = Buffer.alloc(4);
  hb.writeUInt32BE(s.hash >>> 0, 0);
  return `${text}\n— ${s.name} ${Buffer.concat([hb, sig]).toString('base64')}\n`;
}

/** Formats a tree head (tlog FormatTree): "go.sum database tree\n<N>\n<base64 hash>\n". */
export function formatTreeNote(size: number, hash: Uint8Array): string {
  return `go.sum database tree\n${size}\n${Buffer.from(hash).toString('base64')}\n`;
}
