// GOAUTH parsed and credentials matched as cmd/go does (auth.go runGoAuth/loadCredential, userauth.go, gitauth.go,
// cmd/internal/quoted): cases ported from Go's own tests (userauth_test.go, gitauth_test.go, quoted_test.go) plus
// the fatal texts of runGoAuth. The real go is compared in test/probes/goauth-go.test.ts.
import { describe, expect, it } from 'vitest';
import { effectiveGoAuth, hasGoAuth, parseGoAuth, splitQuoted, type DirFact } from '../../src/core/goauth.js';
import {
  basicAuthHeader,
  loadCredential,
  parseGitAuth,
  parseUserAuth,
  storeCredential,
  storeNetrc,
  type CredentialCache,
} from '../../src/core/credential-cache.js';
import { findNetrcEntry, parseNetrc } from '../../src/core/netrc.js';

const dirs: Record<string, DirFact> = { '/repo': 'dir', '/file': 'not-dir' };
const stat = (d: string): DirFact => dirs[d] ?? { error: 'no such file or directory' };
const parse = (v: string) => parseGoAuth(v, stat, 'linux');

describe('parseGoAuth (runGoAuth)', () => {
  it('methods in Go order: reversed, so earlier entries win', () => {
    expect(parse('netrc; git /repo ;  my-helper --flag "a b" ')).toEqual({
      ok: true,
      methods: [
        { kind: 'command', command: 'my-helper --flag "a b"', argv: ['my-helper', '--flag', 'a b'] },
        { kind: 'git', dir: '/repo' },
        { kind: 'netrc' },
      ],
    });
    expect(parse('off')).toEqual({ ok: true, methods: [{ kind: 'off' }] });
    expect(parse(' off ')).toEqual({ ok: true, methods: [{ kind: 'off' }] });
    expect(parse('netrc extra words')).toEqual({ ok: true, methods: [{ kind: 'netrc' }] });
  });

  it.each([
    ['netrc;', 'go: GOAUTH encountered an empty command (GOAUTH=netrc;)'],
    ['netrc;;off', 'go: GOAUTH=off cannot be combined with other authentication commands (GOAUTH=netrc;;off)'],
    ['off;netrc', 'go: GOAUTH=off cannot be combined with other authentication commands (GOAUTH=off;netrc)'],
    ['git', 'go: GOAUTH=git dir method requires an absolute path to the git working directory'],
    ['git /a /b', 'go: GOAUTH=git dir method requires an absolute path to the git working directory'],
    [
      'git repo',
      'go: GOAUTH=git dir method requires an absolute path to the git working directory, dir is not absolute',
    ],
    [
      'git /file',
      'go: GOAUTH=git dir method requires an absolute path to the git working directory, dir is not a directory',
    ],
    ['git /gone', 'go: GOAUTH=git encountered an error; cannot stat /gone: no such file or directory'],
    // Walked in reverse: the last entry's problem is met first.
    ['netrc;;git /gone', 'go: GOAUTH=git encountered an error; cannot stat /gone: no such file or directory'],
  ])('%s → fatal', (value, error) => {
    expect(parse(value)).toEqual({ ok: false, error });
  });

  it('a command that cannot be split is not fatal: Go records the error and goes on', () => {
    expect(parse(`netrc;helper 'unterminated`)).toEqual({
      ok: true,
      methods: [
        { kind: 'command', command: "helper 'unterminated", splitError: "unterminated ' string" },
        { kind: 'netrc' },
      ],
    });
  });

  it('Windows absolute paths (filepath.IsAbs)', () => {
    expect(parseGoAuth('git C:\\repo', () => 'dir', 'win32')).toMatchObject({ ok: true });
    expect(parseGoAuth('git \\\\srv\\share\\repo', () => 'dir', 'win32')).toMatchObject({ ok: true });
    expect(parseGoAuth('git /repo', () => 'dir', 'win32')).toMatchObject({ ok: false });
  });

  it('versions: GOAUTH exists from 1.24 (default netrc); before, .netrc only', () => {
    expect(hasGoAuth('go1.23.9')).toBe(false);
    expect(hasGoAuth('go1.24.0')).toBe(true);
    expect(effectiveGoAuth('off', 'go1.19.8')).toBe('netrc');
    expect(effectiveGoAuth('', 'go1.26.1')).toBe('netrc');
    expect(effectiveGoAuth(undefined, null)).toBe('netrc');
    expect(effectiveGoAuth('off', 'go1.26.1')).toBe('off');
  });
});

describe('splitQuoted (cmd/internal/quoted TestSplit)', () => {
  it.each<[string, string[] | string]>([
    ['', []],
    [' ', []],
    ['a', ['a']],
    [' a', ['a']],
    ['a ', ['a']],
    ['a b', ['a', 'b']],
    ['a  b', ['a', 'b']],
    ['a\tb', ['a', 'b']],
    ['a\nb', ['a', 'b']],
    [`'a b'`, ['a b']],
    [`"a b"`, ['a b']],
    [`'a '"b "`, ['a ', 'b ']],
    [`'a "'"'b"`, [`a "`, `'b`]],
    [`\\'`, [`\\'`]],
    [`'a`, "unterminated ' string"],
  ])('%j', (value, want) => {
    expect(splitQuoted(value)).toEqual(typeof want === 'string' ? { error: want } : { words: want });
  });
});

const B1 = 'Basic YWxhZGRpbjpvcGVuc2VzYW1l';
const B2 = 'Basic jpvcGVuc2VzYW1lYWxhZGRpb';

describe('parseUserAuth (userauth_test.go)', () => {
  it('blocks of URLs then headers; duplicates: the later block wins; empty output is fine', () => {
    const data = `https://example.com\n\nAuthorization: ${B1}\nAuthorization: ${B2}\n\nhttps://hello.com\n\nAuthorization: ${B2}\nData: Test567\n\n`;
    expect(Object.fromEntries(parseUserAuth(data))).toEqual({
      'example.com': { Authorization: [B1, B2] },
      'hello.com': { Authorization: [B2], Data: ['Test567'] },
    });
    const dup = `https://example.com\n\nAuthorization: ${B1}\n\nhttps://example.com\n\nData: x\n\n`;
    expect(parseUserAuth(dup).get('example.com')).toEqual({ Data: ['x'] });
    expect(parseUserAuth('https://example.com\n\n\n').get('example.com')).toEqual({});
    expect(parseUserAuth('').size).toBe(0);
    expect(parseUserAuth('https://e.com\n\nx-api-key: k\n\n').get('e.com')).toEqual({ 'X-Api-Key': ['k'] });
  });

  it.each([
    `https://example.com\nAuthorization: ${B1}\n\n`,
    `Authorization: ${B1}\n\n`,
    `https://example.com\n\nAuthorization: ${B1}\n\nAuthorization: ${B2}\n\n`,
    `Authorization: ${B1}\n\nhttps://example.com\n\n`,
    'https://example.com\n',
    'https://example.com\n\n',
    `https://example.com\n\nAuthorization: ${B1}\nhttps://hello.com\n\nAuthorization: ${B2}\n\n`,
    `https://example.com/\n Authorization: ${B1}\n`,
    `https://example.com\n\nAuthorization: ${B1}\n Authorization: ${B2}\n`,
    `https://example.com\n\nAuthorization: ${B1}\n\tAuthorization: ${B2}\n`,
    ` https://example.com\n\nAuthorization: ${B1}\n`,
    `https://example.com\n\n\nAuthorization: ${B1}\n`,
    'https:opaque\n\nA: b\n\n',
  ])('invalid %#', (data) => {
    expect(() => parseUserAuth(data)).toThrow();
  });
});

describe('parseGitAuth (gitauth_test.go)', () => {
  it.each([
    ['\nprotocol=https\nhost=example.com\nusername=bob\npassword=secr3t\n', 'https://example.com', 'bob', 'secr3t'],
    [
      '\nprotocol=https\nhost=example.com\nusername=bob\npassword=secr3t\nurl=invalid\n',
      'https://example.com',
      'bob',
      'secr3t',
    ],
    [
      '\nprotocol=https\nhost=example.com\nusername=bob\npassword=secr3t\nurl=https://go.dev\n',
      'https://go.dev',
      'bob',
      'secr3t',
    ],
    ['\n', '', '', ''],
    ['\nprotocol:https\nhost:example.com\nusername:bob\npassword:secr3t\n', '', '', ''],
    ['protocol=https\nhost=git.corp.test\npath=team/repo\n', 'https://git.corp.test/team/repo', '', ''],
  ])('%j', (out, prefix, username, password) => {
    expect(parseGitAuth(out)).toEqual({ prefix, username, password });
  });
});

describe('the credential cache per Go release (loadCredential / storeCredential)', () => {
  const cache = (v: string): CredentialCache => {
    const c: CredentialCache = new Map();
    storeCredential(c, 'https://git.corp.test/team/', basicAuthHeader('team', 'p'), v);
    storeCredential(c, 'goproxy.corp.test', basicAuthHeader('proxy', 'p'), v);
    return c;
  };
  const who = (c: CredentialCache, url: string, v: string) => {
    const h = loadCredential(c, url, v)?.Authorization?.[0];
    return h ? Buffer.from(h.slice(6), 'base64').toString().split(':')[0] : null;
  };

  it('1.25+: one path element at a time, trailing slashes trimmed', () => {
    const c = cache('go1.26.8');
    expect(who(c, 'https://git.corp.test/team/repo/@v/list', 'go1.26.8')).toBe('team');
    expect(who(c, 'https://goproxy.corp.test/a/b/@v/list', 'go1.26.8')).toBe('proxy');
    expect(who(c, 'https://git.corp.test/other', 'go1.26.8')).toBeNull();
  });

  it('1.24: the whole host/path, then the host alone; trailing slash kept', () => {
    const c = cache('go1.24.0');
    expect(who(c, 'https://git.corp.test/team/repo/@v/list', 'go1.24.0')).toBeNull();
    expect(who(c, 'https://git.corp.test/team/', 'go1.24.0')).toBe('team');
    expect(who(c, 'https://goproxy.corp.test/a/b/@v/list', 'go1.24.0')).toBe('proxy');
  });

  it('GOAUTH=netrc: the first entry for a machine wins; findNetrcEntry agrees per version', () => {
    const entries = parseNetrc(
      'machine goproxy.corp.test login first password 1\nmachine goproxy.corp.test login second password 2\nmachine git.corp.test/team login team password 3\n',
    );
    for (const v of ['go1.24.0', 'go1.25.0', 'go1.27.3']) {
      const c: CredentialCache = new Map();
      storeNetrc(c, entries, v);
      for (const url of [
        'https://goproxy.corp.test/x/@v/list',
        'https://git.corp.test/team/repo',
        'https://git.corp.test/team',
      ]) {
        expect(who(c, url, v), `${v} ${url}`).toBe(findNetrcEntry(entries, url, v)?.login ?? null);
      }
    }
    expect(findNetrcEntry(entries, 'https://git.corp.test/team/repo', 'go1.24.0')).toBeNull();
    expect(findNetrcEntry(entries, 'https://git.corp.test/team/repo', 'go1.25.0')?.login).toBe('team');
  });
});
