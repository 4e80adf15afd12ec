// The wizard's mirror probes see the network as Go does: the CA roots from SSL_CERT_FILE and .netrc credentials.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo } from '../helpers/go-env.js';
import { probeMirrors } from '../../src/app/init-wizard.js';
import { createGoProber } from '../../src/probes/go-prober.js';

let p: FaultProxy;
beforeAll(async () => {
  p = await startFaultProxy({ tls: 'self-signed' });
});
afterAll(async () => {
  await p?.close();
});

it('a mirror behind a corporate CA and basic auth probes ok with SSL_CERT_FILE and .netrc, fails without', async () => {
  const h = makeHermeticGo();
  const prober = (env: NodeJS.ProcessEnv) =>
    createGoProber({ env, goVersion: null, platform: process.platform, timeoutMs: 2000 });
  try {
    const netrc = join(h.dir, 'netrc');
    const host = new URL(p.url).hostname;
    const port = new URL(p.url).port;
    writeFileSync(
      netrc,
      `machine ${host}:${port} login gopher password secret\nmachine ${host} login gopher password secret\n`,
      { mode: 0o600 },
    );
    const mirror = { id: 'corp', url: p.base('auth'), note: 'test mirror' };
    const [bare] = await probeMirrors([mirror], await prober(h.env), 'example.com/hello');
    expect(bare!.list).toMatchObject({ ok: false, cause: 'tls' });
    const trustedEnv = { ...h.env, SSL_CERT_FILE: p.caFile, NETRC: netrc };
    const [trusted] = await probeMirrors([mirror], await prober(trustedEnv), 'example.com/hello');
    expect(trusted!.list).toMatchObject({ ok: true, status: 200 });
  } finally {
    h.cleanup();
  }
});
