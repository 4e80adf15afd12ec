// 8. check-proxy on a healthy loopback proxy (the fault proxy with its checksum database, http and https with the
// test CA), three canaries: wall time against the 1.5 s goal, and how concurrent its requests are (the sum of every
// request's own time against the wall time of the run, measured in the same run).
import { median, timeCommand } from '../lib/measure.js';

const GOAL_MS = 1500;
const INCOMPAT = {
  path: 'example.com/incompat',
  version: 'v2.0.0+incompatible',
  files: { 'lib.go': 'package incompat\n' },
};
const MODULES = ['example.com/hello@v1.0.0', 'example.com/Upper/mod@v1.0.0', `${INCOMPAT.path}@${INCOMPAT.version}`];

/** One row per scheme for the wall time, one for the concurrency of the https run. */
export async function benchCheckProxy(ctx) {
  const rows = [];
  for (const tls of [false, true]) {
    const p = await ctx.helpers.startFaultProxy({ ...(tls ? { tls: 'self-signed' } : {}), modules: [INCOMPAT] });
    const h = ctx.hermetic({ GOSUMDB: p.sumdb.verifierKey, ...(tls ? { SSL_CERT_FILE: p.caFile } : {}) });
    const args = [ctx.bin, 'check-proxy', p.url, '--json', '--go', ctx.go, ...MODULES.flatMap((m) => ['--module', m])];
    try {
      const walls = [];
      const ratios = [];
      for (let i = 0; i <= ctx.runs; i++) {
        const r = await timeCommand(process.execPath, args, { env: h.env, cwd: h.dir, timeoutMs: 60_000 });
        const doc = JSON.parse(r.stdout);
        if (doc.summary?.fail !== 0)
          throw new Error(`check-proxy failed on the healthy proxy: ${r.stdout.slice(0, 200)}`);
        if (i === 0) continue; // warm-up
        walls.push(r.ms);
        const sum = doc.checks.flatMap((c) => c.exchanges).reduce((a, e) => a + e.ms, 0);
        ratios.push(sum / doc.durationMs);
      }
      const v = median(walls);
      rows.push({
        item: '8 check-proxy',
        name: `healthy ${tls ? 'https' : 'http'} proxy, 3 modules`,
        unit: 'ms',
        value: v,
        baseline: GOAL_MS,
        baselineName: 'goal 1.5 s',
        ratio: v / GOAL_MS,
        goal: '≤ 1.5 s',
        met: v <= GOAL_MS,
      });
      if (tls)
        rows.push({
          item: '8 check-proxy',
          name: 'concurrency (https)',
          unit: '×',
          value: median(ratios),
          baseline: 1,
          baselineName: 'sequential',
          ratio: median(ratios),
          goal: '> 1× (requests overlap)',
          met: median(ratios) > 1,
          note: 'sum of the shown requests\u2019 own times ÷ the run\u2019s duration',
        });
    } finally {
      await p.close();
    }
  }
  return rows;
}
