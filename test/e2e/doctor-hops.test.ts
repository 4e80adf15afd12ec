// doctor names the failing hop and gives the fix for it: a CONNECT proxy that wants credentials gets HTTPS_PROXY with
// a placeholder (or NO_PROXY for an intranet host) — never .netrc advice for the module proxy — and a proxy that
// blocks or swallows the tunnel is named with its words; upper/lower-case proxy variables that disagree are flagged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedUrl, startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startConnectProxy, type ConnectProxyOptions } from '../helpers/connect-proxy.js';
import { makeHermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

interface Check {
  id: string;
  status: string;
  cause?: string;
  phase?: string;
  message: string;
  fix?: string[];
}

let tls: FaultProxy;
let dead: string; // GOMODCTL_MIRRORS: the fix search probes no public mirror
beforeAll(async () => {
  [tls, dead] = await Promise.all([startFaultProxy({ tls: 'self-signed' }), refusedUrl()]);
});
afterAll(() => tls?.close());

async function doctorThrough(proxy: Omit<ConnectProxyOptions, 'hosts'>, extra: NodeJS.ProcessEnv = {}) {
  const cp = await startConnectProxy({ ...proxy, hosts: { 'goproxy.corp.test': new URL(tls.url).host } });
  const h = makeHermeticGo({
    GOPROXY: 'https://goproxy.corp.test',
    GOSUMDB: 'off',
    SSL_CERT_FILE: tls.caFile,
    HTTPS_PROXY: cp.url,
    GOMODCTL_MIRRORS: dead,
    ...extra,
  });
  try {
    const r = await runCli(['doctor', '--json', '--timeout', '1s', '--module', 'example.com/hello@v1.0.0'], {
      env: h.env,
      cwd: h.dir,
    });
    const checks = (JSON.parse(r.stdout) as { checks: Check[] }).checks;
    return { cp, r, checks, proxy: checks.find((c) => c.id === 'proxy.0')! };
  } finally {
    h.cleanup();
    await cp.close();
  }
}

describe('doctor: the proxy hop', () => {
  it('407: cause auth, the realm, HTTPS_PROXY with a placeholder (NO_PROXY only if the fix search verifies it)', async () => {
    const { cp, proxy } = await doctorThrough({ auth: { user: 'u', pass: 'p' }, realm: 'Corp Web Gateway' });
    expect(proxy).toMatchObject({ status: 'fail', cause: 'auth', phase: 'proxy-connect' });
    expect(proxy.message).toContain(`proxy ${cp.url} wants credentials for realm "Corp Web Gateway"`);
    expect(proxy.fix).toEqual([
      `export HTTPS_PROXY=${cp.url.replace('http://', 'http://USER:xxxxx@')}   # the proxy wants credentials (realm "Corp Web Gateway"): put your login in place of USER and xxxxx (percent-encode @ and : in it); Go sends them as Basic from this URL`,
    ]);
    // Issue 13: the NO_PROXY route change is a guess here; only the verified list may print it.
    expect(proxy.fix?.join('\n')).not.toContain('NO_PROXY');
    expect(proxy.fix?.join('\n')).not.toContain('.netrc');
  });

  it('credentials already in https_proxy and still 407: says they were rejected, in the variable Go used', async () => {
    const cp = await startConnectProxy({
      auth: { user: 'u', pass: 'right' },
      hosts: { 'goproxy.corp.test': new URL(tls.url).host },
    });
    const h = makeHermeticGo({
      GOPROXY: 'https://goproxy.corp.test',
      GOSUMDB: 'off',
      SSL_CERT_FILE: tls.caFile,
      https_proxy: cp.url.replace('http://', 'http://u:WrongPw1@'),
    });
    try {
      const out = await runCli(['doctor', '--json', '--timeout', '1s', '--module', 'example.com/hello@v1.0.0'], {
        env: h.env,
        cwd: h.dir,
      });
      const check = (JSON.parse(out.stdout) as { checks: Check[] }).checks.find((c) => c.id === 'proxy.0')!;
      expect(check.fix?.[0]).toMatch(
        /^# proxy http:\/\/u:xxxxx@127\.0\.0\.1:\d+ rejected the credentials in https_proxy/,
      );
      expect(out.stdout + out.stderr).not.toContain('WrongPw1');
    } finally {
      h.cleanup();
      await cp.close();
    }
  });

  it('403 from the proxy: its words, and no GOPROXY mirror advice (the proxy blocks every way out)', async () => {
    const { proxy } = await doctorThrough({ fault: { status: 403, body: 'Blocked by policy 42.\n' } });
    expect(proxy).toMatchObject({ status: 'fail', cause: 'proxy' });
    expect(proxy.message).toContain('403 Forbidden ("Blocked by policy 42.")');
    expect(proxy.fix?.[0]).toMatch(
      /^# proxy http:\/\/127\.0\.0\.1:\d+ blocks goproxy\.corp\.test \(403 \("Blocked by policy 42\."\)\)/,
    );
    expect(proxy.fix?.join('\n')).not.toMatch(/goproxy\.cn/);
  });

  it('a tunnel that relays nothing: the proxy is named, and what Go does (10 s TLS bound), not "forever"', async () => {
    const { proxy } = await doctorThrough({ fault: 'tunnel-silent' });
    expect(proxy).toMatchObject({ status: 'fail', cause: 'timeout', phase: 'tls' });
    expect(proxy.message).toMatch(/^proxy http:\/\/127\.0\.0\.1:\d+ opened the tunnel to goproxy\.corp\.test:443/);
    expect(proxy.message).toContain('Go gives up after 10 s with "net/http: TLS handshake timeout"');
    expect(proxy.message).not.toMatch(/forever|TCP connect to goproxy/);
  });
});

describe('doctor: proxy variables as Go reads them', () => {
  it('HTTPS_PROXY and https_proxy that differ are flagged; Go uses the upper case', async () => {
    const { checks } = await doctorThrough({}, { https_proxy: 'http://other.proxy.invalid:3128' });
    const f = checks.find((c) => c.id === 'config.proxy-env.https_proxy');
    expect(f).toMatchObject({ status: 'warn' });
    expect(f?.message).toMatch(/differ: Go uses HTTPS_PROXY; curl and git \(libcurl\) read https_proxy first/);
  });
});

describe('doctor: GOAUTH, run as the go under test would run it', () => {
  async function doctorWith(goauth: string) {
    const h = makeHermeticGo({ GOPROXY: tls.base('auth'), GOSUMDB: 'off', SSL_CERT_FILE: tls.caFile, GOAUTH: goauth });
    try {
      const r = await runCli(['doctor', '--json', '--timeout', '2s', '--module', 'example.com/hello@v1.0.0'], {
        env: h.env,
        cwd: h.dir,
      });
      const doc = JSON.parse(r.stdout) as { go: { version: string } | null; checks: Check[] };
      return { r, version: doc.go?.version ?? '', goauth: doc.checks.filter((c) => c.id.startsWith('config.goauth')) };
    } finally {
      h.cleanup();
    }
  }
  const before124 = (v: string) => /^go1\.(1\d|2[0-3])(\.|$)/.test(v);

  it('an empty entry is fatal from Go 1.24 (before, GOAUTH does not exist)', async () => {
    const { version, goauth } = await doctorWith('netrc;');
    if (before124(version)) {
      expect(goauth).toMatchObject([{ status: 'warn', message: expect.stringContaining('predates GOAUTH') }]);
      return;
    }
    expect(goauth).toMatchObject([{ status: 'fail' }]);
    expect(goauth[0]!.message).toContain('go: GOAUTH encountered an empty command (GOAUTH=netrc;)');
  });

  it('a missing helper: a warning naming it, never its arguments', async () => {
    const { version, goauth, r } = await doctorWith('/nonexistent/goauth-helper --token=Tok3nSecret');
    expect(r.stdout + r.stderr).not.toContain('Tok3nSecret');
    if (before124(version)) return void expect(goauth[0]?.status).toBe('warn');
    expect(goauth).toMatchObject([
      { status: 'warn', message: expect.stringContaining('/nonexistent/goauth-helper …') },
    ]);
    expect(goauth[0]!.message).toContain('executable file not found');
  });
});
