// The pure check-proxy rules on answers as data: how go reads .info, "not found", /supported, auth, TLS failures,
// and which canaries may be sent where. The end-to-end tests run them on real loopback proxies.
import { describe, expect, it } from 'vitest';
import { adviceFor, detectServer } from '../../../src/core/check-proxy/advice.js';
import { parseCanary, sumdbSkipReason, verifyCanaryPrivacy } from '../../../src/core/check-proxy/canaries.js';
import type { CheckProxyFacts } from '../../../src/core/check-proxy/facts.js';
import {
  contentTypeCheck,
  errorTextCheck,
  missingCheck,
  redirectCheck,
} from '../../../src/core/check-proxy/general-rules.js';
import { infoFinding } from '../../../src/core/check-proxy/protocol-rules.js';
import { supportedCheck, unknownSupportedCheck } from '../../../src/core/check-proxy/sumdb-rules.js';
import { authCheck, cacheCheck, concurrencyCheck, tlsCheck } from '../../../src/core/check-proxy/transport-rules.js';
import type { ProbeResult } from '../../../src/core/probe-types.js';

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
function res(
  status: number | undefined,
  body = '',
  headers: Record<string, string> = TEXT,
  extra: Partial<ProbeResult> = {},
): ProbeResult {
  return {
    url: `https://p.test/x${status}`,
    ok: status === 200,
    ...(status !== undefined ? { status } : {}),
    body,
    headers,
    timings: { totalMs: 5 },
    ...extra,
  };
}

function facts(over: Partial<CheckProxyFacts> = {}): CheckProxyFacts {
  return {
    url: 'https://p.test',
    scheme: 'https',
    hasUserinfo: false,
    credentialsSent: false,
    canaries: [{ path: 'rsc.io/quote', version: 'v1.5.2', source: 'default' }],
    results: { 'info:0': res(200, '{}') },
    unescaped: {},
    burst: [],
    tls: null,
    sumdb: { use: { name: 'sum.golang.org', via: 'proxy' }, skipped: {} },
    ...over,
  };
}

const PRIVACY = { GOPRIVATE: '', GONOPROXY: '', GONOSUMDB: '' };

describe('infoFinding (proxy.go Stat)', () => {
  it('accepts JSON with the requested version, field names in any case (encoding/json)', () => {
    expect(infoFinding('{"Version":"v1.5.2","Time":"2018-02-14T15:44:20Z"}', 'v1.5.2')).toBeNull();
    expect(infoFinding('{"version":"v1.5.2"}', 'v1.5.2')).toBeNull();
  });
  it("rejects other versions, non-JSON and bad times with go's words", () => {
    expect(infoFinding('{"Version":"v1.5.3"}', 'v1.5.2')?.message).toBe(
      'proxy returned info for version v1.5.3 instead of requested version',
    );
    expect(infoFinding('<html>', 'v1.5.2')?.message).toMatch(/^invalid response from proxy/);
    expect(infoFinding('{"Version":"v1.5.2","Time":"yesterday"}', 'v1.5.2')?.problem).toBe('bad-info');
  });
});

describe('"not found" answers (TryProxies falls through on 404/410 only)', () => {
  it.each([
    [404, '', null],
    [410, '', null],
    [400, '', 'missing-status'],
    [403, '', 'missing-status'],
    [502, '', 'missing-status'],
    [200, '{"Version":"v1.0.0"}', 'missing-200'],
  ])('%i → %s', (status, body, problem) => {
    const c = missingCheck('protocol.missing-version', 't', [{ r: res(status, body), list: false }]);
    expect(c.problem ?? null).toBe(problem);
  });
  it('an empty 200 list means "no versions" and is fine; an HTML 200 is not', () => {
    expect(missingCheck('m', 't', [{ r: res(200, '\n'), list: true }]).status).toBe('pass');
    const html = missingCheck('m', 't', [
      { r: res(200, '<html></html>', { 'content-type': 'text/html' }), list: true },
    ]);
    expect(html.problem).toBe('html-200');
  });
  it('error bodies go can print: text/plain with utf-8, us-ascii or no charset', () => {
    expect(errorTextCheck([res(404, 'not found: x')]).status).toBe('pass');
    expect(errorTextCheck([res(404, '<h1>no</h1>', { 'content-type': 'text/html' })]).problem).toBe('error-text');
    expect(errorTextCheck([res(404, '')]).problem).toBe('error-text');
    expect(errorTextCheck([res(404, 'x', { 'content-type': 'text/plain; charset=iso-8859-1' })]).problem).toBe(
      'error-text',
    );
  });
  it('Content-Type: a zip served as text is a warning', () => {
    expect(contentTypeCheck({ 'zip:0': res(200, 'PK', { 'content-type': 'text/plain' }) }).status).toBe('warn');
    expect(contentTypeCheck({ 'zip:0': res(200, 'PK', { 'content-type': 'application/zip' }) }).status).toBe('pass');
  });
  it("redirects: followed is fine, https → http or more than 10 is go's error", () => {
    expect(redirectCheck([res(200, '', TEXT, { redirects: ['https://cdn.test/x'] })]).status).toBe('pass');
    const bad = res(
      undefined,
      '',
      {},
      { message: 'redirected from secure URL https://p.test/a to insecure URL http://p.test/a (Go refuses this)' },
    );
    expect(redirectCheck([bad]).problem).toBe('redirect');
  });
});

describe('/sumdb/<name>/supported (initBase)', () => {
  it('200 → proxied, 404/410 → direct, anything else → unavailable', () => {
    expect(supportedCheck(facts(), res(200)).status).toBe('pass');
    expect(String(supportedCheck(facts(), res(410)).message)).toMatch(/directly/);
    expect(supportedCheck(facts(), res(500)).problem).toBe('supported-status');
  });
  it('for a database no one serves: 200 is blind, 400 stops go, 404 is right', () => {
    expect(unknownSupportedCheck(res(200)).problem).toBe('supported-blind');
    expect(unknownSupportedCheck(res(400)).problem).toBe('supported-status');
    expect(unknownSupportedCheck(res(404)).status).toBe('pass');
  });
});

describe('transport', () => {
  it('401 over https without .netrc credentials: auth-required; with them: auth-rejected', () => {
    const r401 = res(401, '', { 'www-authenticate': 'Basic realm="go"' });
    expect(authCheck(facts({ results: { a: r401 } }), undefined).problem).toBe('auth-required');
    expect(authCheck(facts({ results: { a: r401 }, credentialsSent: true }), undefined).problem).toBe('auth-rejected');
    expect(authCheck(facts({ results: { a: r401 }, scheme: 'http' }), undefined).problem).toBe('auth-over-http');
  });
  it('credentials that work: the anonymous request shows the challenge, or warns when it has none', () => {
    const f = facts({ credentialsSent: true });
    expect(authCheck(f, res(401, '', { 'www-authenticate': 'Basic realm="go"' })).status).toBe('pass');
    expect(authCheck(f, res(401, '', {})).problem).toBe('auth-no-challenge');
    expect(String(authCheck(f, res(200)).message)).toMatch(/no authentication required/);
  });
  it('TLS: an unknown issuer without an AIA URL is an unknown authority, not a missing intermediate', () => {
    const failed = res(
      undefined,
      '',
      {},
      {
        cause: 'tls',
        message: 'certificate signed by unknown authority',
        tls: { reason: 'unknown-authority', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
      },
    );
    const leaf = {
      subject: 's',
      issuer: 'Corp CA',
      validFrom: '2020-01-01T00:00:00Z',
      validTo: '2120-01-01T00:00:00Z',
      selfIssued: false,
    };
    const tls = { alpn: null, version: 'TLSv1.3', chain: [leaf] };
    expect(tlsCheck(facts({ results: { a: failed }, tls })).problem).toBe('tls-unknown-authority');
    const withAia = { ...tls, chain: [{ ...leaf, caIssuers: 'http://ca.test/int.crt' }] };
    expect(tlsCheck(facts({ results: { a: failed }, tls: withAia })).problem).toBe('tls-chain-incomplete');
    const soon = { ...tls, chain: [{ ...leaf, validTo: new Date(Date.now() + 86400e3).toISOString() }] };
    expect(tlsCheck(facts({ tls: soon })).problem).toBe('tls-expires-soon');
  });
  it('cache timing and the parallel burst', () => {
    expect(cacheCheck(res(200), res(200)).status).toBe('pass');
    expect(cacheCheck(res(200, '', TEXT, { timings: { totalMs: 30_000 } }), res(200)).problem).toBe('slow');
    expect(String(concurrencyCheck([res(200), res(429), res(undefined, '', {}, { cause: 'reset' })]).message)).toBe(
      '2 of 3 failed: 429, reset',
    );
  });
});

describe('canaries and privacy', () => {
  it('--module must be path@canonical-version that fits the path', () => {
    expect(parseCanary('golang.org/x/text@v0.14.0')).toMatchObject({ path: 'golang.org/x/text', version: 'v0.14.0' });
    expect(() => parseCanary('golang.org/x/text')).toThrow(/expected path@version/);
    expect(() => parseCanary('example.com/m@v2.0.0')).toThrow(/should be v0 or v1, not v2/);
    expect(() => parseCanary('example.com/m@v1.2')).toThrow(/not canonical; use example.com\/m@v1.2.0/);
  });
  it('never sends a GONOPROXY path, nor an unlisted private-looking path to a public proxy', () => {
    const c = [{ path: 'git.corp.example.com/lib', version: 'v1.0.0', source: '--module' as const }];
    expect(() =>
      verifyCanaryPrivacy(c, 'https://goproxy.corp.test', { ...PRIVACY, GONOPROXY: '*.corp.example.com' }),
    ).toThrow(/GONOPROXY/);
    expect(() => verifyCanaryPrivacy(c, 'https://proxy.golang.org', PRIVACY)).toThrow(/not on a known public host/);
    expect(() => verifyCanaryPrivacy(c, 'https://goproxy.corp.test', PRIVACY)).not.toThrow();
    expect(String(sumdbSkipReason(c[0]!, 'sum.golang.org', PRIVACY))).toMatch(
      /not sent to the public checksum database/,
    );
    expect(String(sumdbSkipReason(c[0]!, 'sum.corp.test', { ...PRIVACY, GONOSUMDB: 'git.corp.example.com' }))).toMatch(
      /GONOSUMDB/,
    );
    expect(sumdbSkipReason(c[0]!, 'sum.corp.test', PRIVACY)).toBeNull();
  });
});

describe('server products and advice', () => {
  it('recognises products by their headers, and puts their own setting first', () => {
    expect(detectServer({ 'x-jfrog-version': 'Artifactory/7.77' }).product).toBe('artifactory');
    expect(detectServer({ server: 'Nexus/3.61.0-02 (OSS)' }).product).toBe('nexus');
    expect(detectServer({ server: 'nginx' })).toEqual({ header: 'nginx' });
    const a = adviceFor('supported-blind', { product: 'athens' });
    expect(String(a.fix[0])).toMatch(/ATHENS_SUM_DBS/);
    expect(String(adviceFor('supported-blind', {}).fix[0])).toMatch(/404 for databases the proxy does not serve/);
  });
});
