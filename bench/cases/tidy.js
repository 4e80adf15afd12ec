// 3. `gomodctl tidy --explain` against raw `go mod tidy -v` on a healthy local proxy serving a generated graph of
// ~100 modules, with a cold (fresh) and a warm (pre-filled) module cache (goal ≤ 1.10×).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { interleaved, timeCommand } from '../lib/measure.js';

const N_MODULES = 100;

/**
 * The floor of any Node.js wrapper: node starts, loads child_process, starts `go mod tidy -v -x` as gomodctl does
 * (detached, stderr to a file) and exits with it. What gomodctl adds beyond this is its own; this much is Node's.
 */
const FLOOR = `const { spawn } = require('node:child_process');
const { openSync, unlinkSync } = require('node:fs');
const f = require('node:os').tmpdir() + '/gomodctl-floor-' + process.pid;
const fd = openSync(f, 'wx+'); unlinkSync(f);
spawn(process.argv[1], ['mod', 'tidy', '-v', '-x'], { stdio: ['ignore', 'inherit', fd], detached: true })
  .on('exit', (code) => { process.exitCode = code; });`;

/** Writes the main module afresh (no go.sum, untidy go.mod) and returns its directory. */
function freshMain(root, files, i) {
  const dir = join(root, `main-${i}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Cold and warm rows; each sample tidies a fresh copy of the main module. */
export async function benchTidy(ctx) {
  const graph = ctx.helpers.makeModuleGraph(N_MODULES);
  const p = await ctx.helpers.startFaultProxy({ modules: graph.modules, fixtures: false });
  const h = ctx.hermetic({ GOPROXY: p.url, GOSUMDB: p.sumdb.gosumdb(), GONOSUMDB: undefined });
  let k = 0;
  const once = async (which, cache) => {
    const dir = freshMain(h.dir, graph.mainFiles, k++);
    const env = { ...h.env, GOMODCACHE: cache ?? join(h.dir, `mc-${k}`) };
    const [cmd, args] =
      which === 'go'
        ? [ctx.go, ['mod', 'tidy', '-v']]
        : which === 'floor'
          ? [process.execPath, ['-e', FLOOR, ctx.go]]
          : [process.execPath, [ctx.bin, 'tidy', '--explain', '--go', ctx.go, '-C', dir]];
    const r = await timeCommand(cmd, args, { env, cwd: dir, timeoutMs: 120_000 });
    if (r.code !== 0)
      throw new Error(`${which} tidy failed (exit ${r.code}): ${r.stderr.split('\n').slice(-3).join(' ')}`);
    if (!cache) rmSync(env.GOMODCACHE, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    return r.ms;
  };
  try {
    const cold = await interleaved(ctx.runs, {
      go: () => once('go'),
      gomodctl: () => once('gomodctl'),
      floor: () => once('floor'),
    });
    const warmCache = join(h.dir, 'mc-warm');
    await once('go', warmCache);
    const warm = await interleaved(ctx.runs, {
      go: () => once('go', warmCache),
      gomodctl: () => once('gomodctl', warmCache),
      floor: () => once('floor', warmCache),
    });
    const row = (name, m) => ({
      item: '3 tidy overhead',
      name,
      unit: 'ms',
      value: m.gomodctl.median,
      baseline: m.go.median,
      baselineName: 'go mod tidy -v',
      ratio: m.gomodctl.median / m.go.median,
      goal: '≤ 1.10×',
      met: m.gomodctl.median / m.go.median <= 1.1,
    });
    // Issue 12: a healthy warm run costs ≤ 50 ms more than raw go mod tidy (go starts first, config read beside it).
    const delta = {
      item: '3 tidy overhead',
      name: `${N_MODULES} modules, warm cache: added time`,
      unit: 'ms',
      value: warm.gomodctl.median - warm.go.median,
      baseline: 50,
      baselineName: 'goal',
      ratio: null,
      goal: '≤ 50 ms',
      met: warm.gomodctl.median - warm.go.median <= 50,
    };
    // For reading the two above: what node alone adds (starting, spawning go, exiting), no goal of its own.
    const floor = (name, m) => ({
      item: '3 tidy overhead',
      name,
      unit: 'ms',
      value: m.floor.median,
      baseline: m.go.median,
      baselineName: 'go mod tidy -v',
      ratio: m.floor.median / m.go.median,
      goal: 'reference',
      met: null,
      note: `node -e that only starts go: +${Math.round(m.floor.median - m.go.median)} ms`,
    });
    return [
      row(`${N_MODULES} modules, cold cache`, cold),
      floor(`${N_MODULES} modules, cold cache: node floor`, cold),
      row(`${N_MODULES} modules, warm cache`, warm),
      floor(`${N_MODULES} modules, warm cache: node floor`, warm),
      delta,
    ];
  } finally {
    await p.close();
    h.cleanup();
  }
}
