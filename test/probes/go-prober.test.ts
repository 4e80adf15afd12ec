// The one prober sees the network as the running Go does: the same trust (SSL_CERT_FILE) and credentials (.netrc,
// matched by Go version) make the real `go` and the prober succeed or fail together; it reads them once, reports an
// unreadable .netrc instead of failing, and close() / the caller's signal cancel what is in flight.
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoProber } from '../../src/probes/go-prober.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';

let p: FaultProxy;
let goVersion = '';
beforeAll(async () => {
  p = await startFaultProxy({ tls: 'self-signed', auth: { user: 'gopher', pass: 'prober-pw' } });
  const h = makeHermeticGo();
  goVersion = (await execa(TEST_GO, ['env', 'GOVERSION'], { env: h.env, extendEnv: false, timeout: 20_000 })).stdout;
  h.cleanup();
});
afterAll(() => p?.close());

/** Polls fn every 20 ms until it gives a value (5 s at most: then the test fails on undefined). */
async function until<T>(fn: () => T | undefined): Promise<T | undefined> {
  for (let i = 0; i < 250; i++) {
    try {
      const v = fn();
      if (v !== undefined) return v;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

const alive = (pid: number | undefined): boolean => {
  try {
    return pid !== undefined && process.kill(pid, 0);
  } catch {
    return false;
  }
};

describe(`prober and ${TEST_GO} agree`, () => {
  const port = () => new URL(p.url).port;
  it.each([
    ['no trust, no credentials', false, ''],
    ['trusted CA, no credentials', true, ''],
    ['trusted CA, machine host:port', true, 'withPort'],
    ['trusted CA, machine host only', true, 'hostOnly'],
  ])('%s', async (_name, trusted, netrcKind) => {
    const h = makeHermeticGo({ GOPROXY: p.base('auth'), GOSUMDB: 'off', SSL_CERT_DIR: '/nonexistent' });
    try {
      if (trusted) h.env.SSL_CERT_FILE = p.caFile!;
      if (netrcKind) {
        const machine = netrcKind === 'withPort' ? `127.0.0.1:${port()}` : '127.0.0.1';
        h.env.NETRC = join(h.dir, 'netrc');
        writeFileSync(h.env.NETRC, `machine ${machine} login gopher password prober-pw\n`, { mode: 0o600 });
      }
      const go = await execa(TEST_GO, ['mod', 'download', '-json', 'example.com/hello@v1.1.0'], {
        env: h.env,
        extendEnv: false,
        cwd: h.dir,
        reject: false,
        timeout: 30_000,
      });
      const prober = await createGoProber({ env: h.env, goVersion, platform: 'linux', timeoutMs: 5000 });
      const r = await prober.probe(`${p.base('auth')}/example.com/hello/@v/v1.1.0.info`);
      prober.close();
      expect(r.ok, `${goVersion}: go exit ${go.exitCode}\n${go.stdout}${go.stderr}\nprobe: ${r.message}`).toBe(
        go.exitCode === 0,
      );
      if (!trusted) expect(r.cause).toBe('tls');
    } finally {
      h.cleanup();
    }
  });
});

describe('createGoProber', () => {
  it('an unreadable .netrc is reported, and probes go on without credentials', async () => {
    const h = makeHermeticGo({ NETRC: '/' });
    try {
      const prober = await createGoProber({ env: h.env, goVersion, platform: 'linux', timeoutMs: 2000 });
      expect(prober.credentialsError).toMatch(/EISDIR|illegal operation on a directory/);
      const r = await prober.probe(`${p.base('auth')}/example.com/hello/@v/list`);
      expect(r.ok).toBe(false); // TLS: SSL_CERT_FILE is not set either
      prober.close();
    } finally {
      h.cleanup();
    }
  });

  it('close() and the caller’s signal cancel probes in flight', async () => {
    const h = makeHermeticGo({ SSL_CERT_FILE: p.caFile! });
    try {
      const prober = await createGoProber({ env: h.env, goVersion, platform: 'linux', timeoutMs: 60_000 });
      const pending = prober.probe(`${p.base('blackhole')}/example.com/hello/@v/list`);
      setTimeout(() => prober.close(), 100);
      const rp = await pending;
      expect(rp.ok).toBe(false);
      expect(String(rp.message)).toBe('probe cancelled before it finished');
      const outer = new AbortController();
      const second = await createGoProber({
        env: h.env,
        goVersion,
        platform: 'linux',
        timeoutMs: 60_000,
        signal: outer.signal,
      });
      const waiting = second.probe(`${p.base('blackhole')}/example.com/hello/@v/list`);
      setTimeout(() => outer.abort(), 100);
      const rw = await waiting;
      expect(rw.ok).toBe(false);
      expect(String(rw.message)).toBe('probe cancelled before it finished');
    } finally {
      h.cleanup();
    }
  });

  it('close() kills a GOAUTH command still running (Go 1.24+ runs it before the first request)', async () => {
    const h = makeHermeticGo({ SSL_CERT_FILE: p.caFile! });
    try {
      const script = join(h.dir, 'slow-auth.sh');
      const pidFile = join(h.dir, 'auth.pid');
      writeFileSync(script, `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 60\n`, { mode: 0o755 });
      const prober = await createGoProber({
        env: h.env,
        goVersion: 'go1.26.0',
        goauth: script,
        platform: 'linux',
        timeoutMs: 60_000,
      });
      const pending = prober.probe(`${p.base('auth')}/example.com/hello/@v/list`);
      const pid = await until(() => Number(readFileSync(pidFile, 'utf8')) || undefined);
      prober.close();
      await pending;
      expect(await until(() => (alive(pid) ? undefined : true)), `GOAUTH command ${pid} still running`).toBe(true);
    } finally {
      h.cleanup();
    }
  });

  it('leaves no listener on the shared signal once a probe finished (no MaxListenersExceededWarning)', async () => {
    const h = makeHermeticGo({ SSL_CERT_FILE: p.caFile! });
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const prober = await createGoProber({ env: h.env, goVersion, platform: 'linux', timeoutMs: 5_000 });
      const urls = Array.from({ length: 24 }, (_, i) => `${p.base()}/example.com/hello/@v/v1.${i}.0.info`);
      await Promise.all(urls.map((u) => prober.probe(u)));
      await Promise.all(urls.map((u) => prober.probe(u)));
      await new Promise((r) => setImmediate(r));
      prober.close();
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      h.cleanup();
    }
  });

  it('GOMODCTL_NO_EGRESS=1: a host name fails as unresolvable, an IP literal still works (the suite stays local)', async () => {
    const h = makeHermeticGo({ SSL_CERT_FILE: p.caFile! });
    try {
      expect(h.env.GOMODCTL_NO_EGRESS).toBe('1');
      const prober = await createGoProber({ env: h.env, goVersion, platform: 'linux', timeoutMs: 5_000 });
      const [named, local] = await Promise.all([
        prober.probe('https://example.com/hello/@v/list'),
        prober.probe(`${p.base()}/example.com/hello/@v/list`),
      ]);
      prober.close();
      expect(named).toMatchObject({ ok: false, cause: 'dns' });
      expect(local.ok).toBe(true);
    } finally {
      h.cleanup();
    }
  });
});
