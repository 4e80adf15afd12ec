// `npm run causes` (after `npm run build`): runs `gomodctl tidy --explain --json` for every tidy scenario of the tests
// (test/fixtures/tidy/scenarios.ts SCENARIOS) and every CONNECT-proxy scenario (test/fixtures/network/scenarios.ts
// CONNECT_SCENARIOS, as "connect/NAME") with each Go, against the SAME loopback servers, and prints one Markdown table
// of what the first problem says. Options: --go PATH (repeatable), --only a,b, --json. Hermetic: nothing leaves
// 127.0.0.1.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, loadScenarios } from './lib/build-helpers.js';

const DEFAULT_GOS = [
  'go',
  '/usr/lib/go-1.19/bin/go',
  '/root/.cache/gomodctl-ci/go127/golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64/bin/go',
];
const CONCURRENCY = 4;
/** The CLI ends itself at --timeout 3s; this bounds a CLI that does not (start-up, go env, the report). */
const CHILD_LIMIT_MS = 30_000;
const CLI_ARGS = ['tidy', '--explain', '--json', '--stall', '1s', '--timeout', '3s'];
const MAIN_GO = 'package main\n\nimport hello "example.com/hello"\n\nvar _ = hello.Hello\n\nfunc main() {}\n';

function parseArgs(argv) {
  const o = { json: false, gos: [], only: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') o.json = true;
    else if (argv[i] === '--go' && argv[i + 1]) o.gos.push(argv[++i]);
    else if (argv[i] === '--only' && argv[i + 1]) o.only = new Set(argv[++i].split(',').map((s) => s.trim()));
    else throw new Error(`unknown option "${argv[i]}"; use --go PATH (repeatable), --only a,b or --json`);
  }
  return o;
}

/** The Go binaries to run with their GOVERSION; a default that is missing or does not run is skipped. */
function findGos(h, given) {
  const gos = [];
  for (const bin of given.length ? given : DEFAULT_GOS) {
    if (bin.includes('/') && !existsSync(bin)) {
      if (given.length) throw new Error(`--go ${bin}: no such file`);
      continue;
    }
    try {
      const version = execFileSync(bin, ['env', 'GOVERSION'], { env: h.env, encoding: 'utf8', timeout: 15_000 }).trim();
      gos.push({ bin, version });
    } catch (err) {
      if (given.length) throw new Error(`--go ${bin}: ${String(err?.message ?? err).split('\n')[0]}`);
    }
  }
  if (!gos.length) throw new Error('no Go binary found: give one with --go PATH');
  return gos;
}

/** Every scenario as {name, start(h, minor)} where start returns the module dir, the env and close(). */
function allScenarios(s) {
  const tidy = s.SCENARIOS.map((sc) => ({
    name: sc.name,
    async start(h, minor) {
      const p = await s.prepare(sc, h.dir, minor);
      return { dir: p.dir, env: p.env, close: () => p.proxy.close() };
    },
  }));
  // As tidy-causes.test.ts tidyViaConnect: a module importing example.com/hello through the CONNECT fault.
  const connect = s.CONNECT_SCENARIOS.map((sc) => ({
    name: `connect/${sc.name}`,
    async start(h) {
      const st = await s.startScenario(sc);
      const dir = join(h.dir, 'mod');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'go.mod'), 'module example.com/m\n\ngo 1.18\n');
      writeFileSync(join(dir, 'main.go'), MAIN_GO);
      return { dir, env: { ...st.env, GOSUMDB: st.fault.sumdb.gosumdb() }, close: st.close };
    },
  }));
  return [...tidy, ...connect];
}

const running = new Set();

/**
 * Runs the CLI in a process group of its own, killed with everything in it after CHILD_LIMIT_MS; `left` says whether
 * a process of the group (go, git) was still alive once the CLI had exited.
 */
function runCli(args, env) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'gomodctl.js'), ...args], {
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child.pid);
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      killGroup(child.pid);
    }, CHILD_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const left = !killed && groupAlive(child.pid);
      killGroup(child.pid);
      running.delete(child.pid);
      const stdout = Buffer.concat(out).toString();
      const stderr = Buffer.concat(err).toString();
      resolve({ code: killed ? 'killed' : code, stdout, stderr, left, ms: performance.now() - started });
    });
  });
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is gone
  }
}

/** One row: the run's exit and its first problem, or what went wrong before a report existed. */
function rowOf(name, go, r) {
  const row = { scenario: name, go: go.version, exit: r.code, ms: Math.round(r.ms), left: r.left };
  let doc;
  try {
    doc = JSON.parse(r.stdout);
  } catch {
    return { ...row, error: `no JSON on stdout: ${r.stderr.trim().split('\n')[0] ?? ''}`.slice(0, 200) };
  }
  const first = doc.problems?.[0];
  return { ...row, outcome: doc.outcome, problems: doc.problems?.length ?? 0, first };
}

async function runOne(s, sc, go, minor) {
  const h = s.makeHermeticGo();
  let started;
  try {
    started = await sc.start(h, minor);
    const env = { ...h.env, ...started.env, GOMODCTL_GO: go.bin };
    return rowOf(sc.name, go, await runCli([...CLI_ARGS, '--go', go.bin, '-C', started.dir], env));
  } catch (err) {
    return { scenario: sc.name, go: go.version, exit: null, error: String(err?.message ?? err).split('\n')[0] };
  } finally {
    await started?.close().catch(() => {});
    h.cleanup();
  }
}

/** Runs `jobs` (functions returning promises) CONCURRENCY at a time; results in the order of `jobs`. */
async function pool(jobs) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, worker));
  return results;
}

/** A Markdown cell: one line, no "|", loopback ports replaced so that two tables can be compared. */
const cell = (v) =>
  v === undefined || v === null || v === ''
    ? '—'
    : String(v)
        .replace(/\s+/g, ' ')
        .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
        .replace(/\|/g, '\\|')
        .trim();

function markdown(doc) {
  const head = ['scenario', 'Go', 'exit', 'cause', 'rule', 'module@version', 'URL', 'message (first ~90 chars)'];
  const lines = [
    `# gomodctl tidy --explain: cause table`,
    '',
    `${doc.gos.join(', ')}; node ${doc.node}; \`${CLI_ARGS.join(' ')}\`; ${Math.round(doc.durationMs / 1000)} s.`,
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
  ];
  for (const r of doc.rows) {
    const f = r.first;
    const mod = f?.module ?? f?.package;
    const msg = r.error ?? (f ? String(f.message).slice(0, 90) : '—');
    const exit = `${r.exit}${r.left ? ' (go/git left running)' : ''}`;
    const what = [f?.cause, f?.rule, mod && (f.version ? `${mod}@${f.version}` : mod), f?.url, msg];
    lines.push(`| ${[r.scenario, r.go, exit, ...what].map(cell).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run npm run build first');
  const s = await loadScenarios();
  const probe = s.makeHermeticGo();
  const gos = (() => {
    try {
      return findGos(probe, o.gos);
    } finally {
      probe.cleanup();
    }
  })();
  let scenarios = allScenarios(s);
  if (o.only) {
    const unknown = [...o.only].filter((n) => !scenarios.some((x) => x.name === n));
    if (unknown.length) throw new Error(`--only: no scenario ${unknown.join(', ')}`);
    scenarios = scenarios.filter((x) => o.only.has(x.name));
  }
  const started = performance.now();
  const jobs = scenarios.flatMap((sc) =>
    gos.map((go) => async () => {
      const row = await runOne(s, sc, go, s.goMinor(go.version));
      if (!o.json) process.stderr.write(`causes: ${sc.name} with ${go.version}: exit ${row.exit}\n`);
      return row;
    }),
  );
  const rows = await pool(jobs);
  const doc = {
    schemaVersion: 1,
    command: 'causes',
    gos: gos.map((g) => g.version),
    node: process.version,
    durationMs: Math.round(performance.now() - started),
    rows,
  };
  process.stdout.write(o.json ? JSON.stringify(doc, null, 2) + '\n' : markdown(doc));
}

for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    for (const pid of running) killGroup(pid);
    process.exit(130);
  });

main().catch((err) => {
  process.stderr.write(`causes: ${err?.stack ?? err}\n`);
  process.exitCode = 1;
});
