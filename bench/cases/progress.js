// 9. Progress is bytes (issue 12): on the generated 100-module graph, one deep module's zip that drips is named
// (module, version, zip URL); one that stops after 256 bytes is noticed within --stall + 0.5 s; with every zip
// dripping and --timeout reached the report says "slow" and blames none; the report follows --timeout within 0.5 s.
// A small forwarding server in front of the fault proxy picks the fault per module (the proxy picks it per prefix).
import { createServer, request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, timeCommand } from '../lib/measure.js';

const N = 100;
const DEEP = 'example.com/gen/m0077'; // depth 6 of the binary tree: found only after its ancestors' go.mod files

/** Forwards every request to the fault proxy, under `modeFor(path)` (a fault prefix, '' for none). */
function startRouter(target, modeFor) {
  const server = createServer((req, res) => {
    const mode = modeFor(req.url ?? '/');
    const url = new URL(`${mode ? `/${mode}` : ''}${req.url}`, target);
    const up = request(url, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connection', (s) => sockets.add(s));
  const sockets = new Set();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => {
          for (const s of sockets) s.destroy();
          return new Promise((r) => server.close(() => r()));
        },
      }),
    ),
  );
}

function freshMain(root, files, i) {
  const dir = join(root, `progress-${i}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const zipOf = (mod) => (u) => u.includes(`/${mod}/@v/`) && u.endsWith('.zip');

export async function benchProgress(ctx) {
  const graph = ctx.helpers.makeModuleGraph(N);
  const p = await ctx.helpers.startFaultProxy({ modules: graph.modules, fixtures: false, dripMs: 40 });
  const rows = [];
  const item = '10 progress is bytes';
  let k = 0;
  const run = async (modeFor, args, watch) => {
    const router = await startRouter(p.url, modeFor);
    const h = ctx.hermetic({ GOPROXY: router.url, GOSUMDB: p.sumdb.gosumdb(), GONOSUMDB: undefined });
    const dir = freshMain(h.dir, graph.mainFiles, k++);
    const t0 = Date.now();
    const cli = [ctx.bin, 'tidy', '--explain', ...args, '--go', ctx.go, '-C', dir];
    const r = await timeCommand(process.execPath, cli, { env: h.env, cwd: dir, timeoutMs: 60_000, watch });
    await router.close();
    return { r, t0 };
  };
  try {
    // 9.1 one deep module drips (moving): --timeout reached, the report names it.
    const names = [];
    for (let i = 0; i < ctx.runs; i++) {
      const { r } = await run(
        (u) => (zipOf(DEEP)(u) ? 'drip-zip' : ''),
        ['--json', '--stall', '2s', '--timeout', '8s'],
      );
      const first = JSON.parse(r.stdout).problems?.[0];
      names.push(first?.module === DEEP && first?.version === 'v1.0.0' && zipOf(DEEP)(first?.url ?? '') ? 1 : 0);
    }
    rows.push({
      item,
      name: `${N} modules, ${DEEP} drips: report names it`,
      unit: 'runs',
      value: names.reduce((a, b) => a + b, 0),
      baseline: ctx.runs,
      baselineName: 'runs',
      ratio: null,
      goal: 'every run: module, version, zip URL',
      met: names.every(Boolean),
    });
    // 9.2 stall notice latency: the deep zip stops after 256 bytes; notice ≤ --stall + 0.5 s after the zip request.
    const lat = [];
    const over = [];
    for (let i = 0; i < ctx.runs; i++) {
      p.clearLog();
      const watch = { notice: new RegExp(`go is waiting on the body of ${DEEP.replace(/\./g, '\\.')}@v1\\.0\\.0`) };
      const { r, t0 } = await run(
        (u) => (zipOf(DEEP)(u) ? 'stall-zip-body/256' : ''),
        ['--stall', '2s', '--timeout', '6s'],
        watch,
      );
      const sent = p.log.find((e) => e.kind === 'zip' && e.module === DEEP)?.time;
      lat.push(r.matches.notice !== null && sent ? t0 + r.matches.notice - sent : NaN);
      over.push(r.ms - 6000);
    }
    rows.push({
      item,
      name: 'body stops after 256 B: stall notice after the zip request (--stall 2s)',
      unit: 'ms',
      value: median(lat),
      baseline: 2500,
      baselineName: '--stall + 0.5 s',
      ratio: median(lat) / 2500,
      goal: '≤ --stall + 0.5 s',
      met: median(lat) <= 2500,
    });
    // gomodctl's clock starts once node has loaded the CLI: measure that start-up in the same run and subtract it.
    const boot = [];
    for (let i = 0; i < 3; i++) boot.push((await timeCommand(process.execPath, [ctx.bin, 'tidy', '--help'])).ms);
    rows.push({
      item,
      name: `--timeout 6s: report after the budget (whole command ${Math.round(median(over))} ms past it, minus start-up)`,
      unit: 'ms',
      value: median(over) - median(boot),
      baseline: 500,
      baselineName: '0.5 s',
      ratio: null,
      goal: '≤ 0.5 s',
      met: median(over) - median(boot) <= 500,
    });
    // 9.3 every zip drips: --timeout reached, "slow" with the progress, no module blamed.
    const slow = [];
    for (let i = 0; i < ctx.runs; i++) {
      const { r } = await run(
        (u) => (u.endsWith('.zip') ? 'drip-zip' : ''),
        ['--json', '--stall', '2s', '--timeout', '6s'],
      );
      const probs = JSON.parse(r.stdout).problems ?? [];
      slow.push(
        probs.length === 1 && probs[0].rule === 'slow' && !probs[0].module && /slow, /.test(probs[0].message) ? 1 : 0,
      );
    }
    rows.push({
      item,
      name: 'every zip drips, --timeout 6s: says "slow", blames none',
      unit: 'runs',
      value: slow.reduce((a, b) => a + b, 0),
      baseline: ctx.runs,
      baselineName: 'runs',
      ratio: null,
      goal: 'every run',
      met: slow.every(Boolean),
    });
    return rows;
  } finally {
    await p.close();
  }
}
