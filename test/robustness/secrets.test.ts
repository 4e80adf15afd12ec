// Guard: no password ever reaches any output. Passwords sit in GOPROXY/GOSUMDB URLs, in .netrc (NETRC) and in
// HTTPS_PROXY/HTTP_PROXY URLs; every command's stdout, stderr, CI annotations, job summary and the backups file are
// searched for each password and for base64(user:password) (an Authorization header echoed back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';
import { leaks, writeModule } from './support.js';

const S = {
  proxy: { user: 'gopher', pass: 'S3cretPW-proxy-7f3a' },
  netrc: { user: 'netrcuser', pass: 'S3cretPW-netrc-91c2' },
  https: { user: 'puser', pass: 'S3cretPW-https-44d0' },
  http: { user: 'puser', pass: 'S3cretPW-http-0b8e' },
  init: { user: 'ciuser', pass: 'S3cretPW-init-5e61' },
};
const ALL = Object.values(S);

let p: FaultProxy;
let h: HermeticGo;
let mod: string;
let env: NodeJS.ProcessEnv;
const cred = (base: string, s = S.proxy): string => base.replace('https://', `https://${s.user}:${s.pass}@`);

beforeAll(async () => {
  p = await startFaultProxy({ tls: 'self-signed', auth: S.proxy });
  h = makeHermeticGo();
  mod = writeModule(h.dir);
  const netrc = join(h.dir, 'netrc');
  writeFileSync(netrc, `machine 127.0.0.1 login ${S.netrc.user} password ${S.netrc.pass}\n`, { mode: 0o600 });
  env = {
    ...h.env,
    GOPROXY: `${cred(p.base('auth'))}|${cred(p.base('status/500'))}`,
    GOSUMDB: `${p.sumdb.verifierKey} ${cred(p.sumdb.url('auth'))}`,
    GOFLAGS: '-modcacherw',
    NETRC: netrc,
    SSL_CERT_FILE: p.caFile,
    // Loopback is never proxied (x/net/http/httpproxy useProxy): these are only here to be printed (or not) by
    // env/doctor.
    HTTPS_PROXY: `http://${S.https.user}:${S.https.pass}@127.0.0.1:9`,
    HTTP_PROXY: `http://${S.http.user}:${S.http.pass}@127.0.0.1:9`,
    https_proxy: `http://${S.https.user}:${S.https.pass}@127.0.0.1:9`,
  };
});
afterAll(async () => {
  await p?.close();
  h?.cleanup();
});

/** Runs gomodctl and returns everything it printed, for the leak search. */
async function all(args: string[], extra: NodeJS.ProcessEnv = {}, cwd = mod): Promise<string> {
  const r = await runCli(['--no-color', ...args], { env: { ...env, ...extra }, cwd, timeoutMs: 40_000 });
  return `exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

function expectNoLeak(label: string, text: string): void {
  const found = leaks(text, ALL);
  // Print only the names of the leaked secrets and the redacted-by-us context, never the raw text of CI logs.
  expect(found, `${label} printed ${found.join(', ')}`).toEqual([]);
}

describe('secrets never reach the output', () => {
  const cases: Array<[string, string[]]> = [
    ['doctor', ['doctor', '--timeout', '1s', '--module', 'example.com/hello@v1.1.0', '--go', TEST_GO]],
    ['doctor --json', ['doctor', '--json', '--timeout', '1s', '--module', 'example.com/hello@v1.1.0', '--go', TEST_GO]],
    ['doctor --verbose --deps', ['doctor', '--verbose', '--deps', '--timeout', '1s', '--go', TEST_GO]],
    ['env', ['env', '--go', TEST_GO]],
    ['env --json', ['env', '--json', '--go', TEST_GO]],
    ['route', ['route', 'example.com/hello@v1.1.0', '--go', TEST_GO]],
    ['route --json', ['route', '--json', 'example.com/hello@v1.1.0', '--go', TEST_GO]],
  ];
  for (const [label, args] of cases) {
    it(label, async () => {
      const out = await all(args);
      expect(out).toContain(new URL(p.url).host); // the command did show the proxy (else the guard proves nothing)
      expectNoLeak(label, out);
    });
  }
});

describe('secrets never reach tidy --explain output, annotations or the job summary', () => {
  const tidyCases: Array<[string, string[], NodeJS.ProcessEnv]> = [
    ['tidy --explain (healthy, credentials in GOPROXY)', [], {}],
    ['tidy --explain --json', ['--json'], {}],
    ['tidy --explain (stalled on a blackhole with credentials)', ['--json'], {}],
  ];
  for (const [label, extra, e] of tidyCases) {
    it(label, async () => {
      const stalled = label.includes('blackhole');
      const summary = join(h.dir, `summary-${Math.random().toString(36).slice(2)}.md`);
      const goproxy = stalled ? cred(p.base('auth/blackhole')) : env.GOPROXY;
      const args = [
        'tidy',
        '--explain',
        '--stall',
        '1s',
        '--timeout',
        '4s',
        '--go',
        TEST_GO,
        '-C',
        mod,
        '--annotate',
        'github',
        ...extra,
      ];
      // A fresh module and module cache per run, so that every run really fetches (and prints URLs).
      const n = Math.random().toString(36).slice(2);
      const dir = writeModule(h.dir, { name: `mod-${n}` });
      args[args.indexOf('-C') + 1] = dir;
      const fresh = {
        GOMODCACHE: join(h.dir, `modcache-${n}`),
        GOPROXY: goproxy,
        GITHUB_ACTIONS: 'true',
        GITHUB_STEP_SUMMARY: summary,
      };
      const out = await all(args, { ...e, ...fresh }, dir);
      expect(out).toMatch(/127\.0\.0\.1|example\.com\/hello/);
      expectNoLeak(label, out);
      expect(existsSync(summary), 'the job summary was written (else this guard checks nothing)').toBe(true);
      expectNoLeak(`${label}: job summary`, readFileSync(summary, 'utf8'));
    });
  }
});

describe('secrets never reach init/restore output or the backups file', () => {
  // Only .invalid hosts and GOSUMDB=off: the doctor run below must never reach a real mirror or sum.golang.org.
  const CRED_PROXY = () => `https://${S.init.user}:${S.init.pass}@goproxy.corp.invalid|https://mirror.corp.invalid`;
  const noProxyEnv = (): NodeJS.ProcessEnv => ({ GOPROXY: undefined, GOSUMDB: 'off' });

  it('init refusing credentials names the value without its password', async () => {
    const out = await all(['init', '--yes', '--proxy', CRED_PROXY()], noProxyEnv());
    expect(out).toMatch(/exit 2/);
    expectNoLeak('init without --allow-credentials', out);
  });

  it('init --dry-run, --json and every --export format', async () => {
    const base = ['init', '--proxy', CRED_PROXY(), '--allow-credentials', '--private', 'corp.invalid'];
    expectNoLeak('init --dry-run', await all([...base, '--dry-run'], noProxyEnv()));
    expectNoLeak('init --dry-run --json', await all([...base, '--dry-run', '--json'], noProxyEnv()));
    for (const f of ['shell', 'powershell', 'dockerfile', 'github-actions', 'gitlab-ci', 'devcontainer']) {
      expectNoLeak(`init --export ${f}`, await all([...base, '--export', f], noProxyEnv()));
    }
  });

  it('init --yes --allow-credentials, then env, a second init, restore --list/--dry-run/--yes, and the backups file', async () => {
    const first = await all(
      ['init', '--yes', '--allow-credentials', '--proxy', CRED_PROXY(), '--go', TEST_GO],
      noProxyEnv(),
    );
    expect(first).toMatch(/exit 0/);
    expectNoLeak('init --yes', first);
    expect(readFileSync(h.env.GOENV!, 'utf8')).toContain(S.init.pass); // written as asked: the guard is about output
    expectNoLeak('env after init', await all(['env', '--go', TEST_GO], noProxyEnv()));
    expectNoLeak('env --json after init', await all(['env', '--json', '--go', TEST_GO], noProxyEnv()));
    expectNoLeak('doctor after init', await all(['doctor', '--timeout', '500ms', '--go', TEST_GO], noProxyEnv()));
    const second = await all(
      ['init', '--yes', '--json', '--proxy', 'https://mirror.corp.invalid', '--go', TEST_GO],
      noProxyEnv(),
    );
    expect(second).toMatch(/exit 0/);
    expectNoLeak('second init --json (old value shown)', second);
    expectNoLeak('restore --list', await all(['restore', '--list', '--go', TEST_GO], noProxyEnv()));
    expectNoLeak('restore --list --json', await all(['restore', '--list', '--json', '--go', TEST_GO], noProxyEnv()));
    expectNoLeak('restore --dry-run', await all(['restore', '--dry-run', '--go', TEST_GO], noProxyEnv()));
    expectNoLeak('restore --yes', await all(['restore', '--yes', '--go', TEST_GO], noProxyEnv()));
  });

  it('the backups file holds no password that a restore does not need', async () => {
    // A backup must keep a previous GOENV value to restore it (that may be a credential: the file is 0600 like GOENV),
    // but the record of the first init, taken over an empty GOENV, has nothing to restore: no password belongs there.
    const hb = makeHermeticGo({ GOPROXY: undefined, GOSUMDB: undefined });
    try {
      const r = await runCli(['init', '--yes', '--allow-credentials', '--proxy', CRED_PROXY(), '--go', TEST_GO], {
        env: hb.env,
        cwd: hb.dir,
        timeoutMs: 30_000,
      });
      expect(r.exitCode, r.stderr).toBe(0);
      const file = join(hb.env.XDG_CONFIG_HOME!, 'gomodctl', 'backups.json');
      expectNoLeak('backups file after init --yes --allow-credentials over an empty GOENV', readFileSync(file, 'utf8'));
    } finally {
      hb.cleanup();
    }
  });
});
