// Pure parts of "every hop named" and "server words kept": CONNECT answers, Go's bounds per phase, Go's error detail
// (web/api.go formatErrorDetail) and gateway pages. The real go is compared in test/e2e/connect-hops and server-words.
import { describe, expect, it } from 'vitest';
import {
  classifyConnectAnswer,
  firstLine,
  goConnectError,
  parseConnectAnswer,
  realmOf,
} from '../../src/core/connect-answer.js';
import { goBoundFor, goBoundWords } from '../../src/core/go-net-bounds.js';
import { formatErrorDetail, goKeepsErrorDetail } from '../../src/core/server-response.js';
import { gatewayWords, htmlTitle, recogniseGatewayPage } from '../../src/core/gateway-page.js';
import { classifyAnswer } from '../../src/core/http-answer.js';
import { timeoutFailure } from '../../src/core/probe-hop.js';
import { proxyHopFromGoError } from '../../src/core/go-proxy-errors.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'network');

const bytes = (s: string) => new TextEncoder().encode(s);

describe('CONNECT answers (transport.go dialConn: only 200 opens the tunnel)', () => {
  it('parses status, reason, challenges and length', () => {
    expect(
      parseConnectAnswer(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Negotiate\r\nProxy-Authenticate: Basic realm="Corp \\"GW\\""\r\nContent-Length: 12',
      ),
    ).toEqual({
      status: 407,
      reason: 'Proxy Authentication Required',
      challenges: ['Negotiate', 'Basic realm="Corp \\"GW\\""'],
      contentLength: 12,
    });
    expect(parseConnectAnswer('HTTP/1.0 200')).toEqual({ status: 200, reason: '', challenges: [] });
    expect(parseConnectAnswer('\x15\x03\x01\x00\x02')).toBeNull();
  });

  it('realm: quoted with escapes, or a token; the first challenge that has one', () => {
    expect(realmOf(['Negotiate', 'Basic realm="Corp \\"GW\\""'])).toBe('Corp "GW"');
    expect(realmOf(['Digest realm=proxy, nonce="x"'])).toBe('proxy');
    expect(realmOf(['NTLM'])).toBeUndefined();
  });

  it('Go fails with the text after the code, or "unknown status code"', () => {
    expect(goConnectError({ status: 403, reason: 'Forbidden', challenges: [] })).toBe('Forbidden');
    expect(goConnectError({ status: 403, reason: '', challenges: [] })).toBe('unknown status code');
  });

  it('a 2xx other than 200 fails too, as in Go', () => {
    const f = classifyConnectAnswer({ status: 204, reason: 'No Content', challenges: [] }, 'http://p:3128', 'h:443');
    expect(f).toMatchObject({ cause: 'proxy', hop: 'proxy', proxy: { action: 'error-status', status: 204 } });
    expect(String(f.message)).toContain('Go opens a tunnel only on 200');
  });

  it('407 → auth at the proxy hop, with the realm and without the body when there is none', () => {
    const f = classifyConnectAnswer(
      { status: 407, reason: 'Proxy Authentication Required', challenges: ['Basic realm="Corp"'] },
      'http://u:xxxxx@p:3128',
      'goproxy.corp.test:443',
    );
    expect(f).toMatchObject({
      cause: 'auth',
      hop: 'proxy',
      peer: 'http://u:xxxxx@p:3128',
      proxy: { action: 'auth-required', realm: 'Corp', challenge: 'Basic realm="Corp"' },
      go: { error: 'Proxy Authentication Required' },
    });
  });

  it('firstLine skips blank lines and cuts long ones', () => {
    expect(firstLine('\r\n  \r\n Denied by policy \r\nmore')).toBe('Denied by policy');
    expect(firstLine('')).toBeUndefined();
    expect(firstLine('y'.repeat(500))).toHaveLength(200);
  });
});

describe("Go's own bounds (net/http DefaultTransport, CONNECT connectCtx)", () => {
  it.each([
    ['dns', undefined, 30_000],
    ['connect', undefined, 30_000],
    ['proxy-connect', 'dial', 30_000],
    ['proxy-connect', 'answer', 60_000],
    ['tls', undefined, 10_000],
    ['first-byte', undefined, null],
    ['body', undefined, null],
  ] as const)('%s %s → %s', (phase, step, limit) => {
    expect(goBoundFor(phase, step).limitMs).toBe(limit);
  });

  it('words: a bound with Go\'s error, or "no limit"; never "forever"', () => {
    expect(String(goBoundWords(goBoundFor('tls'), 'tls'))).toBe(
      'Go gives up after 10 s with "net/http: TLS handshake timeout"',
    );
    expect(String(goBoundWords(goBoundFor('proxy-connect', 'answer'), 'proxy-connect'))).toBe(
      'Go gives up after 1 min with "context deadline exceeded"',
    );
    expect(String(goBoundWords(goBoundFor('connect'), 'connect'))).toContain('or sooner, when the OS gives up first');
    expect(String(goBoundWords(goBoundFor('body'), 'body'))).toBe(
      'Go sets no limit on a response body: it waits as long as the connection stays open',
    );
  });

  it('through a tunnel the target is never called the TCP peer', () => {
    const ctx = {
      address: 'goproxy.corp.test:443',
      via: 'http://p:3128',
      target: 'goproxy.corp.test:443',
      tunnel: true,
    };
    expect(String(timeoutFailure('first-byte', 1000, ctx).message)).toMatch(
      /^the request reached goproxy\.corp\.test:443 through the tunnel of proxy http:\/\/p:3128, no response within/,
    );
    const tls = timeoutFailure('tls', 1000, ctx);
    expect(tls).toMatchObject({ hop: 'proxy', proxy: { action: 'tunnel-silent' }, go: { limitMs: 10_000 } });
    const forward = timeoutFailure('first-byte', 1000, { address: 'h:80', via: 'http://p:3128', target: 'h:80' });
    expect(String(forward.message)).toMatch(/^proxy http:\/\/p:3128 took the request for h:80, no response/);
    expect(timeoutFailure('dns', 1000, { address: 'x.invalid:443' })).toMatchObject({ hop: 'dns', peer: 'x.invalid' });
  });
});

describe('server response (web/http.go errorDetail, web/api.go formatErrorDetail)', () => {
  it('only non-200 text/plain answers in UTF-8, US-ASCII or no charset', () => {
    expect(goKeepsErrorDetail(403, 'text/plain; charset=utf-8')).toBe(true);
    expect(goKeepsErrorDetail(404, ' TEXT/PLAIN ')).toBe(true);
    expect(goKeepsErrorDetail(500, 'text/plain; charset="US-ASCII"')).toBe(true);
    expect(goKeepsErrorDetail(500, 'text/plain; garbage')).toBe(true); // nil params: charset ""
    expect(goKeepsErrorDetail(403, 'text/plain; charset=latin1')).toBe(false);
    expect(goKeepsErrorDetail(403, 'text/html')).toBe(false);
    expect(goKeepsErrorDetail(200, 'text/plain')).toBe(false);
    expect(goKeepsErrorDetail(302, 'text/plain')).toBe(true);
  });

  it('lines to the first blank one, 8 lines, 648 bytes; nothing for control characters or bad UTF-8', () => {
    expect(formatErrorDetail(bytes('a\nb\n\nc'))).toBe('a\n\tb');
    expect(formatErrorDetail(bytes(Array.from({ length: 9 }, (_, i) => `l${i}`).join('\n')))).toBe(
      'l0\n\tl1\n\tl2\n\tl3\n\tl4\n\tl5\n\tl6\n\tl7\n\t[Truncated: too many lines.]',
    );
    expect(formatErrorDetail(bytes(`ok\n${'é'.repeat(400)}`))).toBe('ok\n\t[Truncated: too long.]');
    expect(formatErrorDetail(bytes('bell\u0007'))).toBe('');
    expect(formatErrorDetail(new Uint8Array([0xc3]))).toBe('');
    expect(formatErrorDetail(bytes('  \nx'))).toBe('');
  });

  it('a prefix cut inside a character by our read limit is not held against the body', () => {
    const cut = bytes('refusé').subarray(0, 6); // "refus" + the first byte of "é"
    expect(formatErrorDetail(cut)).toBe('');
    expect(formatErrorDetail(cut, true)).toBe('refus');
  });

  it('classifyAnswer keeps the reason phrase and the words; a relayed 407 is the proxy hop', () => {
    const f = classifyAnswer(
      {
        status: 403,
        statusText: 'Blocked',
        contentType: 'text/plain',
        body: bytes('This module version is not available.\n'),
      },
      'https://gw/x',
    );
    expect(String(f?.message)).toBe(
      'https://gw/x answered 403 Blocked (access denied); server response: This module version is not available.',
    );
    expect(classifyAnswer({ status: 200 }, 'u')).toBeNull();
    const relayed = classifyAnswer(
      { status: 407, challenges: ['Basic realm="R"'] },
      'http://plain.corp.test/x',
      'http://p:3128',
    );
    expect(relayed).toMatchObject({ cause: 'auth', hop: 'proxy', proxy: { action: 'auth-required', realm: 'R' } });
  });
});

describe('gateway pages', () => {
  it('recognises HTML by type or first bytes, login forms, and titles', () => {
    expect(recogniseGatewayPage('text/plain', 'v1.0.0\n')).toBeNull();
    expect(recogniseGatewayPage(undefined, '  <!DOCTYPE html><title> A &amp; B </title>')).toEqual({
      kind: 'html',
      title: 'A & B',
    });
    expect(recogniseGatewayPage('application/xhtml+xml', '<p>x</p>')).toEqual({ kind: 'html' });
    expect(recogniseGatewayPage('text/html', '<form action="/sso/start"><input name=u></form>')?.kind).toBe(
      'login-form',
    );
    expect(recogniseGatewayPage('text/html', '<title>Sign in - Corp</title>')?.kind).toBe('login-form');
    expect(htmlTitle('<TITLE>caf&#233; &#x41;</TITLE>')).toBe('café A');
    expect(String(gatewayWords({ kind: 'login-form', title: 'SSO' }))).toBe('a login page "SSO"');
  });
});

describe("the proxy hop in Go's own errors (captured from go 1.19, 1.26, 1.27)", () => {
  const want: Record<string, string> = {
    'connect-refused': 'refused',
    'connect-silent': 'silent',
    'tunnel-silent': 'tunnel-silent',
    'connect-close': 'closed',
    'connect-407': 'auth-required',
    'connect-403': 'denied',
    'connect-502': 'error-status',
    'proxy-dns': 'unresolved',
  };
  it.each(['go1.19', 'go1.26', 'go1.27'])('%s', (dir) => {
    for (const [name, action] of Object.entries(want)) {
      const text = readFileSync(join(FIXTURES, dir, `${name}.txt`), 'utf8');
      const error = (JSON.parse(text) as { Error: string }).Error;
      expect(proxyHopFromGoError(error, true), `${dir} ${name}`).toMatchObject({ hop: 'proxy', action });
    }
  });
  it('without a proxy, bare texts are not blamed on one; dial errors are', () => {
    expect(proxyHopFromGoError('m@v1: Get "https://p/x": unexpected EOF', false)).toBeNull();
    expect(
      proxyHopFromGoError('m@v1: Get "https://p/x": dial tcp 1.2.3.4:443: connect: connection refused', true),
    ).toBeNull();
    expect(proxyHopFromGoError('reading http://p/x/@v/list: 407 Proxy Authentication Required', false)).toMatchObject({
      action: 'auth-required',
    });
  });
});
