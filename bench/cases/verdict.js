// 9. doctor's verdict in a module: 150 requirements through a healthy loopback proxy against one requirement (goal
// ≤ 1.5×), and 150 requirements through a proxy that never answers against a healthy one-requirement run + T (goal
// ≤ that + 0.5 s: a dead endpoint answers for every module behind it after one probe).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, timeCommand } from '../lib/measure.js';

const T_MS = 1000;
const N = 150;

/** A main module requiring (and importing) `mods` directly, as a tidy go 1.18 module lists them. */
function writeMain(dir, mods) {
  mkdirSync(dir, { recursive: true });
  const req = mods.map((m) => `require ${m.path} ${m.version}\n`).join('');
  writeFileSync(join(dir, 'go.mod'), `module example.com/benchmain\n\ngo 1.18\n\n${req}`);
  const imports = mods.map((m) => `import _ "${m.path}"\n`).join('');
  writeFileSync(join(dir, 'main.go'), `package main\n\n${imports}\nfunc main() {}\n`);
}

async function timeDoctor(ctx, env, cwd) {
  const ms = [];
  let code = null;
  for (let i = 0; i < ctx.runs; i++) {
    const args = [ctx.bin, 'doctor', '--json', '--timeout', `${T_MS / 1000}s`, '--go', ctx.go];
    const r = await timeCommand(process.execPath, args, { env, cwd, timeoutMs: 120_000 });
    ms.push(r.ms);
    code = r.code;
  }
  return { ms: median(ms), code };
}

/** Item 9 rows. */
export async function benchVerdict(ctx) {
  const graph = ctx.helpers.makeModuleGraph(N);
  const p = await ctx.helpers.startFaultProxy({ modules: graph.modules, fixtures: false });
  const rows = [];
  try {
    const h = ctx.hermetic();
    const one = join(h.dir, 'one');
    const many = join(h.dir, 'many');
    writeMain(one, [graph.modules[N - 1]]);
    writeMain(many, graph.modules);
    const healthy = { ...h.env, GOPROXY: p.url, GOSUMDB: p.sumdb.verifierKey };
    const silent = { ...h.env, GOPROXY: p.base('blackhole'), GOSUMDB: p.sumdb.verifierKey };
    const base = await timeDoctor(ctx, healthy, one);
    const big = await timeDoctor(ctx, healthy, many);
    const dead = await timeDoctor(ctx, silent, many);
    const item = '9 doctor verdict';
    rows.push({
      item,
      name: `${N} requirements, healthy proxy (exit ${big.code})`,
      unit: 'ms',
      value: big.ms,
      baseline: base.ms,
      baselineName: '1 requirement',
      ratio: big.ms / base.ms,
      goal: '≤ 1.5×',
      met: big.ms / base.ms <= 1.5,
    });
    const bound = base.ms + T_MS;
    rows.push({
      item,
      name: `${N} requirements, silent proxy (exit ${dead.code})`,
      unit: 'ms',
      value: dead.ms,
      baseline: bound,
      baselineName: '1 requirement healthy + T',
      ratio: dead.ms / bound,
      goal: '≤ baseline + 500 ms',
      met: dead.ms <= bound + 500,
      note: `T = ${T_MS} ms`,
    });
  } finally {
    await p.close();
  }
  return rows;
}
