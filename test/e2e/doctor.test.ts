// doctor end to end: the built CLI against the fault proxy, asserting the JSON document and the exit code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startFaultProxy, refusedUrl, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';
import { startConnectProxy } from '../helpers/connect-proxy.js';

interface Check {
  id: string;
  group: string;
  status: string;
  cause?: string;
  phase?: string;
  httpStatus?: number;
  target?: string;
  message: string;
  fix?: string[];
  timings?: { totalMs: number };
}
interface Doc {
  schemaVersion: number;
  command: string;
  go: unknown;
  checks: Check[];
  summary: Record<string, number>;
  /** The canary's fix search (issue 13): verified fixes and what was tried. */
  fix?: {
    willFail: boolean;
    fixes: Array<{ id: string; fixes: Array<{ variable?: string; value?: string }> }>;
    tried: Array<{ id: string; fixes: Array<{ variable?: string; value?: string }> }>;
  };
}

let p: FaultProxy;
let tlsProxy: FaultProxy;
let deadMirror: string; // GOMODCTL_MIRRORS: the fix search probes no public mirror
beforeAll(async () => {
  [p, tlsProxy, deadMirror] = await Promise.all([
    startFaultProxy(),
    startFaultProxy({ tls: 'self-signed' }),
    refusedUrl(),
  ]);
});

/** The GOPROXY/GOSUMDB/… settings in the checks' fix lines: none, the verified list is their one place (issue 13). */
const routeLines = (doc: Doc) =>
  doc.checks.flatMap((c) => c.fix ?? []).filter((l) => /^(export |go env -[wu] )'?(GOPROXY|GOSUMDB|NO_PROXY)/.test(l));
afterAll(async () => {
  await Promise.all([p?.close(), tlsProxy?.close()]);
});

async function doctor(env: NodeJS.ProcessEnv, args: string[] = [], cwd?: string) {
  const h = makeHermeticGo({ GOMODCTL_MIRRORS: deadMirror, ...env });
  try {
    const r = await runCli(['doctor', '--json', '--timeout', '1s', '--module', 'example.com/hello@v1.0.0', ...args], {
      env: h.env,
      cwd: cwd ?? h.dir,
    });
    const doc = JSON.parse(r.stdout) as Doc;
    return {
      ...r,
      doc,
      proxy: (i = 0) => doc.checks.find((c) => c.id === `proxy.${i}`)!,
      sumdb: doc.checks.find((c) => c.id === 'sumdb')!,
    };
  } finally {
    h.cleanup();
  }
}

describe('doctor end to end', () => {
  it('a healthy proxy with a proxied checksum database: all ok, signed tree verified, exit 0', async () => {
    const r = await doctor({ GOPROXY: p.url, GOSUMDB: p.sumdb.verifierKey, GONOSUMDB: undefined });
    expect(r.doc.schemaVersion).toBe(1);
    expect(r.doc.command).toBe('doctor');
    expect(r.proxy().status).toBe('ok');
    expect(r.proxy().timings?.totalMs).toBeGreaterThan(0);
    expect(r.sumdb.status).toBe('ok');
    expect(r.sumdb.message).toMatch(/signed tree verified/);
    expect(r.sumdb.target).toBe(`${p.url}/sumdb/${p.sumdb.name}`);
    expect(r.exitCode).toBe(0);
    expect(p.log.some((l) => l.url === `/sumdb/${p.sumdb.name}/lookup/example.com/hello@v1.0.0`)).toBe(true);
  });

  it('a checksum database given by URL, and one whose key does not match (bad signature)', async () => {
    const ok = await doctor({ GOPROXY: p.url, GOSUMDB: p.sumdb.gosumdb(), GONOSUMDB: undefined });
    expect(ok.sumdb.status).toBe('ok');
    const other = await startFaultProxy({ sumdbName: p.sumdb.name });
    try {
      const bad = await doctor({
        GOPROXY: p.url,
        GOSUMDB: `${other.sumdb.verifierKey} ${p.sumdb.url()}`,
        GONOSUMDB: undefined,
      });
      expect(bad.sumdb).toMatchObject({ status: 'fail', cause: 'bad-signature' });
      expect(bad.exitCode).toBe(1);
    } finally {
      await other.close();
    }
  });

  it.each([
    ['blackhole', 'timeout', 'first-byte'],
    ['reset', 'reset', undefined],
    ['status/500', 'http-status', undefined],
    ['status/401', 'auth', undefined],
    ['status/403', 'auth', undefined],
    ['notgo', 'bad-response', undefined],
  ])('classifies a proxy in mode %s as %s', async (mode, cause, phase) => {
    const r = await doctor({ GOPROXY: `${p.base(mode)},direct`, GOSUMDB: 'off' });
    expect(r.proxy()).toMatchObject({ status: 'fail', cause, ...(phase ? { phase } : {}) });
    // The check keeps its finding; route changes come only from the canary's fix search (issue 13).
    expect(routeLines(r.doc)).toEqual([]);
    expect(r.doc.fix?.willFail).toBe(true);
    if (mode === 'blackhole') {
      // Go has no response timeout, so "|" cannot get past a silent proxy: the candidate drops it.
      const candidates = [...(r.doc.fix?.fixes ?? []), ...(r.doc.fix?.tried ?? [])].flatMap((c) => c.fixes);
      expect(candidates).toContainEqual(expect.objectContaining({ variable: 'GOPROXY', value: 'direct' }));
    }
    expect(r.exitCode).toBe(1);
  });

  it('404 and 410 mean reachable but not serving the module: ok, Go falls through', async () => {
    for (const code of [404, 410]) {
      const r = await doctor({ GOPROXY: `${p.base(`status/${code}`)},direct`, GOSUMDB: 'off' });
      expect(r.proxy()).toMatchObject({ status: 'ok', httpStatus: code });
      expect(r.proxy().message).toMatch(/does not serve/);
    }
  });

  it('refused and DNS failures, and the "|" fix for a "," list', async () => {
    const dead = await refusedUrl();
    const r = await doctor({ GOPROXY: `${dead},https://goproxy.nothing.invalid,direct`, GOSUMDB: 'off' });
    expect(r.proxy(0)).toMatchObject({ status: 'fail', cause: 'refused' });
    expect(r.proxy(1)).toMatchObject({ status: 'fail', cause: 'dns' });
    // No unprobed public mirrors recommended (issue 13): the checks carry no route change at all.
    expect(r.doc.checks.find((c) => c.id === 'proxy.recommended')).toBeUndefined();
    expect(routeLines(r.doc)).toEqual([]);
    // One failure before a working entry: dropping it, or "|" (Go falls through on that error), both verified.
    const one = await doctor({ GOPROXY: `${dead},${p.url}`, GOSUMDB: 'off' });
    expect(routeLines(one.doc)).toEqual([]);
    const verified = (one.doc.fix?.fixes ?? []).flatMap((v) => v.fixes.map((f) => f.value));
    expect(verified).toEqual(expect.arrayContaining([p.url, `${dead}|${p.url}`]));
  });

  it('TLS signed by an unknown authority fails with the SSL_CERT_FILE fix; trusting the CA makes it pass', async () => {
    const bad = await doctor({ GOPROXY: tlsProxy.url, GOSUMDB: 'off' });
    expect(bad.proxy()).toMatchObject({ status: 'fail', cause: 'tls' });
    expect(bad.proxy().fix?.join('\n')).toMatch(/SSL_CERT_FILE/);
    const good = await doctor({ GOPROXY: tlsProxy.url, GOSUMDB: 'off', SSL_CERT_FILE: tlsProxy.caFile });
    expect(good.proxy().status).toBe('ok');
  });

  it('basic auth from .netrc reaches an https proxy; the password never appears in any output', async () => {
    const h = makeHermeticGo();
    const netrc = join(h.dir, 'netrc');
    const host = new URL(tlsProxy.url).host;
    writeFileSync(
      netrc,
      `machine ${host} login gopher password secret\nmachine ${host.split(':')[0]} login gopher password secret\n`,
      { mode: 0o600 },
    );
    const r = await doctor({
      GOPROXY: tlsProxy.base('auth'),
      GOSUMDB: 'off',
      SSL_CERT_FILE: tlsProxy.caFile,
      NETRC: netrc,
    });
    h.cleanup();
    expect(r.proxy().status).toBe('ok');
    for (const out of [r.stdout, r.stderr]) expect(out).not.toContain('secret');
    const withPw = await doctor({ GOPROXY: `https://gopher:Hunter2Secret@127.0.0.1:1/x,${p.url}`, GOSUMDB: 'off' }, []);
    const human = await runCli(['doctor', '--timeout', '1s'], {
      env: makeHermeticGo({ GOPROXY: `https://gopher:Hunter2Secret@127.0.0.1:1/x,${p.url}` }).env,
    });
    for (const out of [withPw.stdout, withPw.stderr, human.stdout, human.stderr])
      expect(out).not.toContain('Hunter2Secret');
    expect(withPw.proxy(0).target).toBe('https://gopher:xxxxx@127.0.0.1:1/x');
  });

  it('twenty endpoints that never answer take about one timeout, not twenty', async () => {
    const list = Array.from({ length: 20 }, (_, i) => `${p.base('blackhole')}/n${i}`).join('|');
    const r = await doctor({ GOPROXY: list, GOSUMDB: 'off' });
    expect(r.doc.checks.filter((c) => c.group === 'proxy' && c.cause === 'timeout')).toHaveLength(20);
    expect(r.durationMs).toBeLessThan(15_000); // generous bound: 20 sequential timeouts would take 20 s
  });

  it('never sends a private module path to a proxy (--module, --deps)', async () => {
    const h = makeHermeticGo();
    mkdirSync(join(h.dir, 'm'));
    writeFileSync(
      join(h.dir, 'm', 'go.mod'),
      'module example.com/m\n\ngo 1.19\n\nrequire (\n\tcorp.invalid/private/lib v1.0.0\n\texample.com/hello v1.0.0\n)\n',
    );
    p.clearLog();
    const env = { GOPROXY: p.url, GOPRIVATE: 'corp.invalid', GOSUMDB: p.sumdb.verifierKey, GONOSUMDB: undefined };
    const r = await runCli(
      ['doctor', '--json', '--deps', '--timeout', '1s', '--module', 'corp.invalid/private/lib@v1.0.0'],
      { env: { ...h.env, ...env }, cwd: join(h.dir, 'm') },
    );
    h.cleanup();
    const doc = JSON.parse(r.stdout) as Doc;
    expect(p.log.length).toBeGreaterThan(0);
    expect(p.log.filter((l) => l.url.includes('corp.invalid') || l.url.includes('private'))).toEqual([]);
    const deps = doc.checks.find((c) => c.id === 'deps')!;
    expect(deps.status).toBe('ok');
    expect(deps.message).toMatch(/1 private/);
    // The private host itself is checked directly (and does not resolve).
    expect(doc.checks.find((c) => c.id === 'private.corp.invalid')).toMatchObject({ status: 'fail', cause: 'dns' });
  });

  it('works without Go: reads the environment and GOENV file directly', async () => {
    // No go on this machine (GOMODCTL_GO names none); an explicit --go that does not exist is bad usage instead.
    const r = await doctor({ GOPROXY: p.url, GOSUMDB: 'off', GOMODCTL_GO: '/nonexistent/go' });
    expect(r.exitCode).toBe(0);
    expect(r.doc.go).toBeNull();
    expect(r.doc.checks[0]).toMatchObject({ id: 'go', status: 'warn' });
    expect(r.proxy().status).toBe('ok');
  });

  it('a go.mod that needs a newer toolchain: probes golang.org/toolchain through the proxy', async () => {
    const h = makeHermeticGo({ GOPROXY: p.url, GOSUMDB: p.sumdb.verifierKey, GOTOOLCHAIN: 'auto' });
    writeFileSync(join(h.dir, 'go.mod'), 'module example.com/m\n\ngo 1.99.0\n');
    p.clearLog();
    const r = await runCli(['doctor', '--json', '--timeout', '1s', '--module', 'example.com/hello@v1.0.0'], {
      env: h.env,
      cwd: h.dir,
    });
    h.cleanup();
    const doc = JSON.parse(r.stdout) as Doc;
    const tc = doc.checks.find((c) => c.id === 'go.toolchain');
    const version = String((doc.go as { version: string }).version);
    if (/^go1\.(19|20)(\.|$)/.test(version)) {
      expect(tc).toMatchObject({ status: 'warn' }); // no toolchain switching before Go 1.21
    } else {
      expect(tc).toMatchObject({ status: 'fail', httpStatus: 404 });
      expect(p.log.some((l) => l.url.startsWith('/golang.org/toolchain/@v/v0.0.1-go1.99.0.'))).toBe(true);
    }
  });

  it('sees the network as Go does: HTTPS_PROXY tunnels, proxy auth, NO_PROXY bypass', async () => {
    const name = 'goproxy.corp.test';
    const hosts = { [name]: new URL(tlsProxy.url).host };
    const fwd = await startConnectProxy({ hosts, auth: { user: 'proxyuser', pass: 'ProxyPw77' } });
    try {
      const base = { GOPROXY: `https://${name}`, GOSUMDB: 'off', SSL_CERT_FILE: tlsProxy.caFile };
      const withAuth = `http://proxyuser:ProxyPw77@${new URL(fwd.url).host}`;
      const ok = await doctor({ ...base, HTTPS_PROXY: withAuth });
      expect(ok.proxy().status).toBe('ok');
      expect(fwd.log.some((l) => l.method === 'CONNECT' && l.target === `${name}:443`)).toBe(true);
      const denied = await doctor({ ...base, HTTPS_PROXY: fwd.url });
      expect(denied.proxy()).toMatchObject({ status: 'fail', cause: 'auth' }); // 407 from the forward proxy
      expect(denied.proxy().message).toMatch(/proxy/i);
      // NO_PROXY: the name is not tunnelled, so it must be resolved (and .test does not resolve).
      const bypass = await doctor({ ...base, HTTPS_PROXY: withAuth, NO_PROXY: 'corp.test' });
      expect(bypass.proxy()).toMatchObject({ status: 'fail', cause: 'dns' });
      // HTTP_PROXY is not used for https:// proxies.
      const httpOnly = await doctor({ ...base, HTTP_PROXY: withAuth });
      expect(httpOnly.proxy()).toMatchObject({ status: 'fail', cause: 'dns' });
      for (const r of [ok, denied, bypass, httpOnly]) expect(r.stdout + r.stderr).not.toContain('ProxyPw77');
    } finally {
      await fwd.close();
    }
  });

  it('toolchain downloads need the checksum database and a GOTOOLCHAIN that allows switching', async () => {
    const run = async (extra: Record<string, string>, goenvFile = '') => {
      const h = makeHermeticGo({ GOPROXY: p.url, GOTOOLCHAIN: 'auto', ...extra });
      writeFileSync(join(h.dir, 'go.mod'), 'module example.com/m\n\ngo 1.99.0\n');
      mkdirSync(join(h.dir, 'config', 'go'), { recursive: true });
      writeFileSync(h.env.GOENV!, goenvFile);
      if (goenvFile) delete h.env.GOTOOLCHAIN;
      const r = await runCli(['doctor', '--json', '--timeout', '1s', '--module', 'example.com/hello@v1.0.0'], {
        env: h.env,
        cwd: h.dir,
      });
      h.cleanup();
      const doc = JSON.parse(r.stdout) as Doc;
      return { doc, tc: doc.checks.find((c) => c.id === 'go.toolchain') };
    };
    const off = await run({ GOSUMDB: 'off' });
    if (/^go1\.(19|20)(\.|$)/.test(String((off.doc.go as { version: string }).version))) {
      // No toolchain switching before Go 1.21: the check says so instead of probing.
      expect(off.tc).toMatchObject({ status: 'warn' });
      expect(off.tc?.message).toMatch(/predates toolchain switching/);
      return;
    }
    expect(off.tc).toMatchObject({ status: 'fail' });
    expect(off.tc?.message).toMatch(/GOSUMDB=off/);
    const empty = await run({ GOSUMDB: p.sumdb.verifierKey }, 'GOTOOLCHAIN=\n'); // a packager removed it from go.env
    expect(empty.tc).toMatchObject({ status: 'fail' });
    expect(empty.tc?.message).toMatch(/GOTOOLCHAIN=\(empty\) forbids switching/);
  });

  it('an unreadable NETRC is a warning, not a crash', async () => {
    const r = await doctor({ GOPROXY: p.url, GOSUMDB: 'off', NETRC: '/' });
    expect(r.exitCode).toBe(0);
    expect(r.doc.checks.find((c) => c.id === 'config.netrc')).toMatchObject({ status: 'warn' });
  });

  it('bad usage exits 2 with a sentence, not a stack', async () => {
    const h = makeHermeticGo();
    const r = await runCli(['doctor', '--timeout', 'soon'], { env: h.env });
    h.cleanup();
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/invalid --timeout "soon"/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
