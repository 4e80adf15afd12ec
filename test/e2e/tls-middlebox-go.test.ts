// Differential: behind a middlebox that swallows first TLS records over 1,200 bytes, the real `go` and our
// Go-shaped ClientHello check agree — Go ≥ 1.24 fails (TLS handshake timeout after 10 s) and the check says
// large-dropped, the GODEBUG fix it prints makes go succeed; Go ≤ 1.23 passes and the check says ok. Directly and
// through an HTTPS_PROXY CONNECT tunnel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { join } from 'node:path';
import { checkClientHello, type HelloCheckResult } from '../../src/probes/tls-hello.js';
import { startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.js';
import { startFaultProxy, TLS_DIR, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { startTlsMiddlebox, type TlsMiddlebox } from '../helpers/tls-middlebox.js';

let server: FaultProxy;
let box: TlsMiddlebox;
let cp: ConnectProxy;
let goVersion: string;
beforeAll(async () => {
  server = await startFaultProxy({ tls: 'self-signed' });
  box = await startTlsMiddlebox({ upstream: new URL(server.url).host, maxFirstRecord: 1200 });
  cp = await startConnectProxy({ hosts: { 'goproxy.corp.test': box.address } });
  const h = makeHermeticGo();
  goVersion = (await execa(TEST_GO, ['env', 'GOVERSION'], { env: h.env, extendEnv: false })).stdout.trim();
  h.cleanup();
});
afterAll(async () => {
  await cp?.close();
  await box?.close();
  await server?.close();
});

/** Runs go mod download through the middlebox (directly or by name through the CONNECT proxy). */
async function goDownload(route: 'direct' | 'proxy', godebug?: string) {
  const goproxy = route === 'direct' ? `https://${box.address}` : 'https://goproxy.corp.test';
  const go = makeHermeticGo({
    GOPROXY: goproxy,
    GOSUMDB: 'off',
    SSL_CERT_FILE: join(TLS_DIR, 'ca.pem'),
    SSL_CERT_DIR: '/nonexistent',
    GODEBUG: godebug,
    HTTPS_PROXY: route === 'proxy' ? cp.url : undefined,
  });
  try {
    const r = await execa(TEST_GO, ['mod', 'download', '-json', 'example.com/hello@v1.1.0'], {
      env: go.env,
      extendEnv: false,
      cwd: go.dir,
      reject: false,
      timeout: 40_000,
    });
    return { exitCode: r.exitCode, output: r.stdout + r.stderr };
  } finally {
    go.cleanup();
  }
}

function ourCheck(route: 'direct' | 'proxy', godebug?: string): Promise<HelloCheckResult> {
  const url = route === 'direct' ? `https://${box.address}` : 'https://goproxy.corp.test';
  return checkClientHello(url, {
    goVersion,
    godebug,
    env: route === 'proxy' ? { HTTPS_PROXY: cp.url } : {},
    timeoutMs: 1500,
  });
}

async function agree(route: 'direct' | 'proxy'): Promise<void> {
  const [go, ours] = await Promise.all([goDownload(route), ourCheck(route)]);
  if (ours.verdict === 'large-dropped') {
    expect(go.exitCode, route).not.toBe(0);
    expect(go.output).toMatch(/net\/http: TLS handshake timeout/);
    // The printed fix, applied, makes both go and the check pass.
    const godebug = /^export GODEBUG=(\S+)/.exec(ours.fix?.[0] ?? '')?.[1];
    expect(godebug).toBe('tlsmlkem=0');
    const [fixedGo, fixedOurs] = await Promise.all([goDownload(route, godebug), ourCheck(route, godebug)]);
    expect(fixedGo, route).toMatchObject({ exitCode: 0 });
    expect(fixedOurs).toMatchObject({ verdict: 'ok' });
  } else {
    expect(ours).toMatchObject({ ok: true, verdict: 'ok' });
    expect(go, route).toMatchObject({ exitCode: 0 });
  }
  // Go ≥ 1.24 sends a post-quantum key share by default; 1.19–1.23 do not.
  expect(ours.verdict).toBe(Number(/^go1\.(\d+)/.exec(goVersion)?.[1]) >= 24 ? 'large-dropped' : 'ok');
}

describe(`large-ClientHello middlebox: ${TEST_GO} and the check agree`, () => {
  it('directly and through HTTPS_PROXY (run side by side: go waits out its 10 s TLS handshake timeout)', async () => {
    await Promise.all((['direct', 'proxy'] as const).map((route) => agree(route)));
  }, 60_000);
});
