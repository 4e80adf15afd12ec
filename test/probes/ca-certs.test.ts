// Which roots Go trusts (crypto/x509/root_unix.go loadSystemRoots): per-OS locations (pure, platform passed in) and
// loading them.
import { describe, expect, it, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { extractPemCertificates, loadGoTrustedCAs } from '../../src/probes/ca-certs.js';
import { getGoCaLocations, LINUX_CERT_DIRS, LINUX_CERT_FILES } from '../../src/core/tls/go-roots.js';
import { probeUrl } from '../../src/probes/http-probe.js';
import { startFaultProxy, TLS_DIR } from '../helpers/fault-proxy.js';

const CA_PEM = readFileSync(join(TLS_DIR, 'ca.pem'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'gomodctl-ca-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('getGoCaLocations', () => {
  it('Linux defaults: Go bundle-file list and directories', () => {
    expect(getGoCaLocations({ platform: 'linux', env: {} })).toEqual({
      platformVerifier: false,
      files: LINUX_CERT_FILES,
      dirs: LINUX_CERT_DIRS,
      overriddenBy: [],
    });
  });
  it('SSL_CERT_FILE replaces only the file list; SSL_CERT_DIR (colon list) replaces only the directories', () => {
    expect(getGoCaLocations({ platform: 'linux', env: { SSL_CERT_FILE: '/corp/ca.pem' } })).toMatchObject({
      files: ['/corp/ca.pem'],
      dirs: LINUX_CERT_DIRS,
    });
    expect(getGoCaLocations({ platform: 'linux', env: { SSL_CERT_DIR: '/a:/b' } })).toMatchObject({
      files: LINUX_CERT_FILES,
      dirs: ['/a', '/b'],
      overriddenBy: ['SSL_CERT_DIR'],
    });
  });
  it('macOS and Windows use the platform verifier and ignore SSL_CERT_* (Go ≤1.26)', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      expect(getGoCaLocations({ platform, env: { SSL_CERT_FILE: '/x' }, goVersion: 'go1.26.8' })).toMatchObject({
        platformVerifier: true,
        files: [],
      });
    }
  });
});

describe('getGoCaLocations per Go release (crypto/x509 root.go, root_linux.go, root_bsd.go)', () => {
  it('Go 1.27 on macOS and Windows: SSL_CERT_FILE or SSL_CERT_DIR replaces the system verifier', () => {
    const env = { SSL_CERT_FILE: '/corp/ca.pem' };
    expect(getGoCaLocations({ platform: 'darwin', env, goVersion: 'go1.27.3' })).toEqual({
      platformVerifier: false,
      files: ['/corp/ca.pem'],
      dirs: [],
      overriddenBy: ['SSL_CERT_FILE'],
    });
    expect(
      getGoCaLocations({ platform: 'win32', env: { SSL_CERT_DIR: 'C:\\a;D:\\b' }, goVersion: 'go1.27.3' }),
    ).toMatchObject({
      files: [],
      dirs: ['C:\\a', 'D:\\b'],
    });
    expect(getGoCaLocations({ platform: 'darwin', env: {}, goVersion: 'go1.27.3' }).platformVerifier).toBe(true);
  });
  it('Go 1.27: GODEBUG=x509sslcertoverrideplatform=0 keeps the system verifier', () => {
    const env = { SSL_CERT_FILE: '/corp/ca.pem', GODEBUG: 'x509sslcertoverrideplatform=0' };
    expect(getGoCaLocations({ platform: 'darwin', env, goVersion: 'go1.27.3' }).platformVerifier).toBe(true);
  });
  it("Linux: Go ≤ 1.21 also reads Android's directory; BSDs have their own lists", () => {
    expect(getGoCaLocations({ platform: 'linux', env: {}, goVersion: 'go1.19.8' }).dirs).toEqual([
      ...LINUX_CERT_DIRS,
      '/system/etc/security/cacerts',
    ]);
    expect(getGoCaLocations({ platform: 'linux', env: {}, goVersion: 'go1.22.0' }).dirs).toEqual(LINUX_CERT_DIRS);
    expect(getGoCaLocations({ platform: 'freebsd', env: {} }).files[0]).toBe('/usr/local/etc/ssl/cert.pem');
  });
});

describe('loadGoTrustedCAs', () => {
  it('reads SSL_CERT_FILE and every file of SSL_CERT_DIR, skipping same-directory symlinks', async () => {
    const certDir = join(dir, 'certs');
    mkdirSync(certDir);
    writeFileSync(join(certDir, 'corp.pem'), `junk\n${CA_PEM}`);
    symlinkSync('corp.pem', join(certDir, 'abcd1234.0'));
    const file = join(dir, 'bundle.pem');
    writeFileSync(file, CA_PEM);
    const r = await loadGoTrustedCAs({ platform: 'linux', env: { SSL_CERT_FILE: file, SSL_CERT_DIR: certDir } });
    expect(r.ca).toEqual(extractPemCertificates(CA_PEM));
    expect(r.sources).toEqual([file, `${certDir} (1 files)`]);
  });

  it('nothing readable → an empty list (Go then trusts nothing)', async () => {
    const r = await loadGoTrustedCAs({
      platform: 'linux',
      env: { SSL_CERT_FILE: join(dir, 'none.pem'), SSL_CERT_DIR: join(dir, 'none') },
    });
    expect(r).toEqual({ ca: [], sources: [] });
  });

  it('darwin: Node defaults, and the reason is stated', async () => {
    const r = await loadGoTrustedCAs({ platform: 'darwin', env: { SSL_CERT_FILE: '/x' }, goVersion: 'go1.26.8' });
    expect(r.ca).toBeUndefined();
    expect(r.sources[0]).toMatch(/ignores SSL_CERT_FILE/);
  });

  it('end to end: SSL_CERT_FILE with the test CA makes a TLS probe succeed; without it, unknown authority', async () => {
    const p = await startFaultProxy({ tls: 'self-signed' });
    try {
      const trusted = await loadGoTrustedCAs({
        platform: 'linux',
        env: { SSL_CERT_FILE: p.caFile!, SSL_CERT_DIR: join(dir, 'none') },
      });
      expect(
        await probeUrl(`${p.url}/example.com/hello/@v/list`, { timeoutMs: 1500, env: {}, ca: trusted.ca }),
      ).toMatchObject({ ok: true });
      const empty = await loadGoTrustedCAs({
        platform: 'linux',
        env: { SSL_CERT_FILE: join(dir, 'none.pem'), SSL_CERT_DIR: join(dir, 'none') },
      });
      const r = await probeUrl(`${p.url}/example.com/hello/@v/list`, { timeoutMs: 1500, env: {}, ca: empty.ca });
      expect(r).toMatchObject({ cause: 'tls', tls: { reason: 'unknown-authority' } });
    } finally {
      await p.close();
    }
  });
});
