// Go's certificate rules, pure: the DER reader against Node's parser, VerifyHostname against Go's own test table
// (crypto/x509 x509_test.go matchHostnamesTests), and goVerify's order and chain building on the fixture chains.
import { describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ipString, parseCertificate, type X509Facts } from '../../../src/core/tls/x509-der.js';
import { goVerifyHostname } from '../../../src/core/tls/x509-hostname.js';
import { goVerify, type GoVerifyInput } from '../../../src/core/tls/x509-verify.js';
import { TLS_DIR } from '../../helpers/fault-proxy.js';

const load = (name: string): X509Facts =>
  parseCertificate(new X509Certificate(readFileSync(join(TLS_DIR, 'x509', `${name}.pem`))).raw);
const withNames = (dnsNames: string[]): X509Facts => ({ ...load('ca-leaf'), dnsNames, ipAddresses: [] });

describe('parseCertificate reads what Node reads', () => {
  it.each(['ca-leaf', 'root', 'inter', 'via-inter', 'self-ca', 'cn-only', 'client-only', 'sha1', 'expired'])(
    '%s',
    (name) => {
      const pemText = readFileSync(join(TLS_DIR, 'x509', `${name}.pem`));
      const node = new X509Certificate(pemText);
      const f = parseCertificate(node.raw);
      const san = [...f.dnsNames.map((d) => `DNS:${d}`), ...f.ipAddresses.map((i) => `IP Address:${i}`)];
      expect(san.join(', ')).toBe(node.subjectAltName ?? '');
      expect(f.hasSAN).toBe(node.subjectAltName !== undefined);
      expect(f.isCA).toBe(node.ca);
      expect(f.notBefore).toBe(Date.parse(node.validFrom));
      expect(f.notAfter).toBe(Date.parse(node.validTo));
      expect(f.extKeyUsage).toEqual(node.keyUsage ?? []);
      expect(`CN=${f.subjectCN}`).toBe(node.subject);
      expect(BigInt(f.serial).toString(16).toUpperCase()).toBe(node.serialNumber.replace(/^0+/, ''));
      expect(f.rawIssuer === f.rawSubject).toBe(node.issuer === node.subject);
    },
  );
  it('extensions Go decides with', () => {
    expect(load('inter')).toMatchObject({ basicConstraintsValid: true, maxPathLen: -1, keyUsage: 32 | 64 });
    expect(load('inter').issuingCertificateURL).toEqual(['http://pki.invalid/inter.crt']);
    expect(load('via-inter').authorityKeyId).toBe(load('inter').subjectKeyId);
    expect(load('ca-leaf')).toMatchObject({ basicConstraintsValid: true, isCA: false, keyUsage: 1, version: 3 });
    expect(load('sha1').signatureAlgorithm).toBe('1.2.840.10045.4.1');
    expect(load('ca-leaf').unhandledCritical).toEqual([]);
  });
  it('ipString is net.IP.String', () => {
    expect(ipString(Uint8Array.from([127, 0, 0, 1]))).toBe('127.0.0.1');
    expect(ipString(Uint8Array.from([...new Array(15).fill(0), 1]))).toBe('::1');
    expect(ipString(Uint8Array.from([0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]))).toBe(
      '2001:db8::1:0:0:1',
    );
    expect(ipString(Uint8Array.from([...new Array(10).fill(0), 0xff, 0xff, 10, 0, 0, 1]))).toBe('10.0.0.1');
  });
});

describe('goVerifyHostname: Go 1.27 matchHostnamesTests', () => {
  // crypto/x509/x509_test.go matchHostnamesTests (pattern, host, ok), as TestMatchHostnames runs them.
  const table: Array<[string, string, boolean]> = [
    ['a.b.c', 'a.b.c', true],
    ['a.b.c', 'b.b.c', false],
    ['', 'b.b.c', false],
    ['a.b.c', '', false],
    ['example.com', 'example.com', true],
    ['example.com', 'www.example.com', false],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'www.example.com', true],
    ['*.example.com', 'www.example.com.', true],
    ['*.example.com', 'xyz.www.example.com', false],
    ['*.example.com', 'https://www.example.com', false],
    ['*.example..com', 'www.example..com', false],
    ['www.example..com', 'www.example..com', true],
    ['*.*.example.com', 'xyz.www.example.com', false],
    ['*.www.*.com', 'xyz.www.example.com', false],
    ['*bar.example.com', 'foobar.example.com', false],
    ['f*.example.com', 'foobar.example.com', false],
    ['www.example.com', '*.example.com', false],
    ['', '.', false],
    ['.', '', false],
    ['.', '.', false],
    ['example.com', 'example.com.', true],
    ['example.com.', 'example.com', false],
    ['example.com.', 'example.com.', true],
    ['*.com.', 'example.com.', false],
    ['*.com.', 'example.com', false],
    ['*.com', 'example.com', true],
    ['*.com', 'example.com.', true],
    ['foo:bar', 'foo:bar', true],
    ['*.foo:bar', 'xxx.foo:bar', false],
    ['*.2.3.4', '1.2.3.4', false],
    ['*.2.3.4', '[1.2.3.4]', false],
    ['*:4860:4860::8888', '2001:4860:4860::8888', false],
    ['*:4860:4860::8888', '[2001:4860:4860::8888]', false],
    ['2001:4860:4860::8888', '2001:4860:4860::8888', false],
    ['2001:4860:4860::8888', '[2001:4860:4860::8888]', false],
    ['[2001:4860:4860::8888]', '2001:4860:4860::8888', false],
    ['[2001:4860:4860::8888]', '[2001:4860:4860::8888]', false],
  ];
  it.each(table)('%j vs %j → %s', (pattern, host, ok) => {
    expect(goVerifyHostname(withNames([pattern]), host, 'go1.27.3') === null).toBe(ok);
  });
  it('a bare "*" pattern matches a one-label host before Go 1.23 only (validHostname)', () => {
    expect(goVerifyHostname(withNames(['*']), 'intranet', 'go1.22.12')).toBeNull();
    expect(goVerifyHostname(withNames(['*']), 'intranet', 'go1.23.12')).not.toBeNull();
  });
  it('error texts', () => {
    expect(goVerifyHostname(load('wrong-name'), 'localhost')?.goError).toBe(
      'x509: certificate is valid for wrong.invalid, not localhost',
    );
    expect(goVerifyHostname(load('wrong-name'), '127.0.0.1')?.goError).toBe(
      "x509: cannot validate certificate for 127.0.0.1 because it doesn't contain any IP SANs",
    );
    expect(goVerifyHostname(load('cn-only'), 'localhost')).toMatchObject({
      legacyCommonName: true,
      goError: 'x509: certificate relies on legacy Common Name field, use SANs instead',
    });
    expect(goVerifyHostname(load('ip-only'), 'localhost')?.goError).toBe(
      'x509: certificate is not valid for any names, but wanted to match localhost',
    );
    const many = withNames(Array.from({ length: 100 }, (_, i) => `h${i}.test`));
    expect(goVerifyHostname(many, 'x.test', 'go1.24.0')?.goError).toBe(
      'x509: certificate is valid for 100 names, but none matched x.test',
    );
    expect(goVerifyHostname(many, 'x.test', 'go1.23.12')?.goError).toMatch(
      /^x509: certificate is valid for h0\.test, h1\.test/,
    );
  });
});

describe('goVerify', () => {
  const verifyInput = (
    leaf: string,
    sent: string[],
    roots: string[],
    extra: Partial<GoVerifyInput> = {},
  ): GoVerifyInput => ({
    leaf: load(leaf),
    intermediates: sent.map(load),
    roots: roots.map(load),
    host: '127.0.0.1',
    now: Date.UTC(2026, 0, 1),
    goVersion: 'go1.26.8',
    godebug: new Map(),
    signedBy: (child, parent) =>
      new X509Certificate(Buffer.from(child.der)).verify(new X509Certificate(Buffer.from(parent.der)).publicKey),
    ...extra,
  });
  it('builds leaf → intermediate → root, and fails without the intermediate', () => {
    const ok = goVerify(verifyInput('via-inter', ['inter'], ['root']));
    expect(ok.ok && ok.chain.map((c) => c.subjectCN)).toEqual([
      'via-inter',
      'gomodctl x509 intermediate',
      'gomodctl x509 root',
    ]);
    expect(goVerify(verifyInput('via-inter', [], ['root']))).toMatchObject({
      ok: false,
      error: { kind: 'unknown-authority' },
    });
  });
  it('order: expiry, then name, then authority', () => {
    expect(goVerify(verifyInput('expired', [], []))).toMatchObject({ error: { kind: 'expired' } });
    expect(goVerify(verifyInput('wrong-name', [], []))).toMatchObject({ error: { kind: 'hostname' } });
  });
  it('SHA-1: refused, allowed by GODEBUG=x509sha1=1 only before Go 1.24', () => {
    const hint = /insecure algorithm ECDSA-SHA1 \(temporarily override with GODEBUG=x509sha1=1\)/;
    const r = goVerify(verifyInput('sha1', [], ['root'], { goVersion: 'go1.23.12' }));
    expect(!r.ok && r.error.goError).toMatch(hint);
    expect(
      goVerify(verifyInput('sha1', [], ['root'], { goVersion: 'go1.23.12', godebug: new Map([['x509sha1', '1']]) })).ok,
    ).toBe(true);
    expect(goVerify(verifyInput('sha1', [], ['root'], { godebug: new Map([['x509sha1', '1']]) })).ok).toBe(false);
  });
  it('Go 1.27 drops chains through a distrusted key: no valid chains', () => {
    const r = goVerify(
      verifyInput('ca-leaf', [], ['root'], {
        goVersion: 'go1.27.3',
        distrusted: (c) => c.subjectCN === 'gomodctl x509 root',
      }),
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'no-valid-chains', goError: 'x509: no valid chains built' } });
    expect(goVerify(verifyInput('ca-leaf', [], ['root'], { distrusted: () => true })).ok).toBe(true);
  });
});
