// DIFFERENTIAL tests: resolveRoute's prediction vs what the real `go` requests from a loopback fault proxy.
// Each case sets GOPROXY/GONOPROXY/GOPRIVATE/GONOSUMDB/GOSUMDB in a hermetic env, runs a cold
// `go mod download -json M@V`, and compares the proxy log (and Go's error) with simulateRoute().
// Hosts Go may try directly all end in .invalid, so nothing leaves 127.0.0.1.
import { execa } from 'execa';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../src/core/config-model.js';
import { escapePath, escapeVersion } from '../../src/core/escape.js';
import { parseGoproxy } from '../../src/core/goproxy.js';
import { parseGosumdb } from '../../src/core/gosumdb.js';
import { resolveRoute } from '../../src/core/route.js';
import { simulateRoute, type SimAnswer } from '../../src/core/route-simulate.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';

type Vars = Partial<Record<'GOPROXY' | 'GONOPROXY' | 'GOPRIVATE' | 'GONOSUMDB' | 'GOSUMDB', string>>;
interface Case {
  name: string;
  env: Vars;
  mod: string;
  /** Expected outcome, as a check on the simulation itself. */
  want: 'ok' | 'direct' | 'off' | 'error' | 'not-found';
}

const files = (path: string) => ({ 'go.mod': `module ${path}\n\ngo 1.19\n`, 'lib.go': 'package lib\n' });
const EXTRA = ['corp.invalid/lib', 'git.corp.invalid/team/repo'].map((path) => ({
  path,
  version: 'v1.0.0',
  files: files(path),
}));
const HELLO = 'example.com/hello@v1.0.0';
const LIB = 'corp.invalid/lib@v1.0.0';
const REPO = 'git.corp.invalid/team/repo@v1.0.0';

// {P} plain proxy, {N} 404, {G} 410, {E} 500, {NS} plain but /sumdb/*/supported → 404, {KEY} sumdb verifier key.
const CASES: Case[] = [
  { name: 'single proxy', env: { GOPROXY: '{P}' }, mod: HELLO, want: 'ok' },
  { name: 'comma falls through on 404', env: { GOPROXY: '{N},{P}' }, mod: HELLO, want: 'ok' },
  { name: 'comma falls through on 410', env: { GOPROXY: '{G},{P}' }, mod: HELLO, want: 'ok' },
  { name: 'comma stops on 500', env: { GOPROXY: '{E},{P}' }, mod: HELLO, want: 'error' },
  { name: 'pipe falls through on 500', env: { GOPROXY: '{E}|{P}' }, mod: HELLO, want: 'ok' },
  { name: 'pipe falls through on 404', env: { GOPROXY: '{N}|{P}' }, mod: HELLO, want: 'ok' },
  { name: 'pipe then comma', env: { GOPROXY: '{E}|{N},{P}' }, mod: HELLO, want: 'ok' },
  { name: 'two 404s then ok', env: { GOPROXY: '{N},{G},{P}' }, mod: HELLO, want: 'ok' },
  { name: 'all 404', env: { GOPROXY: '{N},{G}' }, mod: HELLO, want: 'not-found' },
  { name: 'trailing slash on the base', env: { GOPROXY: '{P}/' }, mod: HELLO, want: 'ok' },
  { name: 'case-escaped path', env: { GOPROXY: '{N},{P}' }, mod: 'example.com/Upper/mod@v1.0.0', want: 'ok' },
  { name: 'proxy,direct served', env: { GOPROXY: '{P},direct' }, mod: HELLO, want: 'ok' },
  { name: '404 then direct', env: { GOPROXY: '{N},direct' }, mod: LIB, want: 'direct' },
  { name: '500 stops before direct', env: { GOPROXY: '{E},direct' }, mod: LIB, want: 'error' },
  { name: '500 pipe reaches direct', env: { GOPROXY: '{E}|direct' }, mod: LIB, want: 'direct' },
  { name: 'GOPROXY=off', env: { GOPROXY: 'off' }, mod: HELLO, want: 'off' },
  {
    name: 'GOPROXY=off still fetches GONOPROXY directly',
    env: { GOPROXY: 'off', GONOPROXY: 'corp.invalid' },
    mod: LIB,
    want: 'direct',
  },
  { name: 'GOPRIVATE host', env: { GOPROXY: '{P}', GOPRIVATE: 'corp.invalid' }, mod: LIB, want: 'direct' },
  { name: 'GOPRIVATE *.invalid', env: { GOPROXY: '{P}', GOPRIVATE: '*.invalid' }, mod: REPO, want: 'direct' },
  {
    name: 'GOPRIVATE two elements',
    env: { GOPROXY: '{P}', GOPRIVATE: 'git.corp.invalid/team' },
    mod: REPO,
    want: 'direct',
  },
  { name: 'GOPRIVATE other team', env: { GOPROXY: '{P}', GOPRIVATE: 'git.corp.invalid/other' }, mod: REPO, want: 'ok' },
  { name: 'GOPRIVATE host/*', env: { GOPROXY: '{P}', GOPRIVATE: 'git.corp.invalid/*' }, mod: REPO, want: 'direct' },
  { name: 'GOPRIVATE */team', env: { GOPROXY: '{P}', GOPRIVATE: '*/team' }, mod: REPO, want: 'direct' },
  {
    name: 'GOPRIVATE with a space is not trimmed',
    env: { GOPROXY: '{P}', GOPRIVATE: 'x.com, git.corp.invalid' },
    mod: REPO,
    want: 'ok',
  },
  {
    name: 'GOPRIVATE trailing slash',
    env: { GOPROXY: '{P}', GOPRIVATE: 'git.corp.invalid/' },
    mod: REPO,
    want: 'direct',
  },
  {
    name: 'GOPRIVATE is case-sensitive',
    env: { GOPROXY: '{P}', GOPRIVATE: 'GIT.corp.invalid' },
    mod: REPO,
    want: 'ok',
  },
  {
    name: 'malformed GOPRIVATE glob ignored',
    env: { GOPROXY: '{P}', GOPRIVATE: 'git.corp.invalid[' },
    mod: REPO,
    want: 'ok',
  },
  {
    name: 'malformed entry skipped, next matches',
    env: { GOPROXY: '{P}', GOPRIVATE: '[,corp.invalid' },
    mod: LIB,
    want: 'direct',
  },
  {
    name: '*.corp.invalid needs a subdomain',
    env: { GOPROXY: '{P}', GOPRIVATE: '*.corp.invalid' },
    mod: LIB,
    want: 'ok',
  },
  {
    name: 'pattern longer than the path',
    env: { GOPROXY: '{P}', GOPRIVATE: 'corp.invalid/lib/extra' },
    mod: LIB,
    want: 'ok',
  },
  {
    name: 'GONOPROXY=none with GOPRIVATE',
    env: { GOPROXY: '{P}', GOPRIVATE: 'corp.invalid', GONOPROXY: 'none', GOSUMDB: '{KEY}' },
    mod: LIB,
    want: 'ok',
  },
  { name: 'GONOPROXY alone', env: { GOPROXY: '{P}', GONOPROXY: 'corp.invalid' }, mod: LIB, want: 'direct' },
  {
    name: 'GOPROXY=direct exactly with GONOPROXY',
    env: { GOPROXY: 'direct', GONOPROXY: 'x.invalid' },
    mod: LIB,
    want: 'direct',
  },
  { name: 'sumdb supported on the proxy', env: { GOPROXY: '{P}', GOSUMDB: '{KEY}' }, mod: HELLO, want: 'ok' },
  {
    name: 'sumdb: first proxy has no sumdb, second has',
    env: { GOPROXY: '{NS},{P}', GOSUMDB: '{KEY}' },
    mod: HELLO,
    want: 'ok',
  },
  {
    name: 'sumdb: 404 everywhere → direct database (.invalid)',
    env: { GOPROXY: '{NS}', GOSUMDB: '{KEY}' },
    mod: HELLO,
    want: 'error',
  },
  { name: 'sumdb: 500 with pipe falls through', env: { GOPROXY: '{E}|{P}', GOSUMDB: '{KEY}' }, mod: HELLO, want: 'ok' },
  {
    name: 'sumdb: GONOSUMDB skips it',
    env: { GOPROXY: '{P}', GOSUMDB: '{KEY}', GONOSUMDB: 'example.com' },
    mod: HELLO,
    want: 'ok',
  },
  {
    name: 'sumdb: GOPRIVATE + GONOPROXY=none skips it',
    env: { GOPROXY: '{P}', GOSUMDB: '{KEY}', GOPRIVATE: 'example.com/hello', GONOPROXY: 'none' },
    mod: HELLO,
    want: 'ok',
  },
  {
    name: 'sumdb: URL in GOSUMDB bypasses proxies',
    env: { GOPROXY: '{N},{P}', GOSUMDB: '{KEY} {P}/sumdb/sum.gomodctl.invalid' },
    mod: HELLO,
    want: 'ok',
  },
];

// Invalid configurations: Go's error must contain our parser's exact text.
const BAD: { name: string; env: Vars; error: (p: FaultProxy) => string }[] = [
  { name: 'keyword case', env: { GOPROXY: 'Direct' }, error: () => parseErr('Direct') },
  { name: 'ftp scheme', env: { GOPROXY: 'ftp://x.invalid' }, error: () => parseErr('ftp://x.invalid') },
  { name: 'no entries', env: { GOPROXY: ',' }, error: () => parseErr(',') },
  { name: 'bad second entry', env: { GOPROXY: '{P},foo' }, error: () => 'invalid proxy URL missing scheme: foo' },
  { name: 'file with host', env: { GOPROXY: 'file://host.invalid/x' }, error: () => parseErr('file://host.invalid/x') },
  {
    name: 'custom sumdb without key',
    env: { GOPROXY: '{P}', GOSUMDB: 'sum.corp.invalid' },
    error: () => sumErr('sum.corp.invalid'),
  },
  { name: 'sumdb too many fields', env: { GOPROXY: '{P}', GOSUMDB: 'a b c' }, error: () => sumErr('a b c') },
];

function parseErr(v: string): string {
  const r = parseGoproxy(v, '');
  if (r.ok) throw new Error(`expected ${v} to be invalid`);
  return r.error;
}
function sumErr(v: string): string {
  const r = parseGosumdb(v);
  if (r.ok) throw new Error(`expected ${v} to be invalid`);
  return r.error;
}

let p: FaultProxy;
let goVersion = '';
beforeAll(async () => {
  p = await startFaultProxy({ sumdbName: 'sum.gomodctl.invalid', modules: EXTRA });
  goVersion = (
    await execa(TEST_GO, ['env', 'GOVERSION'], { env: makeHermeticGo().env, extendEnv: false, timeout: 10_000 })
  ).stdout.trim();
});
afterAll(async () => {
  await p?.close();
});

function fill(v: string): string {
  return v
    .replaceAll('{NS}', p.base('no-sumdb'))
    .replaceAll('{N}', p.base('status/404'))
    .replaceAll('{G}', p.base('status/410'))
    .replaceAll('{E}', p.base('status/500'))
    .replaceAll('{P}', p.url)
    .replaceAll('{KEY}', p.sumdb.verifierKey);
}

/** How the fault proxy answers a URL (module requests are ok only for served modules). */
function answer(url: string): SimAnswer {
  if (url.startsWith(p.base('status/404')) || url.startsWith(p.base('status/410'))) return 'not-found';
  if (url.startsWith(p.base('status/500'))) return 'error';
  if (!url.startsWith(p.url)) return 'error'; // direct, *.invalid
  if (url.endsWith('/supported')) return url.startsWith(p.base('no-sumdb')) ? 'not-found' : 'ok';
  if (url.includes('/sumdb/')) return 'ok';
  const served = p.modules.some((m) => url.includes(`/${escapePath(m.path)}/@v/${escapeVersion(m.version)}.`));
  return served ? 'ok' : 'not-found';
}

async function runGo(env: Vars, mod: string) {
  const filled = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, fill(v)]));
  const h = makeHermeticGo({ GOSUMDB: 'off', GONOPROXY: '', GOPRIVATE: '', ...filled });
  // Telemetry off (x/telemetry reads <config>/go/telemetry/mode): otherwise Go ≥1.23 keeps writing
  // counter files under the temp dir after it exits, racing the cleanup.
  mkdirSync(join(h.dir, 'config', 'go', 'telemetry'), { recursive: true });
  writeFileSync(join(h.dir, 'config', 'go', 'telemetry', 'mode'), 'off\n');
  try {
    p.clearLog();
    const r = await execa(TEST_GO, ['mod', 'download', '-json', mod], {
      env: h.env,
      extendEnv: false,
      reject: false,
      timeout: 20_000,
      cwd: h.dir,
    });
    const json = r.stdout.trim() ? (JSON.parse(r.stdout) as { Error?: string }) : {};
    const log = p.log.filter((e) => !e.url.includes('/tile/')).map((e) => p.url + decodeURIComponent(e.url));
    return { env: h.env, error: json.Error ?? (r.exitCode ? r.stderr : undefined), log };
  } finally {
    rmSync(h.dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  }
}

describe(`route prediction vs real go (${TEST_GO})`, () => {
  it.each(CASES)('$name', async (c) => {
    const { env, error, log } = await runGo(c.env, c.mod);
    const [mod, version] = c.mod.split('@') as [string, string];
    const model = buildConfigModel({ env, goenvPath: null, goenvText: null, gorootEnvText: null, goVersion });
    const route = resolveRoute(model, mod, version);
    const sim = simulateRoute(route, answer);
    if (process.env.DIFF_DEBUG) console.log(JSON.stringify({ log, sim, error }, null, 1));
    expect(sim.outcome).toBe(c.want);
    expect(log).toEqual(sim.requests.filter((u) => u.startsWith(p.url)));
    if (sim.outcome === 'ok') expect(error).toBeUndefined();
    else expect(error).toBeDefined();
    if (sim.outcome === 'direct')
      expect(error).toMatch(
        new RegExp(`${mod.split('/')[0]!.replaceAll('.', '\\.')}.*(go-get=1|no such host|unrecognized import path)`),
      );
    if (sim.outcome === 'off') expect(error).toContain('module lookup disabled by GOPROXY=off');
    if (route.sumdb.checked && sim.outcome === 'ok') expect(log.some((u) => u.includes('/lookup/'))).toBe(true);
    if (!route.sumdb.checked) expect(log.some((u) => u.includes('/sumdb/'))).toBe(false);
  });

  it.each(BAD)('invalid config: $name → Go reports our error text', async (c) => {
    const { error, log } = await runGo(c.env, HELLO);
    expect(error).toContain(c.error(p));
    // proxyList validates the whole GOPROXY list before the first request.
    if (!c.env.GOSUMDB) expect(log).toEqual([]);
  });
});
