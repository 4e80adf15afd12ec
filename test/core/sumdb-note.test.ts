// Cases ported from golang/mod sumdb/note/note_test.go (TestNewVerifier, TestSign, TestOpen) and tlog ParseTree.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTreeNote, parseVerifierKey, verifyNote } from '../../src/core/sumdb-note.js';
// The signer is test-only (the loopback checksum database); these cases show it signs exactly as note.go does.
import { formatTreeNote, generateKeyPair, signNote } from '../helpers/note-signer.js';

const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

describe('parseVerifierKey (note.go NewVerifier)', () => {
  it('accepts the note_test.go key and sum.golang.org', () => {
    const r = parseVerifierKey(VKEY);
    expect(r).toMatchObject({ ok: true, name: 'PeterNeumann', hash: 0xc74f20a3 });
    expect(r.ok && r.publicKey.length).toBe(32);
    expect(parseVerifierKey('sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8')).toMatchObject({
      ok: true,
      hash: 0x033de0ae,
    });
  });

  it.each([
    ['sum.golang.org', 'malformed verifier id'],
    ['PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'invalid verifier hash'],
    ['PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==', 'malformed verifier id'],
    ['PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'unknown verifier algorithm'],
    ['Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'malformed verifier id'],
    ['PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'malformed verifier id'],
  ])('%s → %s', (key, error) => {
    expect(parseVerifierKey(key)).toEqual({ ok: false, error });
  });

  it('rejects every substring and every one-byte mangling (as TestNewVerifier does)', () => {
    for (let i = 0; i <= VKEY.length; i++)
      for (let j = i + 1; j <= VKEY.length; j++)
        if (i !== 0 || j !== VKEY.length) expect(parseVerifierKey(VKEY.slice(i, j)).ok).toBe(false);
    for (let i = 0; i < VKEY.length; i++) {
      const k = VKEY.slice(0, i) + String.fromCharCode(VKEY.charCodeAt(i) + 1) + VKEY.slice(i + 1);
      expect(parseVerifierKey(k).ok, k).toBe(false);
    }
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseVerifierKey(s).ok === 'boolean'));
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => typeof parseVerifierKey(`${a}+c74f20a3+${b}`).ok === 'boolean'),
    );
  });
});

describe('signNote / verifyNote (note.go Sign, Open)', () => {
  it('signs exactly like TestSign', () => {
    expect(signNote(TEXT, SKEY)).toBe(TEXT + '\n' + PETER_SIG);
    expect(() => signNote('abc', SKEY)).toThrow('malformed note');
  });

  it('verifies the known note, ignoring signatures by other keys', () => {
    expect(verifyNote(TEXT + '\n' + PETER_SIG + ENOCH_SIG, VKEY)).toEqual({ ok: true, text: TEXT });
    expect(verifyNote(TEXT + '\n' + PETER_SIG + ENOCH_SIG, ENOCH)).toEqual({ ok: true, text: TEXT });
    expect(verifyNote(TEXT + '\n' + ENOCH_SIG, VKEY)).toEqual({
      ok: false,
      error: 'note has no verifiable signatures',
    });
  });

  it('reports an invalid signature and malformed notes with Go texts', () => {
    const bad = TEXT + '\n' + PETER_SIG.slice(0, 60) + 'ABCD' + PETER_SIG.slice(60);
    expect(verifyNote(bad, VKEY)).toEqual({ ok: false, error: 'invalid signature for key PeterNeumann+c74f20a3' });
    const badMsgs = [
      TEXT,
      TEXT + '\n',
      TEXT + '\n' + PETER_SIG.slice(0, -1),
      '\x01' + TEXT + '\n' + PETER_SIG,
      TEXT +
        '\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=',
      TEXT + '\n' + PETER_SIG + 'Unexpected line.\n',
      TEXT + '\n' + PETER_SIG.repeat(101),
    ];
    for (const m of badMsgs)
      expect(verifyNote(m, VKEY), JSON.stringify(m)).toEqual({ ok: false, error: 'malformed note' });
    expect(verifyNote(TEXT + '\n' + PETER_SIG, 'nope')).toEqual({ ok: false, error: 'malformed verifier id' });
  });

  it('generated keys round-trip; a deterministic seed gives a stable key', () => {
    const k = generateKeyPair('sum.example.test');
    const p = parseVerifierKey(k.verifierKey);
    expect(p).toMatchObject({ ok: true, name: 'sum.example.test' });
    const note = signNote('hello\n', k.signerKey);
    expect(verifyNote(note, k.verifierKey)).toEqual({ ok: true, text: 'hello\n' });
    expect(verifyNote(note, generateKeyPair('sum.example.test').verifierKey).ok).toBe(false);
    const seed = new Uint8Array(32).fill(7);
    expect(generateKeyPair('a.test', seed)).toEqual(generateKeyPair('a.test', seed));
    expect(() => generateKeyPair('a+b')).toThrow(/invalid key name/);
  });

  it('never throws on arbitrary notes', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof verifyNote(s, VKEY).ok === 'boolean'));
    fc.assert(fc.property(fc.string(), (s) => typeof verifyNote(TEXT + '\n' + s, VKEY).ok === 'boolean'));
  });
});

describe('tree notes (tlog FormatTree / ParseTree)', () => {
  const hash = Buffer.alloc(32, 1);
  it('round-trips and ignores extra lines', () => {
    const t = formatTreeNote(2, hash);
    expect(parseTreeNote(t)).toEqual({ size: 2, hash: hash.toString('base64') });
    expect(parseTreeNote(t + 'extra\n')).toEqual({ size: 2, hash: hash.toString('base64') });
  });
  it.each([
    'go.sum database tree\n2\n',
    'go.sum database tree\n02\nAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\n',
    'go.sum database tree\n-1\nAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\n',
    'go.sum database tree\n2\nAQEB\n',
    'other tree\n2\nAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\n',
  ])('rejects %j', (t) => expect(parseTreeNote(t)).toBeNull());
});
