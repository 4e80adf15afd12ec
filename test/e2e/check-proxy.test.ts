// check-proxy end to end: the built CLI against loopback proxies of our own — one conformant (the fault proxy's
// protocol code and checksum database over https), and one per non-conformance of issue 11, each of which must
// produce its own named failure and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBadProxy, CANARY_ARGS, EXTRA_MODULES, type BadProxy, type BadProxyKind } from '../helpers/bad-proxies.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
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

type Target = Pick<BadProxy, 'url' | 'caFile'> & { sumdb: { verifierKey: string } };

async function checkProxy(p: Target, args: string[] = [], extra: NodeJS.ProcessEnv = {}, netrc?: string) {
  const h = makeHermeticGo({ GOSUMDB: p.sumdb.verifierKey, SSL_CERT_FILE: p.caFile, ...extra });
  if (netrc !== undefined) {
    writeFileSync(join(h.dir, 'netrc'), netrc);
    h.env.NETRC = join(h.dir, 'netrc');
  }
  try {
    const url = args[0]?.startsWith('http') ? args.shift()! : p.url;
    const r = await runCli(['check-proxy', url, '--json', '--timeout', '5s', ...CANARY_ARGS, ...args], {
      env: h.env,
      cwd: h.dir,
    });
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
  for (const kind of ['conformant', ...KINDS.map(([k]) => k)] as BadProxyKind[])
    proxies.set(kind, await startBadProxy(kind));
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
    for (const id of [
      'transport.tls',
      'transport.concurrency',
      'protocol.zip',
      'protocol.escaping',
      'protocol.missing-module',
      'sumdb.lookup',
      'sumdb.consistency',
      'integrity.zip',
      'integrity.mod',
    ])
      expect(ids).toContain(id);
    expect(r.exitCode).toBe(0);
  });
});

describe('check-proxy names each non-conformance, and nothing else', () => {
  it.each(KINDS)('%s → %s', async (kind, problem) => {
    const r = await checkProxy(proxies.get(kind)!);
    expect(failures(r.doc)).toEqual([problem]);
    expect(r.doc.checks.filter((c) => c.status === 'warn').map((c) => c.problem)).toEqual([]);
    const failed = r.doc.checks.filter((c) => c.status === 'fail');
    for (const c of failed) {
      expect(c.goEffect, c.id).toBeTruthy();
      expect(c.fix?.length, c.id).toBeGreaterThan(0);
    }
    expect(r.exitCode).toBe(1);
  });
});

describe('check-proxy: authentication over https, timeouts, bad input, privacy', () => {
  it('a proxy that needs credentials: 401 without .netrc (auth-required), all passing with it', async () => {
    const p = await startFaultProxy({ tls: 'self-signed', modules: EXTRA_MODULES });
    try {
      const target = { url: p.base('auth'), caFile: p.caFile, sumdb: p.sumdb };
      const without = await checkProxy(target);
      expect(failures(without.doc)).toEqual(['auth-required']);
      const port = new URL(p.url).port;
      const netrc = `machine 127.0.0.1 login gopher password secret\nmachine 127.0.0.1:${port} login gopher password secret\n`;
      const withCreds = await checkProxy(target, [], {}, netrc);
      expect(withCreds.doc.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
      expect(withCreds.doc.checks.find((c) => c.id === 'transport.auth')?.message).toMatch(
        /requires credentials \(Basic realm=/,
      );
      expect(withCreds.stdout).not.toContain('secret');
      expect(withCreds.exitCode).toBe(0);
    } finally {
      await p.close();
    }
  });

  it('credentials in an http URL are never sent: auth-over-http, and the password is redacted', async () => {
    const p = proxies.get('http-auth')!;
    p.log.splice(0);
    const u = new URL(p.url);
    u.username = 'gopher';
    u.password = 'secret';
    const r = await checkProxy(p, [u.href]);
    expect(failures(r.doc)).toEqual(['auth-over-http']);
    expect(r.stdout).not.toContain('secret');
    expect(p.log).toEqual([]); // refused before sending, as go refuses
  });

  it('a proxy that never answers: bounded by --timeout, one "unreachable" failure', async () => {
    const p = await startFaultProxy();
    try {
      const r = await checkProxy({ url: p.base('blackhole'), sumdb: p.sumdb }, ['--timeout', '1s']);
      expect(failures(r.doc)).toEqual(['unreachable']);
      expect(r.doc.checks.find((c) => c.id === 'transport.reach')?.message).toMatch(/no response within/);
      expect(r.exitCode).toBe(1);
    } finally {
      await p.close();
    }
  });

  it.each([
    [['not a url'], /not an absolute URL/],
    [['https://a.test,https://b.test'], /GOPROXY list/],
    [['https://p.test', '--module', 'example.com/m'], /expected path@version/],
    [['https://p.test', '--sumdb', 'nonsense+key'], /--sumdb "nonsense\+key" is invalid/],
  ])('bad input %j exits 2 with one JSON error document', async (args, message) => {
    const h = makeHermeticGo();
    try {
      const r = await runCli(['check-proxy', ...args, '--json'], { env: h.env, cwd: h.dir });
      expect(r.exitCode).toBe(2);
      const doc = JSON.parse(r.stdout) as { command: string; error: { exitCode: number; message: string } };
      expect(doc).toMatchObject({ command: 'check-proxy', error: { exitCode: 2 } });
      expect(doc.error.message).toMatch(message);
      expect(r.stderr).toMatch(message);
    } finally {
      h.cleanup();
    }
  });

  it('a module matching GONOSUMDB is never looked up in the checksum database', async () => {
    const p = proxies.get('conformant')!;
    p.log.splice(0);
    const r = await checkProxy(p, [], { GONOSUMDB: 'example.com/hello' });
    const lookup = r.doc.checks.find((c) => c.id === 'sumdb.lookup' && c.module === 'example.com/hello@v1.0.0');
    expect(lookup?.status).toBe('skip');
    expect(lookup?.message).toMatch(/GONOSUMDB/);
    expect(p.log.filter((l) => l.url.includes('/lookup/example.com/hello'))).toEqual([]);
    expect(p.log.some((l) => l.url.includes('/lookup/example.com/!upper/mod'))).toBe(true);
    expect(r.exitCode).toBe(0);
  });

  it('a module matching GOPRIVATE is refused before any request is sent', async () => {
    const p = proxies.get('conformant')!;
    p.log.splice(0);
    const h = makeHermeticGo({ GOPRIVATE: 'example.com/hello' });
    try {
      const r = await runCli(['check-proxy', p.url, '--module', 'example.com/hello@v1.0.0'], {
        env: h.env,
        cwd: h.dir,
      });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/matches GONOPROXY\/GOPRIVATE \(example.com\/hello\)/);
      expect(p.log).toEqual([]);
    } finally {
      h.cleanup();
    }
  });
});

describe('check-proxy: where the checksum database is read', () => {
  it('a proxy without /sumdb/: the database is verified directly at its GOSUMDB URL', async () => {
    const p = await startFaultProxy({ tls: 'self-signed', modules: EXTRA_MODULES });
    try {
      const target = { url: p.base('no-sumdb'), caFile: p.caFile, sumdb: { verifierKey: p.sumdb.gosumdb() } };
      const r = await checkProxy(target);
      expect(r.doc.sumdb).toMatchObject({ name: p.sumdb.name, via: 'direct' });
      expect(r.doc.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('answers signed by another key: sumdb-signature, and integrity is not claimed', async () => {
    const other = await startFaultProxy({ sumdbName: 'sum.gomodctl.test' });
    try {
      const r = await checkProxy(proxies.get('conformant')!, ['--sumdb', other.sumdb.verifierKey]);
      expect(failures(r.doc)).toEqual(['sumdb-signature']);
      expect(r.doc.checks.filter((c) => c.group === 'integrity').map((c) => c.status)).toEqual(Array(6).fill('skip'));
    } finally {
      await other.close();
    }
  });
});

describe('check-proxy: the TLS verdicts Go would give', () => {
  it.each([
    ['expired', 'tls-expired', true],
    ['wrong-name', 'tls-name-mismatch', true],
    ['self-signed', 'tls-unknown-authority', false],
  ] as const)('%s certificate → %s', async (tls, problem, trustCa) => {
    const p = await startFaultProxy({ tls });
    try {
      const r = await checkProxy({ url: p.url, caFile: trustCa ? p.caFile : undefined, sumdb: p.sumdb }, [
        '--timeout',
        '2s',
      ]);
      expect(failures(r.doc)).toEqual([problem]);
    } finally {
      await p.close();
    }
  });
});
