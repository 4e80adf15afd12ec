// Differential: the TLS failure reason the probe reports is the one the real `go` reports for the same server
// (crypto/x509 checks expiry, then the name, then the authority — crypto/x509 verify.go Certificate.Verify).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { join } from 'node:path';
import { probeUrl } from '../../src/probes/http-probe.js';
import { loadGoTrustedCAs } from '../../src/probes/ca-certs.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { startFaultProxy, TLS_DIR, type FaultProxy } from '../helpers/fault-proxy.js';

const GO_TEXT = {
  expired: /certificate has expired or is not yet valid/,
  'name-mismatch':
    /certificate is valid for wrong\.invalid, not 127\.0\.0\.1|certificate is valid for .*not 127\.0\.0\.1|doesn't contain any IP SANs/,
  'unknown-authority': /certificate signed by unknown authority/,
} as const;

const CASES: Array<{ tls: 'expired' | 'wrong-name' | 'self-signed'; trustCa: boolean; reason: keyof typeof GO_TEXT }> =
  [
    { tls: 'expired', trustCa: true, reason: 'expired' },
    { tls: 'expired', trustCa: false, reason: 'expired' }, // expiry is checked before the chain
    { tls: 'wrong-name', trustCa: true, reason: 'name-mismatch' },
    { tls: 'wrong-name', trustCa: false, reason: 'name-mismatch' }, // the name is checked before the chain
    { tls: 'self-signed', trustCa: false, reason: 'unknown-authority' },
  ];

const servers = new Map<string, FaultProxy>();
beforeAll(async () => {
  for (const tls of ['expired', 'wrong-name', 'self-signed'] as const) servers.set(tls, await startFaultProxy({ tls }));
});
afterAll(async () => Promise.all([...servers.values()].map((s) => s.close())));

describe(`TLS failure reasons agree with ${TEST_GO}`, () => {
  it.each(CASES)(
    '$tls (CA trusted: $trustCa) → $reason',
    async ({ tls, trustCa, reason }) => {
      const p = servers.get(tls)!;
      // Trust nothing but (optionally) the test CA, for go and for the probe alike.
      const certEnv = {
        SSL_CERT_FILE: trustCa ? join(TLS_DIR, 'ca.pem') : join(TLS_DIR, 'README.md'),
        SSL_CERT_DIR: '/nonexistent',
      };
      const go = makeHermeticGo({ GOPROXY: p.url, GOSUMDB: 'off', ...certEnv });
      try {
        const r = await execa(TEST_GO, ['mod', 'download', '-json', 'example.com/hello@v1.1.0'], {
          env: go.env,
          extendEnv: false,
          cwd: go.dir,
          reject: false,
          timeout: 30_000,
        });
        expect(r.exitCode).not.toBe(0);
        expect(r.stdout + r.stderr).toMatch(GO_TEXT[reason]);
        const { ca } = await loadGoTrustedCAs({ platform: 'linux', env: certEnv });
        const probe = await probeUrl(`${p.url}/example.com/hello/@v/list`, { timeoutMs: 1500, env: {}, ca });
        expect(probe).toMatchObject({ ok: false, cause: 'tls', tls: { reason, issuer: 'CN=gomodctl test ca' } });
      } finally {
        go.cleanup();
      }
    },
    40_000,
  );
});
