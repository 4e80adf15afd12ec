// The verdict table (issue 13): for each scenario a small module, `gomodctl doctor` and the real `go mod tidy`
// (GOMODCTL_TEST_GO) in the same hermetic env (each on its own copy and module cache), go bounded; doctor's exit code
// must be 1 exactly when go mod tidy failed (a go still waiting at the bound is a hang: a failure), and a failing
// module must be named in the verdict. CI runs the lean rows; VERDICT_TABLE=full runs every row (the closing note's table).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { startFaultProxy, refusedUrl, type FaultProxy } from '../helpers/fault-proxy.js';
import { startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.js';
import { startGitDaemon, type GitDaemon } from '../helpers/git-daemon.js';
import { startTlsMiddlebox, type TlsMiddlebox } from '../helpers/tls-middlebox.js';
import { goSumRecord } from '../helpers/sumdb-server.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

/** How long go mod tidy may run: past it, go is waiting on an answer that does not come (Go has no bound there). */
const GO_BOUND_MS = 8000;
const FULL = process.env.VERDICT_TABLE === 'full';
/**
 * doctor's probe bound: an answer later than this is a hang. 4 s keeps the slow answers of a loaded machine (2 cores,
 * load 15 measured here) from looking like silence, and costs no wall time: go runs beside doctor up to GO_BOUND_MS.
 */
const DOCTOR_TIMEOUT = '4s';
// Most of a row's time is waiting (doctor's 1 s probe bound, go at its bound): more rows at once, same CPU.
vi.setConfig({ maxConcurrency: 6 });

interface World {
  p: FaultProxy;
  tp: FaultProxy;
  cpOk: ConnectProxy;
  cpSilent: ConnectProxy;
  cpRefuse: ConnectProxy;
  cpAuth: ConnectProxy;
  git: GitDaemon;
  refused: string;
  /** Swallows connections whose first TLS record is over 1,200 bytes, in front of tp (issue 9). */
  mb: TlsMiddlebox;
}

type Project = 'hello' | 'missing-require' | 'private' | 'invalid-host' | 'toolchain-new' | 'toolchain-old';

interface Scenario {
  name: string;
  env(w: World): NodeJS.ProcessEnv;
  project?: Project;
  /** Write a complete go.sum. */
  goSum?: boolean;
  /** Fill the module cache first (go mod download through the healthy proxy). */
  fillCache?: boolean;
  /** A module the verdict must name when go fails. */
  names?: string;
  /** Run in CI (the lean rows); the rest run with VERDICT_TABLE=full. */
  ci?: boolean;
}

const SUM = (w: World) => w.p.sumdb.verifierKey;
const viaProxy =
  (goproxy: (w: World) => string): Scenario['env'] =>
  (w) => ({ GOPROXY: goproxy(w), GOSUMDB: SUM(w) });
const FAULTS = ['status/404', 'status/410', 'status/500', 'status/403', 'blackhole', 'reset', 'slow/200'];
const LEAN_ONLY = new Set(['status/404', 'blackhole', 'slow/200']);
const LEAN_FIRST = new Set(['status/403,', 'status/500|', 'blackhole|']);
const HELLO = 'example.com/hello';

const SCENARIOS: Scenario[] = [
  { name: 'healthy proxy, sumdb through it', env: viaProxy((w) => w.p.url), ci: true },
  ...FAULTS.map(
    (f): Scenario => ({
      name: `only entry ${f}`,
      env: viaProxy((w) => w.p.base(f)),
      names: HELLO,
      ci: LEAN_ONLY.has(f),
    }),
  ),
  ...FAULTS.flatMap((f): Scenario[] =>
    [',', '|'].map((sep) => ({
      name: `first of two ${f}${sep}`,
      env: viaProxy((w) => `${w.p.base(f)}${sep}${w.p.url}`),
      names: HELLO,
      ci: LEAN_FIRST.has(`${f}${sep}`),
    })),
  ),
  { name: 'only entry answers 200 HTML (gateway page)', env: viaProxy((w) => w.p.base('notgo')), names: HELLO },
  { name: 'only entry never answers .zip', env: viaProxy((w) => w.p.base('stall-zip')), names: HELLO },
  { name: 'only entry wants credentials (401)', env: viaProxy((w) => w.p.base('auth')), names: HELLO },
  { name: 'import without a requirement (prefix queries)', env: viaProxy((w) => w.p.url), project: 'missing-require' },
  {
    name: 'import without a requirement, proxy 404',
    env: viaProxy((w) => w.p.base('status/404')),
    project: 'missing-require',
    names: HELLO,
  },
  { name: 'GOPROXY=off, empty cache', env: () => ({ GOPROXY: 'off' }), names: HELLO, ci: true },
  { name: 'GOPROXY=off, filled cache', env: () => ({ GOPROXY: 'off' }), goSum: true, fillCache: true, ci: true },
  {
    name: 'direct, host does not resolve',
    env: () => ({ GOPROXY: 'direct' }),
    project: 'invalid-host',
    names: 'nowhere.invalid/x',
    ci: true,
  },
  {
    name: 'proxy 404 then direct, host does not resolve',
    env: (w) => ({ GOPROXY: `${w.p.url},direct`, GOSUMDB: SUM(w) }),
    project: 'invalid-host',
    names: 'nowhere.invalid/x',
  },
  {
    name: 'private git module with GOPRIVATE',
    env: (w) => ({ GOPROXY: w.p.url, GOSUMDB: SUM(w), GOPRIVATE: 'corp.example' }),
    project: 'private',
    ci: true,
  },
  {
    name: 'private git module without GOPRIVATE (sumdb lookup 404)',
    env: (w) => ({ GOPROXY: `${w.p.url},direct`, GOSUMDB: SUM(w) }),
    project: 'private',
    names: 'corp.example/team/lib.git',
    ci: true,
  },
  {
    name: 'toolchain switch, proxy 404',
    env: (w) => ({ GOPROXY: w.p.url, GOSUMDB: SUM(w), GOTOOLCHAIN: 'auto' }),
    project: 'toolchain-new',
    names: 'golang.org/toolchain',
    ci: true,
  },
  {
    name: 'toolchain switch, proxy silent',
    env: (w) => ({ GOPROXY: w.p.base('blackhole'), GOSUMDB: SUM(w), GOTOOLCHAIN: 'auto' }),
    project: 'toolchain-new',
    names: 'golang.org/toolchain',
  },
  {
    name: 'toolchain line older than go (no switch)',
    env: (w) => ({ GOPROXY: w.p.url, GOSUMDB: SUM(w), GOTOOLCHAIN: 'auto' }),
    project: 'toolchain-old',
  },
  { name: 'sumdb silent, go.sum missing', env: viaProxy((w) => w.p.base('sumdb-blackhole')), names: HELLO },
  {
    name: 'sumdb refusing, go.sum missing',
    env: (w) => ({ GOPROXY: w.p.url, GOSUMDB: `${SUM(w)} ${w.refused}` }),
    names: HELLO,
  },
  {
    name: 'sumdb 404, go.sum missing',
    env: (w) => ({ GOPROXY: w.p.url, GOSUMDB: `${SUM(w)} ${w.p.sumdb.url('status/404')}` }),
    names: HELLO,
  },
  {
    name: 'sumdb refusing, go.sum complete',
    env: (w) => ({ GOPROXY: w.p.url, GOSUMDB: `${SUM(w)} ${w.refused}` }),
    goSum: true,
    ci: true,
  },
  { name: 'sumdb silent, go.sum complete', env: viaProxy((w) => w.p.base('sumdb-blackhole')), goSum: true },
  {
    name: 'HTTPS_PROXY healthy',
    env: (w) => ({ ...httpsEnv(w), HTTPS_PROXY: w.cpOk.url }),
  },
  { name: 'HTTPS_PROXY silent', env: (w) => ({ ...httpsEnv(w), HTTPS_PROXY: w.cpSilent.url }), names: HELLO, ci: true },
  { name: 'HTTPS_PROXY refusing', env: (w) => ({ ...httpsEnv(w), HTTPS_PROXY: w.cpRefuse.url }), names: HELLO },
  {
    name: 'HTTPS_PROXY wants credentials (407)',
    env: (w) => ({ ...httpsEnv(w), HTTPS_PROXY: w.cpAuth.url }),
    names: HELLO,
  },
  {
    name: 'HTTPS_PROXY with its credentials',
    env: (w) => ({ ...httpsEnv(w), HTTPS_PROXY: w.cpAuth.url.replace('://', '://pxuser:pxpass@') }),
  },
  // GONOSUMDB but not GOPRIVATE: Go still asks the public proxy first (the path is not in GONOPROXY). doctor does not
  // send it there; it asks for a public module instead, and the proxy (blocked: HTTPS_PROXY refused) fails for every
  // path. `,` does not move on after that error (modfetch/proxy.go TryProxies), `|` does, to git.
  {
    name: 'private git module with only GONOSUMDB, public proxy blocked, `,direct`',
    env: (w) => ({
      GOPROXY: 'https://proxy.golang.org,direct',
      GONOSUMDB: 'corp.example',
      HTTPS_PROXY: w.cpRefuse.url,
    }),
    project: 'private',
    names: 'corp.example/team/lib.git',
    ci: true,
  },
  {
    name: 'private git module with only GONOSUMDB, public proxy blocked, `|direct`',
    env: (w) => ({
      GOPROXY: 'https://proxy.golang.org|direct',
      GONOSUMDB: 'corp.example',
      HTTPS_PROXY: w.cpRefuse.url,
    }),
    project: 'private',
    ci: true,
  },
  {
    name: 'private git module, GOPRIVATE and GOPROXY=off',
    env: () => ({ GOPROXY: 'off', GOPRIVATE: 'corp.example' }),
    project: 'private',
  },
  {
    name: 'GONOSUMDB covers the modules, sumdb refusing, go.sum missing',
    env: (w) => ({ GOPROXY: w.p.url, GOSUMDB: `${SUM(w)} ${w.refused}`, GONOSUMDB: 'example.com' }),
  },
  { name: 'GOSUMDB=off, go.sum missing', env: (w) => ({ GOPROXY: w.p.url, GOSUMDB: 'off' }) },
  {
    name: 'self-signed proxy trusted via SSL_CERT_FILE',
    env: (w) => ({ GOPROXY: w.tp.url, GOSUMDB: w.tp.sumdb.verifierKey, SSL_CERT_FILE: w.tp.caFile }),
    ci: true,
  },
  {
    // Go ≥ 1.23 sends a ClientHello over 1,200 bytes (post-quantum key share): swallowed; Go 1.19's passes.
    name: 'middlebox drops large TLS ClientHellos',
    env: (w) => ({
      GOPROXY: `https://127.0.0.1:${w.mb.port}`,
      GOSUMDB: w.tp.sumdb.verifierKey,
      SSL_CERT_FILE: w.tp.caFile,
    }),
    names: HELLO,
    ci: true,
  },
  {
    name: 'middlebox drops large ClientHellos, GODEBUG=tlsmlkem=0',
    env: (w) => ({
      GOPROXY: `https://127.0.0.1:${w.mb.port}`,
      GOSUMDB: w.tp.sumdb.verifierKey,
      SSL_CERT_FILE: w.tp.caFile,
      GODEBUG: 'tlsmlkem=0',
    }),
  },
  {
    name: 'self-signed proxy, not trusted',
    env: (w) => ({ GOPROXY: w.tp.url, GOSUMDB: w.tp.sumdb.verifierKey }),
    names: HELLO,
  },
];

function httpsEnv(w: World): NodeJS.ProcessEnv {
  return { GOPROXY: 'https://goproxy.corp.test', GOSUMDB: w.tp.sumdb.verifierKey, SSL_CERT_FILE: w.tp.caFile };
}

const LIB_FILES = { 'go.mod': 'module corp.example/team/lib.git\n\ngo 1.18\n', 'lib.go': 'package lib\n' };

function projectFiles(kind: Project): Record<string, string> {
  const main = (imp: string) => `package main\n\nimport _ "${imp}"\n\nfunc main() {}\n`;
  switch (kind) {
    case 'hello':
      return {
        'go.mod': 'module example.com/proj\n\ngo 1.18\n\nrequire example.com/hello v1.0.0\n',
        'main.go': main(HELLO),
      };
    case 'missing-require':
      return { 'go.mod': 'module example.com/proj\n\ngo 1.18\n', 'main.go': main(HELLO) };
    case 'private':
      return {
        'go.mod': 'module example.com/proj\n\ngo 1.18\n\nrequire corp.example/team/lib.git v1.0.0\n',
        'main.go': main('corp.example/team/lib.git'),
      };
    case 'invalid-host':
      return {
        'go.mod': 'module example.com/proj\n\ngo 1.18\n\nrequire nowhere.invalid/x v1.0.0\n',
        'main.go': main('nowhere.invalid/x'),
      };
    case 'toolchain-new':
    case 'toolchain-old': {
      const tc = kind === 'toolchain-new' ? 'go1.99.0' : 'go1.21.0';
      const mod = `module example.com/proj\n\ngo 1.21\n\ntoolchain ${tc}\n\nrequire example.com/hello v1.0.0\n`;
      return { 'go.mod': mod, 'main.go': main(HELLO) };
    }
  }
}

let w: World;
const table: string[] = [];
let goVersion = '';

beforeAll(async () => {
  const [p, tp, git, refused] = await Promise.all([
    startFaultProxy(),
    startFaultProxy({ tls: 'self-signed' }),
    startGitDaemon([{ path: 'team/lib', files: LIB_FILES, tags: ['v1.0.0'] }]),
    refusedUrl(),
  ]);
  const hosts = { 'goproxy.corp.test': new URL(tp.url).host };
  const mb = await startTlsMiddlebox({ upstream: new URL(tp.url).host, maxFirstRecord: 1200 });
  const [cpOk, cpSilent, cpRefuse, cpAuth] = await Promise.all([
    startConnectProxy({ hosts }),
    startConnectProxy({ hosts, fault: 'silent' }),
    startConnectProxy({ hosts, fault: 'refuse' }),
    startConnectProxy({ hosts, auth: { user: 'pxuser', pass: 'pxpass' } }),
  ]);
  w = { p, tp, cpOk, cpSilent, cpRefuse, cpAuth, git, refused, mb };
  const h = makeHermeticGo();
  goVersion = (await execa(TEST_GO, ['env', 'GOVERSION'], { env: h.env, extendEnv: false })).stdout.trim();
  h.cleanup();
});

afterAll(async () => {
  if (table.length) console.log(`verdict table (${goVersion}):\n${table.sort().join('\n')}`);
  await Promise.all([
    w?.mb.close(),
    w?.p.close(),
    w?.tp.close(),
    w?.cpOk.close(),
    w?.cpSilent.close(),
    w?.cpRefuse.close(),
  ]);
  await w?.git.close();
});

interface VerdictDoc {
  verdict?: { willFail: boolean; errors: string[]; failures: Array<{ module: string; hop?: string; message: string }> };
}

/** Writes the scenario's project into dir. */
function writeProject(s: Scenario, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const files = projectFiles(s.project ?? 'hello');
  if (s.goSum) {
    const sums = w.p.modules.filter(
      (m) => (m.path === HELLO || m.path === 'example.com/dep') && m.version === 'v1.0.0',
    );
    files['go.sum'] = sums.map(goSumRecord).join('');
    files['go.mod'] += 'require example.com/dep v1.0.0 // indirect\n';
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

/**
 * doctor and go run at once, each on its own copy of the project and its own module cache (tidy writes both), so a
 * row takes as long as the slower of the two, not their sum.
 */
async function runScenario(s: Scenario) {
  const h = makeHermeticGo(s.env(w));
  try {
    const [dDir, gDir] = [join(h.dir, 'doctor'), join(h.dir, 'go')];
    writeProject(s, dDir);
    writeProject(s, gDir);
    writeFileSync(join(h.dir, 'home', '.gitconfig'), w.git.insteadOf('corp.example'));
    const goEnv = { ...h.env, GOMODCACHE: join(h.dir, 'gomodcache-go') };
    if (s.fillCache) {
      for (const cache of [h.env.GOMODCACHE!, goEnv.GOMODCACHE]) {
        const fill = { ...h.env, GOMODCACHE: cache, GOPROXY: w.p.url, GOSUMDB: 'off', GOFLAGS: '-modcacherw' };
        await execa(TEST_GO, ['mod', 'download', `${HELLO}@v1.0.0`, 'example.com/dep@v1.0.0'], {
          cwd: h.dir,
          env: fill,
          extendEnv: false,
          timeout: 20_000,
        });
      }
    }
    const goStart = performance.now();
    const [doctor, go] = await Promise.all([
      runCli(['doctor', '--json', '--timeout', DOCTOR_TIMEOUT], { env: h.env, cwd: dDir, timeoutMs: 30_000 }),
      execa(TEST_GO, ['mod', 'tidy'], {
        cwd: gDir,
        env: goEnv,
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
        timeout: GO_BOUND_MS,
      }).then((r) => ({ ...r, ms: performance.now() - goStart })),
    ]);
    const goOk = go.exitCode === 0 && !go.timedOut;
    const doc = JSON.parse(doctor.stdout) as VerdictDoc;
    const goWords = go.timedOut ? 'hang' : goOk ? 'ok' : 'fail';
    const times = `(doctor ${Math.round(doctor.durationMs)} ms, go ${Math.round(go.ms)} ms)`;
    table.push(`${s.name.padEnd(58)} go: ${goWords.padEnd(4)} doctor exit: ${doctor.exitCode} ${times}`);
    return { goOk, goWords, go, doctor, doc };
  } finally {
    h.cleanup();
  }
}

describe.concurrent('verdict table: doctor exits 1 exactly when go mod tidy fails', () => {
  for (const s of SCENARIOS.filter((x) => FULL || x.ci)) {
    it(s.name, async () => {
      const r = await runScenario(s);
      const why = `go mod tidy: ${r.goWords}\n${String(r.go.stderr).slice(0, 600)}\nverdict: ${JSON.stringify(r.doc.verdict?.failures ?? r.doc, null, 1).slice(0, 3000)}${r.doctor.stderr}`;
      expect(r.doc.verdict, why).toBeDefined();
      expect(r.doctor.exitCode, why).toBe(r.goOk ? 0 : 1);
      const v = r.doc.verdict!;
      if (!r.goOk && s.names && v.errors.length === 0)
        expect(
          v.failures.map((f) => f.module),
          why,
        ).toContain(s.names);
    });
  }
});
