// Differential: which .netrc machine line the real `go` uses for an https proxy with an explicit port
// (docs/go-rules.md#credentials: 1.19 `machine host`, 1.21+ `machine host:port`), compared with findNetrcEntry and
// probeUrl.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNetrcEntry, parseNetrc } from '../../src/core/netrc.js';
import { probeUrl } from '../../src/probes/http-probe.js';
import { loadGoTrustedCAs } from '../../src/probes/ca-certs.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';

let p: FaultProxy;
let goVersion = '';

const outcomes: Record<string, boolean> = {};
beforeAll(async () => {
  p = await startFaultProxy({ tls: 'self-signed', auth: { user: 'gopher', pass: 'netrc-pw' } });
  const go = makeHermeticGo();
  goVersion = (
    await execa(TEST_GO, ['env', 'GOVERSION'], { env: go.env, extendEnv: false, timeout: 20_000 })
  ).stdout.trim();
  go.cleanup();
});
afterAll(() => p?.close());

const LINES = {
  hostOnly: 'machine 127.0.0.1 login gopher password netrc-pw\n',
  withPort: (port: string): string => `machine 127.0.0.1:${port} login gopher password netrc-pw\n`,
};

describe(`.netrc host matching agrees with ${TEST_GO}`, () => {
  it.each(['hostOnly', 'withPort'] as const)(
    '%s',
    async (kind) => {
      const port = new URL(p.url).port;
      const text = kind === 'hostOnly' ? LINES.hostOnly : LINES.withPort(port);
      const go = makeHermeticGo({
        GOPROXY: p.base('auth'),
        GOSUMDB: 'off',
        SSL_CERT_FILE: p.caFile!,
        SSL_CERT_DIR: join('/nonexistent'),
      });
      try {
        const netrcFile = join(go.dir, 'netrc');
        writeFileSync(netrcFile, text);
        go.env.NETRC = netrcFile;
        const r = await execa(TEST_GO, ['mod', 'download', '-json', 'example.com/hello@v1.1.0'], {
          env: go.env,
          extendEnv: false,
          cwd: go.dir,
          reject: false,
          timeout: 30_000,
        });
        const goOk = r.exitCode === 0;
        outcomes[kind] = goOk;
        const url = `${p.base('auth')}/example.com/hello/@v/v1.1.0.info`;
        const predicted = findNetrcEntry(parseNetrc(text), url, goVersion) !== null;
        expect(predicted, `${goVersion}: go exit ${r.exitCode}\n${r.stdout}${r.stderr}`).toBe(goOk);
        const ca = (await loadGoTrustedCAs({ platform: 'linux', env: go.env })).ca;
        const probe = await probeUrl(url, { timeoutMs: 1500, env: {}, ca, netrc: parseNetrc(text), goVersion });
        expect(probe.ok).toBe(goOk);
      } finally {
        go.cleanup();
      }
    },
    40_000,
  );

  it('exactly one of the two forms works in each version (the test really discriminates)', () => {
    expect(outcomes.hostOnly).not.toBe(outcomes.withPort);
    expect(outcomes.hostOnly).toBe(/go1\.19\b/.test(goVersion));
  });
});
