// 2. doctor with 1, 10 and 50 proxy endpoints that never answer, at --timeout T, against T (goal ≈ T for any count).
import { median, timeCommand } from '../lib/measure.js';

const T_MS = 1000;

/** Each endpoint is a distinct URL under the fault proxy's blackhole prefix (it accepts any suffix). */
export async function benchDoctor(ctx) {
  const p = await ctx.helpers.startFaultProxy();
  const h = ctx.hermetic();
  const rows = [];
  try {
    // Fixed cost of a doctor run (node start-up, go env, sumdb): the same command against a proxy that answers.
    const healthy = [];
    for (let i = 0; i < ctx.runs; i++) {
      const env = { ...h.env, GOPROXY: p.url, GOSUMDB: p.sumdb.gosumdb() };
      healthy.push(
        (
          await timeCommand(
            process.execPath,
            [ctx.bin, 'doctor', '--json', '--timeout', '1s', '--module', 'example.com/hello@v1.1.0', '--go', ctx.go],
            { env, cwd: h.dir, timeoutMs: 30_000 },
          )
        ).ms,
      );
    }
    const fixed = median(healthy);
    for (const n of [1, 10, 50]) {
      const list = Array.from({ length: n }, (_, i) => `${p.base('blackhole')}/n${i}`).join('|');
      const env = { ...h.env, GOPROXY: list, GOSUMDB: p.sumdb.gosumdb() };
      const args = [
        ctx.bin,
        'doctor',
        '--json',
        '--timeout',
        `${T_MS / 1000}s`,
        '--module',
        'example.com/hello@v1.1.0',
        '--go',
        ctx.go,
      ];
      const ms = [];
      let probed = 0;
      for (let i = 0; i < ctx.runs; i++) {
        p.clearLog();
        const r = await timeCommand(process.execPath, args, { env, cwd: h.dir, timeoutMs: T_MS * 20 + 30_000 });
        ms.push(r.ms);
        probed = new Set(p.log.filter((e) => e.mode === 'blackhole').map((e) => e.url.split('/')[2])).size;
      }
      const v = median(ms);
      rows.push({
        item: '2 doctor, silent endpoints',
        name: `${n} endpoint${n > 1 ? 's' : ''} (${probed} probed)`,
        unit: 'ms',
        value: v,
        baseline: T_MS,
        baselineName: 'T = --timeout',
        ratio: v / T_MS,
        goal: '≈ T (≤ 1.5×)',
        met: v / T_MS <= 1.5,
        note: `a healthy run takes ${Math.round(fixed)} ms; T + that = ${Math.round(T_MS + fixed)} ms`,
      });
    }
  } finally {
    await p.close();
    h.cleanup();
  }
  return rows;
}
