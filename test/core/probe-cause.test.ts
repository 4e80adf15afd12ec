// Pure failure classification: error codes, statuses, TLS findings (Go's verification order) and proxy bodies.
import { describe, expect, it } from 'vitest';
import { classifyNetError, classifyStatus, errorCode } from '../../src/core/probe-cause.js';
import { classifyGoProxyBody } from '../../src/core/proxy-body.js';
import { classifyTls } from '../../src/core/tls-cause.js';
import { timeoutFailure } from '../../src/core/probe-hop.js';
import { classifyConnectAnswer } from '../../src/core/connect-answer.js';

const err = (code: string, message = code): Error => Object.assign(new Error(message), { code });
const ctx = { address: 'goproxy.corp.test:443' };

describe('classifyNetError', () => {
  it.each([
    ['ENOTFOUND', 'dns', 'dns', 'DNS lookup of goproxy.corp.test failed (no such host)'],
    [
      'EAI_AGAIN',
      'dns',
      'dns',
      'DNS lookup of goproxy.corp.test failed (temporary DNS failure, the resolver did not answer)',
    ],
    ['ECONNREFUSED', 'connect', 'refused', 'connection refused by goproxy.corp.test:443'],
    ['ECONNRESET', 'tls', 'reset', 'connection closed by goproxy.corp.test:443 during the TLS handshake'],
    ['UND_ERR_SOCKET', 'first-byte', 'reset', 'connection closed by goproxy.corp.test:443 before sending a response'],
    ['EPIPE', 'first-byte', 'reset', 'connection closed by goproxy.corp.test:443 before sending a response'],
    [
      'HPE_INVALID_CONSTANT',
      'first-byte',
      'bad-response',
      'goproxy.corp.test:443 did not answer with valid HTTP (HPE_INVALID_CONSTANT)',
    ],
    [
      'ERR_SSL_WRONG_VERSION_NUMBER',
      'tls',
      'tls',
      'TLS handshake with goproxy.corp.test:443 failed: the server does not speak TLS here (plain HTTP port?)',
    ],
  ] as const)('%s in %s → %s', (code, phase, cause, message) => {
    expect(JSON.parse(JSON.stringify(classifyNetError(err(code), phase, ctx)))).toMatchObject({ cause, message });
  });

  it('failures talking to the proxy are cause "proxy" and name the proxy', () => {
    const f = classifyNetError(err('ECONNREFUSED'), 'proxy-connect', {
      address: '127.0.0.1:1',
      via: 'http://u:xxxxx@127.0.0.1:1',
    });
    expect(f).toEqual({
      cause: 'proxy',
      phase: 'proxy-connect',
      message:
        'connection refused by proxy http://u:xxxxx@127.0.0.1:1; Go fails with "proxyconnect tcp: dial tcp 127.0.0.1:1: connect: connection refused"',
      hop: 'proxy',
      peer: 'http://u:xxxxx@127.0.0.1:1',
      proxy: { url: 'http://u:xxxxx@127.0.0.1:1', action: 'refused' },
      go: { error: 'proxyconnect tcp: dial tcp ADDRESS: connect: connection refused' },
    });
  });

  it('finds codes in error causes (undici wraps them)', () => {
    expect(errorCode(Object.assign(new Error('fetch failed'), { cause: err('ECONNRESET') }))).toBe('ECONNRESET');
    expect(classifyNetError(new Error('weird'), 'connect', ctx).cause).toBe('unknown');
  });
});

describe('timeoutFailure', () => {
  it('names the phase where the probe stalled', () => {
    expect(String(timeoutFailure('first-byte', 5000, ctx).message)).toBe(
      'connection to goproxy.corp.test:443 succeeded, no response within 5.0s; Go sets no limit on the response: it waits as long as the connection stays open',
    );
    expect(String(timeoutFailure('tls', 500, ctx).message)).toBe(
      'TCP connect to goproxy.corp.test:443 succeeded, TLS handshake did not finish within 500ms; Go gives up after 10 s with "net/http: TLS handshake timeout"',
    );
    expect(timeoutFailure('dns', 500, ctx)).toMatchObject({ cause: 'timeout', phase: 'dns' });
  });
});

describe('classifyStatus / classifyConnectAnswer', () => {
  it('maps statuses', () => {
    expect(classifyStatus(200, 'u')).toBeNull();
    expect(classifyStatus(302, 'u')).toBeNull();
    expect(JSON.parse(JSON.stringify(classifyStatus(404, 'https://p/x')))).toMatchObject({
      cause: 'http-status',
      status: 404,
      message: 'https://p/x answered 404 Not Found (reachable; it does not serve this path)',
    });
    expect(classifyStatus(500, 'u')).toMatchObject({ cause: 'http-status', status: 500 });
    for (const s of [401, 403, 407]) expect(classifyStatus(s, 'u')?.cause).toBe('auth');
  });
  it('CONNECT 407 is auth, other refusals are proxy', () => {
    const answer = (status: number, reason: string) => ({ status, reason, challenges: [] });
    expect(classifyConnectAnswer(answer(407, 'Proxy Authentication Required'), 'http://p:3128', 'h:443')).toMatchObject(
      {
        cause: 'auth',
        phase: 'proxy-connect',
        status: 407,
        hop: 'proxy',
      },
    );
    expect(classifyConnectAnswer(answer(403, 'Forbidden'), 'http://p:3128', 'h:443')).toMatchObject({
      cause: 'proxy',
      status: 403,
    });
  });
});

describe('classifyTls follows crypto/x509 Verify order: expiry, then name, then authority', () => {
  const base = { host: 'goproxy.corp.test', issuer: 'CN=Corp Inspect CA', expired: false, nameMismatch: false };
  it('valid → null', () => expect(classifyTls(base)).toBeNull());
  it('unknown authority names the issuer', () => {
    const f = classifyTls({ ...base, authorizationCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(f?.tls).toEqual({
      reason: 'unknown-authority',
      issuer: 'CN=Corp Inspect CA',
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
    expect(String(f?.message)).toMatch(/^certificate signed by unknown authority \(issuer: CN=Corp Inspect CA\)/);
  });
  it('an expired untrusted certificate is reported as expired, like Go', () => {
    expect(
      classifyTls({ ...base, expired: true, nameMismatch: true, authorizationCode: 'SELF_SIGNED_CERT_IN_CHAIN' })?.tls
        ?.reason,
    ).toBe('expired');
  });
  it('a wrong name on an untrusted certificate is reported as name mismatch, like Go', () => {
    const f = classifyTls({
      ...base,
      nameMismatch: true,
      validFor: 'DNS:wrong.invalid',
      authorizationCode: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(f?.tls?.reason).toBe('name-mismatch');
    expect(String(f?.message)).toContain('it is valid for DNS:wrong.invalid');
  });
});

describe('classifyGoProxyBody', () => {
  it('accepts real answers', () => {
    expect(classifyGoProxyBody('list', 200, 'text/plain; charset=utf-8', 'v1.0.0\nv1.1.0-rc.1\n')).toBeNull();
    expect(classifyGoProxyBody('list', 200, 'text/plain', '')).toBeNull();
    expect(
      classifyGoProxyBody('info', 200, 'application/json', '{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}'),
    ).toBeNull();
    expect(classifyGoProxyBody('mod', 200, 'text/plain', '// c\nmodule example.com/m\n\ngo 1.21\n')).toBeNull();
    expect(classifyGoProxyBody('supported', 200, 'text/html', '<html>')).toBeNull();
    expect(
      classifyGoProxyBody(
        'lookup',
        200,
        'text/plain',
        '42\nexample.com/m v1.0.0 h1:abc=\nexample.com/m v1.0.0/go.mod h1:def=\n\ngo.sum database tree\n',
      ),
    ).toBeNull();
  });
  it('rejects captive portals and garbage', () => {
    expect(
      String(classifyGoProxyBody('list', 200, 'text/html; charset=utf-8', '<!doctype html><html>Access denied</html>')),
    ).toMatch(/HTML page/);
    expect(String(classifyGoProxyBody('list', 200, undefined, '  <html><body>login</body></html>'))).toMatch(
      /HTML page/,
    );
    expect(String(classifyGoProxyBody('list', 200, 'text/plain', 'latest\n'))).toMatch(/"latest"/);
    expect(String(classifyGoProxyBody('info', 200, 'application/json', '{"ok":true}'))).toMatch(/Version/);
    expect(String(classifyGoProxyBody('info', 200, 'text/plain', 'nope'))).toMatch(/not JSON/);
    expect(String(classifyGoProxyBody('mod', 200, 'text/plain', 'hello'))).toMatch(/module directive/);
    expect(String(classifyGoProxyBody('lookup', 200, 'text/plain', 'hello'))).toMatch(/signed tree note/);
  });
  it('non-2xx is left to the status check', () =>
    expect(classifyGoProxyBody('list', 404, 'text/html', '<html>')).toBeNull());
});
