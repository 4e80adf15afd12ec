// The case of issue 9: an intranet proxy whose self-signed certificate (CA:TRUE, SAN IP 127.0.0.1) is trusted
// through SSL_CERT_FILE. The real go downloads through it, so doctor must report the proxy healthy (it used to say
// "certificate of 127.0.0.1 rejected (ERR_TLS_CERT_ALTNAME_INVALID)"); trusted nowhere, both refuse it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFaultProxy, TLS_DIR, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';
import { startTlsTerminator, type TlsTerminator } from '../helpers/tls-terminator.js';

const pem = (name: string): string => readFileSync(join(TLS_DIR, 'x509', `${name}.pem`), 'utf8');
let upstream: FaultProxy;
let intranet: TlsTerminator;
beforeAll(async () => {
  upstream = await startFaultProxy();
  intranet = await startTlsTerminator({
    key: pem('self-ca-key'),
    cert: pem('self-ca'),
    upstream: new URL(upstream.url).host,
  });
});
afterAll(async () => {
  await intranet?.close();
  await upstream?.close();
});

async function both(sslCertFile: string) {
  const h = makeHermeticGo({
    GOPROXY: `https://${intranet.address}`,
    GOSUMDB: 'off',
    SSL_CERT_FILE: sslCertFile,
    SSL_CERT_DIR: '/nonexistent',
  });
  try {
    const go = await execa(TEST_GO, ['mod', 'download', '-json', 'example.com/hello@v1.1.0'], {
      env: h.env,
      extendEnv: false,
      cwd: h.dir,
      reject: false,
      timeout: 30_000,
    });
    const r = await runCli(['doctor', '--json', '--timeout', '2s', '--module', 'example.com/hello@v1.1.0'], {
      env: h.env,
      cwd: h.dir,
    });
    const proxy = (
      JSON.parse(r.stdout) as { checks: Array<{ id: string; status: string; cause?: string; message: string }> }
    ).checks.find((c) => c.id === 'proxy.0')!;
    return { go: go.exitCode, proxy };
  } finally {
    h.cleanup();
  }
}

describe(`intranet proxy with a self-signed CA:TRUE certificate (SAN IP), ${TEST_GO}`, () => {
  it('trusted through SSL_CERT_FILE: go downloads, doctor says ok', async () => {
    const r = await both(join(TLS_DIR, 'x509', 'self-ca.pem'));
    expect(r.go).toBe(0);
    expect(r.proxy).toMatchObject({ status: 'ok' });
  });
  it('trusted nowhere: go fails, doctor says unknown authority', async () => {
    const r = await both(join(TLS_DIR, 'x509', 'root.pem'));
    expect(r.go).not.toBe(0);
    expect(r.proxy).toMatchObject({ status: 'fail', cause: 'tls' });
    expect(r.proxy.message).toMatch(/certificate signed by unknown authority/);
  });
});
