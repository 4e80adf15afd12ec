// Differential: for each certificate case (test/fixtures/tls/x509, generate.sh), the real `go` and our probe,
// trusting the same roots through SSL_CERT_FILE, give the same verdict — and our result carries the exact error
// text go prints (tls.go). Hosts: the IP literal, "localhost", and names reached through an HTTPS_PROXY.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { probeUrl } from '../../src/probes/http-probe.js';
import { loadGoTrustedCAs } from '../../src/probes/ca-certs.js';
import { startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.js';
import { startFaultProxy, TLS_DIR, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { startTlsTerminator, type TlsTerminator } from '../helpers/tls-terminator.js';

const X509 = join(TLS_DIR, 'x509');
const pem = (name: string): string => readFileSync(join(X509, `${name}.pem`), 'utf8');
type Verdict = 'ok' | 'expired' | 'name-mismatch' | 'unknown-authority' | 'other';
type Host = 'ip' | 'localhost' | 'goproxy.corp.test';

interface Case {
  name: string;
  /** Leaf first, then what the server also sends. */
  chain: string[];
  trust: string[];
  host: Host;
  want: Verdict;
}

const c = (name: string, chain: string[], trust: string[], host: Host, want: Verdict): Case => ({
  name,
  chain,
  trust,
  host,
  want,
});
const CASES: Case[] = [
  c('CA + leaf, by IP', ['ca-leaf'], ['root'], 'ip', 'ok'),
  c('CA + leaf, by name', ['ca-leaf'], ['root'], 'localhost', 'ok'),
  c('self-signed CA:TRUE leaf with SAN IP, trusted (intranet proxy)', ['self-ca'], ['self-ca'], 'ip', 'ok'),
  c('the same, by a name it does not have', ['self-ca'], ['self-ca'], 'localhost', 'name-mismatch'),
  c('self-signed CA:FALSE leaf, trusted as its own root', ['self-leaf'], ['self-leaf'], 'ip', 'ok'),
  c('wrong name, by IP (no IP SANs)', ['wrong-name'], ['root'], 'ip', 'name-mismatch'),
  c('wrong name, by name', ['wrong-name'], ['root'], 'localhost', 'name-mismatch'),
  c('wrong name, untrusted: the name is checked first', ['wrong-name'], ['self-ca'], 'localhost', 'name-mismatch'),
  c('expired', ['expired'], ['root'], 'ip', 'expired'),
  c('expired, untrusted: expiry is checked first', ['expired'], ['self-ca'], 'ip', 'expired'),
  c('not yet valid', ['not-yet-valid'], ['root'], 'ip', 'expired'),
  c('IP SAN only, by IP', ['ip-only'], ['root'], 'ip', 'ok'),
  c('IP SAN only, by name', ['ip-only'], ['root'], 'localhost', 'name-mismatch'),
  c('CN only, no SAN: no Common Name fallback', ['cn-only'], ['root'], 'localhost', 'name-mismatch'),
  c('intermediate missing (Go does not fetch it)', ['via-inter'], ['root'], 'ip', 'unknown-authority'),
  c('intermediate sent', ['via-inter', 'inter'], ['root'], 'ip', 'ok'),
  c('intermediate trusted as the root', ['via-inter'], ['inter'], 'ip', 'ok'),
  c('untrusted CA', ['ca-leaf'], ['self-ca'], 'ip', 'unknown-authority'),
  c('wildcard *.corp.test through HTTPS_PROXY', ['wildcard'], ['root'], 'goproxy.corp.test', 'ok'),
  c('wildcard *.test covers one label only', ['wildcard-too-broad'], ['root'], 'goproxy.corp.test', 'name-mismatch'),
  c(
    'partial wildcard go*.corp.test is not a wildcard for Go',
    ['partial-wildcard'],
    ['root'],
    'goproxy.corp.test',
    'name-mismatch',
  ),
  c('serverAuth missing from the extended key usage', ['client-only'], ['root'], 'ip', 'other'),
  c('expired root', ['under-expired-root'], ['expired-root'], 'ip', 'expired'),
  c('SHA-1 signature', ['sha1'], ['root'], 'ip', 'unknown-authority'),
  c('issued by a certificate that is not a CA', ['signed-by-leaf', 'ca-leaf'], ['root'], 'ip', 'unknown-authority'),
];

const GO_TEXT: Array<[Verdict, RegExp]> = [
  ['expired', /certificate has expired or is not yet valid/],
  ['name-mismatch', /certificate is valid for|doesn't contain any IP SANs|not valid for any names|legacy Common Name/],
  ['unknown-authority', /certificate signed by unknown authority/],
  ['other', /x509: /],
];

let upstream: FaultProxy;
let dir: string;
let goVersion: string;
const servers = new Map<string, TlsTerminator>();
const proxies: ConnectProxy[] = [];
beforeAll(async () => {
  upstream = await startFaultProxy();
  dir = mkdtempSync(join(tmpdir(), 'gomodctl-x509-'));
  const h = makeHermeticGo();
  goVersion = (await execa(TEST_GO, ['env', 'GOVERSION'], { env: h.env, extendEnv: false })).stdout.trim();
  h.cleanup();
});
afterAll(async () => {
  for (const p of proxies) await p.close();
  for (const s of servers.values()) await s.close();
  await upstream?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function serve(k: Case): Promise<{ url: string; proxy?: string }> {
  const key = k.chain.join('+');
  let s = servers.get(key);
  if (!s) {
    s = await startTlsTerminator({
      key: pem(`${k.chain[0]}-key`),
      cert: k.chain.map(pem).join(''),
      upstream: new URL(upstream.url).host,
    });
    servers.set(key, s);
  }
  if (k.host === 'ip') return { url: `https://${s.address}` };
  if (k.host === 'localhost') return { url: `https://localhost:${s.port}` };
  const cp = await startConnectProxy({ hosts: { [k.host]: s.address } });
  proxies.push(cp);
  return { url: `https://${k.host}`, proxy: cp.url };
}

async function goVerdict(url: string, proxy: string | undefined, certEnv: Record<string, string>) {
  const go = makeHermeticGo({ GOPROXY: url, GOSUMDB: 'off', ...certEnv, HTTPS_PROXY: proxy });
  try {
    const r = await execa(TEST_GO, ['mod', 'download', '-json', 'example.com/hello@v1.1.0'], {
      env: go.env,
      extendEnv: false,
      cwd: go.dir,
      reject: false,
      timeout: 30_000,
    });
    const out = (r.stdout + r.stderr).replace(/\\"/g, '"'); // -json escapes the quotes
    const verdict: Verdict = r.exitCode === 0 ? 'ok' : (GO_TEXT.find(([, re]) => re.test(out))?.[0] ?? 'other');
    return { verdict, out };
  } finally {
    go.cleanup();
  }
}

// go prints the current time in its local zone; compare without it.
const noClock = (s: string): string => s.replace(/current time \S+ is/g, 'current time T is');

describe(`certificate verdicts: ${TEST_GO} and the probe agree`, () => {
  it.each(CASES.map((k) => [k.name, k] as const))(
    '%s',
    async (_, k) => {
      const trustFile = join(dir, `${k.trust.join('+')}.pem`);
      writeFileSync(trustFile, k.trust.map(pem).join(''));
      const certEnv = { SSL_CERT_FILE: trustFile, SSL_CERT_DIR: join(dir, 'none') };
      const { url, proxy } = await serve(k);
      const go = await goVerdict(url, proxy, certEnv);
      const { ca } = await loadGoTrustedCAs({ platform: 'linux', env: certEnv });
      const r = await probeUrl(`${url}/example.com/hello/@v/list`, {
        timeoutMs: 3000,
        env: proxy ? { HTTPS_PROXY: proxy } : {},
        ca,
        goVersion,
      });
      const ours: Verdict = r.ok ? 'ok' : r.cause === 'tls' ? (r.tls?.reason ?? 'other') : 'other';
      expect({ go: go.verdict, ours }).toEqual({ go: k.want, ours: k.want });
      if (!r.ok) {
        expect(r.tls?.go).toBeDefined();
        expect(noClock(go.out)).toContain(noClock(r.tls!.go!));
      }
    },
    40_000,
  );
});
