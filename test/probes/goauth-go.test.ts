// Differential: credentials as the real `go` sends them (GOAUTH on Go 1.24+, .netrc before) against a TLS module
// proxy that requires Basic auth, compared with our probe using createGoAuth. Each case runs the go under test
// (GOMODCTL_TEST_GO) and the probe with the same GOAUTH, .netrc, git repository and command; both must succeed or
// fail alike, and no output of ours may hold the password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeUrl } from '../../src/probes/http-probe.js';
import { createGoAuth } from '../../src/probes/goauth-run.js';
import { parseNetrc } from '../../src/core/netrc.js';
import { goMinorVersion } from '../../src/core/go-version.js';
import { hasGoAuth, parseGoAuth } from '../../src/core/goauth.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { startFaultProxy, TLS_DIR, type FaultProxy } from '../helpers/fault-proxy.js';

const SECRET = 'G0auth-S3cret';
const CA = [readFileSync(join(TLS_DIR, 'ca.pem'), 'utf8')];
const BASIC = `Basic ${Buffer.from(`gopher:${SECRET}`).toString('base64')}`;

let p: FaultProxy;
let goVersion = '';
let host = '';
beforeAll(async () => {
  p = await startFaultProxy({ tls: 'self-signed', auth: { user: 'gopher', pass: SECRET } });
  host = new URL(p.url).host;
  const h = makeHermeticGo();
  goVersion = (await execa(TEST_GO, ['env', 'GOVERSION'], { env: h.env, extendEnv: false })).stdout.trim();
  h.cleanup();
});
afterAll(() => p?.close());

/** A GOAUTH command: prints credentials for the proxy (only when given a URL, with `onRetry`), logs its stdin. */
function writeCommand(dir: string, name: string, onRetry: boolean): string {
  const file = join(dir, name);
  const creds = `https://${host}\\n\\nAuthorization: ${BASIC}\\n\\n`;
  const guard = onRetry ? '[ -n "$1" ] || exit 0\n' : '';
  writeFileSync(file, `#!/bin/sh\ncat > "${dir}/${name}.stdin.$$"\n${guard}printf '${creds}'\n`);
  chmodSync(file, 0o755);
  return file;
}

/** A git working directory whose credential helper knows the proxy's login (or nothing). */
async function gitRepo(dir: string, env: NodeJS.ProcessEnv, withCredentials: boolean): Promise<string> {
  const repo = join(dir, 'repo');
  mkdirSync(repo);
  const git = (...args: string[]) => execa('git', args, { cwd: repo, env, extendEnv: false, timeout: 10_000 });
  await git('init', '-q');
  if (withCredentials) {
    writeFileSync(join(dir, 'git-credentials'), `https://gopher:${SECRET}@${host}\n`);
    await git('config', 'credential.helper', `store --file=${join(dir, 'git-credentials')}`);
  }
  return repo;
}

interface Case {
  name: string;
  goauth?: (dir: string, env: NodeJS.ProcessEnv) => Promise<string> | string;
  netrc?: () => string;
  /** Whether go succeeds, per minor version (from auth.go of each release; checked against the real go). */
  want: (minor: number) => boolean;
}

/** Both machine forms: Go 1.19 matches the host, 1.21+ host:port (netrc.ts findNetrcEntry). */
const bothForms = () =>
  `machine 127.0.0.1 login gopher password ${SECRET}\nmachine ${host} login gopher password ${SECRET}\n`;
const GOAUTH_RELEASE = 24;

const CASES: Case[] = [
  { name: 'GOAUTH=netrc (default)', netrc: bothForms, want: () => true },
  {
    name: 'GOAUTH=netrc, machine host:port/auth (a path prefix)',
    netrc: () => `machine ${host}/auth login gopher password ${SECRET}\n`,
    want: (m) => m >= 25,
  },
  { name: 'GOAUTH=off with a .netrc', goauth: () => 'off', netrc: bothForms, want: (m) => m < GOAUTH_RELEASE },
  { name: 'a command answering at once', goauth: (d) => writeCommand(d, 'auth-now', false), want: (m) => m >= 24 },
  {
    name: 'a command answering only on the retry (URL argument)',
    goauth: (d) => writeCommand(d, 'auth-retry', true),
    want: (m) => m >= 24,
  },
  {
    name: 'netrc, then a missing command',
    goauth: () => 'netrc;/nonexistent/goauth-helper',
    netrc: bothForms,
    want: () => true,
  },
  {
    name: 'git DIR with a credential helper',
    goauth: async (d, env) => `git ${await gitRepo(d, env, true)}`,
    want: (m) => m >= 24,
  },
  {
    name: 'git DIR without credentials',
    goauth: async (d, env) => `git ${await gitRepo(d, env, false)}`,
    want: () => false,
  },
  {
    name: 'an empty entry (fatal from 1.24)',
    goauth: () => 'netrc;',
    netrc: bothForms,
    want: (m) => m < GOAUTH_RELEASE,
  },
];

describe(`credentials: the probe sends what ${TEST_GO} sends`, () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const h = makeHermeticGo({ GOPROXY: p.base('auth'), GOSUMDB: 'off', SSL_CERT_FILE: p.caFile });
      try {
        const goauth = c.goauth ? await c.goauth(h.dir, h.env) : undefined;
        if (goauth !== undefined) h.env.GOAUTH = goauth;
        const netrcText = c.netrc?.() ?? '';
        writeFileSync(join(h.dir, 'netrc'), netrcText);
        h.env.NETRC = join(h.dir, 'netrc');
        const r = await execa(TEST_GO, ['mod', 'download', '-json', 'example.com/hello@v1.1.0'], {
          env: h.env,
          extendEnv: false,
          cwd: h.dir,
          reject: false,
          timeout: 40_000,
        });
        const goOk = r.exitCode === 0;
        expect(goOk, `${goVersion} go: ${r.stdout}${r.stderr}`).toBe(c.want(goMinorVersion(goVersion) ?? 99));
        const session = createGoAuth({ goauth, goVersion, env: h.env, netrc: parseNetrc(netrcText), timeoutMs: 5000 });
        const url = `${p.base('auth')}/example.com/hello/@v/v1.1.0.info`;
        const probe = await probeUrl(url, { timeoutMs: 8000, env: {}, ca: CA, goVersion, credentials: session });
        expect(probe.ok, `${goVersion} go exit ${r.exitCode}: ${r.stdout}${r.stderr}\nprobe: ${probe.message}`).toBe(
          goOk,
        );
        if (!goOk && goauth === 'netrc;' && hasGoAuth(goVersion)) {
          const fatal = parseGoAuth(goauth, () => 'dir', 'linux');
          expect(String(r.stderr).trim()).toBe(fatal.ok ? '' : fatal.error);
          expect(String(probe.message)).toContain(fatal.ok ? '' : fatal.error);
        }
        expect(JSON.stringify({ probe, problems: session.problems() })).not.toContain(SECRET);
      } finally {
        h.cleanup();
      }
    },
    60_000,
  );
});
