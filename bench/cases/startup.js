// 1. Start-up: `gomodctl --version` and `--help` against `node -e 0` (goal ≤ 1.5×: heavy modules load lazily).
import { interleaved, timeCommand } from '../lib/measure.js';

/** Measures start-up; every sample is one fresh node process. */
export async function benchStartup(ctx) {
  const env = { ...ctx.hermetic().env };
  const run = (args) => async () => (await timeCommand(process.execPath, args, { env, timeoutMs: 15_000 })).ms;
  const m = await interleaved(ctx.runs * 2 + 1, {
    node: run(['-e', '0']),
    version: run([ctx.bin, '--version']),
    help: run([ctx.bin, '--help']),
  });
  const row = (name, key) => ({
    item: '1 start-up',
    name,
    unit: 'ms',
    value: m[key].median,
    baseline: m.node.median,
    baselineName: 'node -e 0',
    ratio: m[key].median / m.node.median,
    goal: '≤ 1.5×',
    met: m[key].median / m.node.median <= 1.5,
  });
  return [row('gomodctl --version', 'version'), row('gomodctl --help', 'help')];
}
