// GOSUMDB parsing: cmd/go/internal/modfetch/sumdb.go dbDial, Go's error texts.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { KNOWN_SUMDB_KEYS, parseGosumdb, validateGosumdbForWrite } from '../../src/core/gosumdb.js';
import { generateKeyPair } from '../helpers/note-signer.js';

const GOLANG_KEY = KNOWN_SUMDB_KEYS['sum.golang.org']!;
const custom = generateKeyPair('sum.corp.example', new Uint8Array(32).fill(7)).verifierKey;

describe('parseGosumdb', () => {
  it('handles off, known names, full keys and URLs', () => {
    expect(parseGosumdb('off')).toEqual({ ok: true, config: { kind: 'off' } });
    expect(parseGosumdb('sum.golang.org')).toEqual({
      ok: true,
      config: { kind: 'db', name: 'sum.golang.org', key: GOLANG_KEY },
    });
    expect(parseGosumdb(GOLANG_KEY)).toEqual({
      ok: true,
      config: { kind: 'db', name: 'sum.golang.org', key: GOLANG_KEY },
    });
    expect(parseGosumdb(`${custom} https://sum.corp.example/db`)).toEqual({
      ok: true,
      config: { kind: 'db', name: 'sum.corp.example', key: custom, url: 'https://sum.corp.example/db' },
    });
    expect(parseGosumdb('sum.golang.org https://mirror.example')).toMatchObject({
      ok: true,
      config: { url: 'https://mirror.example' },
    });
  });
  it('rewrites exactly "sum.golang.google.cn" to sum.golang.org via that URL', () => {
    expect(parseGosumdb('sum.golang.google.cn')).toEqual({
      ok: true,
      config: { kind: 'db', name: 'sum.golang.org', key: GOLANG_KEY, url: 'https://sum.golang.google.cn' },
    });
    expect(parseGosumdb(' sum.golang.google.cn')).toEqual({
      ok: false,
      error: 'invalid GOSUMDB: malformed verifier id',
    });
  });
  it.each([
    ['', 'missing GOSUMDB'],
    ['   ', 'missing GOSUMDB'],
    ['a b c', 'invalid GOSUMDB: too many fields'],
    ['sum.corp.example', 'invalid GOSUMDB: malformed verifier id'],
    ['OFF', 'invalid GOSUMDB: malformed verifier id'],
    ['sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn9', 'invalid GOSUMDB: invalid verifier hash'],
    ['sum.golang.org :bad', 'invalid GOSUMDB URL: parse ":bad": missing protocol scheme'],
  ])('GOSUMDB=%j → %s', (v, error) => {
    expect(parseGosumdb(v)).toEqual({ ok: false, error });
  });
});

describe('validateGosumdbForWrite', () => {
  it('accepts good values', () => {
    for (const v of ['sum.golang.org', 'sum.golang.google.cn', 'off', `${custom} https://sum.corp.example`]) {
      expect(() => validateGosumdbForWrite(v)).not.toThrow();
    }
  });
  it.each(['', 'sum.corp.example', 'sum.golang.org ftp://x', 'sum.golang.org https://u:pw@x', ' off'])(
    'rejects %j',
    (v) => {
      expect(() => validateGosumdbForWrite(v)).toThrow(UsageError);
      try {
        validateGosumdbForWrite(v);
      } catch (e) {
        expect((e as Error).message).toContain('GOSUMDB=sum.golang.org');
        expect((e as Error).message).not.toContain(':pw@');
      }
    },
  );
  it('a name without a key: the hint and the example agree (issue 8: both keyless names of dbDial)', () => {
    for (const v of ['sum.corp.example', 'bad key']) {
      const message = (() => {
        try {
          validateGosumdbForWrite(v);
        } catch (e) {
          return (e as Error).message;
        }
        return '';
      })();
      expect(message).toContain('malformed verifier id');
      expect(message).toContain('only sum.golang.org and sum.golang.google.cn may be named without a key');
      expect(message).toContain('GOSUMDB=sum.golang.google.cn');
      for (const keyless of ['sum.golang.org', 'sum.golang.google.cn']) {
        expect(() => validateGosumdbForWrite(keyless)).not.toThrow();
      }
    }
  });
});
