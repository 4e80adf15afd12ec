// check-proxy end to end: the built CLI against loopback proxies of our own — one conformant (the fault proxy's
// protocol code and checksum database over https), and one per non-conformance of issue 11, each of which must
// produce its own named failure and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBadProxy, CANARY_ARGS, type BadProxy, type BadProxyKind } from '../helpers/bad-proxies.js';
import { makeHermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

interface Check {
  id: string;
  group: string;
  status: string;
  module?: string;
  problem?: string;
  message: string;
  exchanges: { url: string; status?: number }[];
  goEffect?: string;
  fix?: string[];
}
interface Doc {
  schemaVersion: number;
  command: string;
  url: string;
  sumdb: { name: string; via: string };
  checks: Check[];
  summary: Record<string, number>;
}

async function checkProxy(p: BadProxy, args: string[] = [], extra: NodeJS.ProcessEnv = {}) {
  const h = makeHermeticGo({ GOSUMDB: p.sumdb.verifierKey, SSL_CERT_FILE: p.caFile, ...extra });
  try {
    const r = await runCli(['check-proxy', p.url, '--json', '--timeout', '5s', ...CANARY_ARGS, ...args], { env: h.env, cwd: h.dir });
    if (!r.stdout.trim()) throw new Error(`no JSON (exit ${r.exitCode}): ${r.stderr}`);
    return { ...r, doc: JSON.parse(r.stdout) as Doc };
  } finally {
    h.cleanup();
  }
}

const failures = (d: Doc) => [...new Set(d.checks.filter((c) => c.status === 'fail').map((c) => c.problem))];

const proxies = new Map<BadProxyKind, BadProxy>();
const KINDS: [BadProxyKind, string][] = [
  ['missing-400', 'missing-status'],
  ['html-200', 'html-200'],
  ['blind-supported', 'supported-blind'],
  ['broken-escaping', 'case-escaping'],
  ['zip-prefix', 'zip-prefix'],
  ['tampered-zip', 'hash-mismatch'],
  ['http-auth', 'auth-over-http'],
  ['missing-intermediate', 'tls-chain-incomplete'],
];

beforeAll(async () => {
  for (const kind of ['conformant', ...KINDS.map(([k]) => k)] as BadProxyKind[]) proxies.set(kind, await startBadProxy(kind));
});
afterAll(async () => {
  await Promise.all([...proxies.values()].map((p) => p.close()));
});

describe('check-proxy against a conformant proxy', () => {
  it('passes every requirement, verifies the checksum database through the proxy, exits 0', async () => {
    const r = await checkProxy(proxies.get('conformant')!);
    expect(r.doc.schemaVersion).toBe(1);
    expect(r.doc.command).toBe('check-proxy');
    expect(r.doc.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id} ${c.status}: ${c.message}`)).toEqual([]);
    expect(r.doc.sumdb).toMatchObject({ name: 'sum.gomodctl.test', via: 'proxy' });
    const ids = new Set(r.doc.checks.map((c) => c.id));
    for (const id of ['transport.tls', 'transport.concurrency', 'protocol.zip', 'protocol.escaping', 'protocol.missing-module', 'sumdb.lookup', 'sumdb.consistency', 'integrity.zip', 'integrity.mod'])
      expect(ids).toContain(id);
    expect(r.exitCode).toBe(0);
  });
});

describe('check-proxy names each non-conformance, and nothing else', () => {
  it.each(KINDS)('%s → %s', async (kind, problem) => {
    const r = await checkProxy(proxies.get(kind)!);
    expect(failures(r.doc)).toEqual([problem]);
    const failed = r.doc.checks.filter((c) => c.status === 'fail');
    for (const c of failed) {
      expect(c.goEffect, c.id).toBeTruthy();
      expect(c.fix?.length, c.id).toBeGreaterThan(0);
    }
    expect(r.exitCode).toBe(1);
  });
});
