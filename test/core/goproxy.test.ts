// GOPROXY parsing: cmd/go/internal/modfetch/proxy.go proxyList/newProxyRepo, error texts as Go prints them.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { formatGoproxy, parseGoproxy, proxyEntryLabel, validateGoproxyForWrite } from '../../src/core/goproxy.js';
import { parseGoUrl } from '../../src/core/go-url.js';

const entries = (goproxy: string, gonoproxy = ''): unknown => {
  const r = parseGoproxy(goproxy, gonoproxy);
  return r.ok ? r.entries : r.error;
};

describe('parseGoproxy', () => {
  it('splits on , and | with the separator after an entry deciding its fallback', () => {
    expect(entries('https://a.example,https://b.example|https://c.example,direct')).toEqual([
      { kind: 'url', url: 'https://a.example', fallBackOnError: false },
      { kind: 'url', url: 'https://b.example', fallBackOnError: true },
      { kind: 'url', url: 'https://c.example', fallBackOnError: false },
      { kind: 'direct', fallBackOnError: false },
    ]);
  });
  it('adds https:// only to entries with . : or / that are not URLs or absolute paths', () => {
    expect(entries('proxy.example.com:8080/x')).toEqual([
      { kind: 'url', url: 'https://proxy.example.com:8080/x', fallBackOnError: false },
    ]);
    expect(entries('/srv/proxy')).toBe('invalid proxy URL missing scheme: /srv/proxy');
    expect(entries('file:///srv/proxy')).toEqual([{ kind: 'url', url: 'file:///srv/proxy', fallBackOnError: false }]);
  });
  it('stops at off/direct without validating the rest', () => {
    expect(entries('off,ftp://bad')).toEqual([{ kind: 'off', fallBackOnError: false }]);
    expect(entries('direct|foo')).toEqual([{ kind: 'direct', fallBackOnError: true }]);
  });
  it('ignores empty entries and trims spaces', () => {
    expect(entries(',, https://a.example ,')).toEqual([
      { kind: 'url', url: 'https://a.example', fallBackOnError: false },
    ]);
  });
  it('prepends noproxy when GONOPROXY is set and GOPROXY is not exactly "direct"', () => {
    expect(entries('https://a.example', 'corp.com')).toEqual([
      { kind: 'noproxy', fallBackOnError: false },
      { kind: 'url', url: 'https://a.example', fallBackOnError: false },
    ]);
    expect(entries('direct', 'corp.com')).toEqual([{ kind: 'direct', fallBackOnError: false }]);
    expect(entries('off', 'corp.com')).toEqual([
      { kind: 'noproxy', fallBackOnError: false },
      { kind: 'off', fallBackOnError: false },
    ]);
  });
  it.each([
    ['foo', 'invalid proxy URL missing scheme: foo'],
    ['Direct', 'invalid proxy URL missing scheme: Direct'],
    ['noproxy', 'invalid proxy URL missing scheme: noproxy'],
    ['ftp://x', 'invalid proxy URL scheme (must be https, http, file): ftp://x'],
    ['file://host/x', 'invalid file:// proxy URL with non-path elements: file://host/x'],
    ['file:///x?y', 'invalid file:// proxy URL with non-path elements: file:///x?y'],
    [',', 'GOPROXY list is not the empty string, but contains no entries'],
    [' ', 'GOPROXY list is not the empty string, but contains no entries'],
    ['', 'GOPROXY list is not the empty string, but contains no entries'],
    ['https://a.example,foo', 'invalid proxy URL missing scheme: foo'],
    ['https://u:pw@host:bad/x', 'parse "https://u:xxxxx@host:bad/x": invalid port ":bad" after host'],
    ['ftp://u:pw@x', 'invalid proxy URL scheme (must be https, http, file): ftp://u:xxxxx@x'],
    ['https://a.example/%zz', 'parse "https://a.example/%zz": invalid URL escape "%zz"'],
  ])('GOPROXY=%j → %s', (goproxy, error) => {
    expect(entries(goproxy)).toBe(error);
  });
  it('the error for a list of only spaces also happens with GONOPROXY (noproxy alone)', () => {
    expect(entries(',', 'corp.com')).toBe('GOPROXY list is not the empty string, but contains no entries');
  });
});

describe('formatGoproxy / proxyEntryLabel', () => {
  it('round-trips a normalised list', () => {
    for (const v of [
      'https://a.example,https://b.example|direct',
      'off',
      'https://goproxy.cn,direct',
      'https://a|https://b',
    ]) {
      const r = parseGoproxy(v, 'x.com');
      expect(r.ok && formatGoproxy(r.entries)).toBe(v);
    }
  });
  it('labels redact credentials', () => {
    expect(proxyEntryLabel({ kind: 'url', url: 'https://me:pw@p.corp', fallBackOnError: false })).toBe(
      'https://me:xxxxx@p.corp',
    );
    expect(proxyEntryLabel({ kind: 'direct', fallBackOnError: false })).toBe('direct');
  });
});

describe('parseGoUrl', () => {
  it('parses components like net/url', () => {
    const r = parseGoUrl('https://u:p@h.example:8443/a/b?q=1#f');
    expect(r.ok && r.url).toMatchObject({
      scheme: 'https',
      host: 'h.example:8443',
      path: '/a/b',
      rawQuery: 'q=1',
      fragment: 'f',
      user: { username: 'u', password: 'p' },
    });
    expect(parseGoUrl(':x')).toEqual({ ok: false, error: 'parse ":x": missing protocol scheme' });
    expect(parseGoUrl('a:b/c').ok).toBe(true);
    expect(parseGoUrl('ab:c').ok).toBe(true);
    expect(parseGoUrl('x/a:b')).toMatchObject({ ok: true });
    expect(parseGoUrl('1a:b')).toEqual({
      ok: false,
      error: 'parse "1a:b": first path segment in URL cannot contain colon',
    });
    expect(parseGoUrl('http://a b/')).toEqual({
      ok: false,
      error: 'parse "http://a b/": invalid character " " in host name',
    });
    expect(parseGoUrl('http://x\n')).toEqual({
      ok: false,
      error: 'parse "http://x\\n": net/url: invalid control character in URL',
    });
  });
});

describe('validateGoproxyForWrite', () => {
  it('accepts good values', () => {
    for (const v of [
      'https://goproxy.cn,direct',
      'https://proxy.golang.org|https://goproxy.io,direct',
      'off',
      'direct',
      'file:///srv/p',
    ]) {
      expect(() => validateGoproxyForWrite(v)).not.toThrow();
    }
    expect(() => validateGoproxyForWrite('https://u:p@p.corp,direct', { allowCredentials: true })).not.toThrow();
  });
  it.each([
    ['', 'is empty'],
    ['https://goproxy.cn, direct', 'white space'],
    ['https://goproxy.cn,Direct', 'unknown keyword "Direct"'],
    ['https://goproxy.cn,,direct', 'empty entry'],
    ['direct,https://goproxy.cn', 'entries after "direct"'],
    ['ftp://x', 'invalid proxy URL scheme'],
    ['https://me:pw@p.corp', 'contains credentials'],
    ['http://me:pw@p.corp', 'plain http'],
  ])('rejects %j (%s) with a UsageError naming value and example', (v, what) => {
    let err: unknown;
    try {
      validateGoproxyForWrite(v, v.startsWith('http://me') ? { allowCredentials: true } : {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    const msg = (err as Error).message;
    expect(msg).toContain(what);
    expect(msg).toContain('https://goproxy.cn,direct');
    expect(msg).not.toContain('pw');
  });
});
