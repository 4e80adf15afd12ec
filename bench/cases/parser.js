// 6. Parser throughput on a 200,000-line `-x` log: lines per second and peak memory, in a fresh process each.
import { join } from 'node:path';
import { ROOT } from '../lib/build-helpers.js';
import { median, timeCommand } from '../lib/measure.js';

const LINES = 200_000;

async function worker(mode, n) {
  const r = await timeCommand(process.execPath, [join(ROOT, 'bench', 'parser-worker.js'), mode, String(n)], {
    env: process.env,
    timeoutMs: 120_000,
  });
  if (r.code !== 0) throw new Error(`parser worker failed: ${r.stderr.split('\n')[0]}`);
  return JSON.parse(r.stdout);
}

/** Throughput (median of runs) and memory; a second size shows whether memory grows with the output. */
export async function benchParser(ctx) {
  const runs = [];
  for (let i = 0; i < ctx.runs; i++) runs.push(await worker('classify', LINES));
  const split = await worker('split', LINES);
  const small = await worker('classify', LINES / 10);
  const lps = median(runs.map((r) => r.linesPerSec));
  const last = runs[runs.length - 1];
  return [
    {
      item: '6 parser',
      name: `classify + timeline, ${LINES} lines`,
      unit: 'lines/s',
      value: lps,
      baseline: split.linesPerSec,
      baselineName: 'line iteration only',
      ratio: null,
      goal: '—',
      met: null,
      note: `${last.distinctLines} distinct real lines`,
    },
    {
      item: '6 parser',
      name: 'peak RSS (200k lines)',
      unit: 'MB',
      value: last.peakRssMB,
      baseline: small.peakRssMB,
      baselineName: 'same, 20k lines',
      ratio: last.peakRssMB / small.peakRssMB,
      goal: 'flat in length',
      met: null,
      note: `heap growth ${last.heapGrowthMB} MB vs ${small.heapGrowthMB} MB at 20k`,
    },
  ];
}
