// Child process of bench item 6: streams N lines synthesized by repeating REAL captured `go mod tidy -v -x` lines
// (test/fixtures/tidy/**) through the tidy classifier and timeline, and prints {lines, ms, peakRssMB, ...} as JSON.
// mode "split" only iterates the same lines (the baseline: the cost of producing them).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, importDist } from './lib/build-helpers.js';

const [mode = 'classify', nArg = '200000'] = process.argv.slice(2);
const N = Number(nArg);

function realLines() {
  const dir = join(ROOT, 'test', 'fixtures', 'tidy');
  const out = [];
  for (const v of readdirSync(dir).filter((d) => d.startsWith('go1.'))) {
    for (const f of readdirSync(join(dir, v)).filter((x) => x.endsWith('.txt'))) {
      out.push(
        ...readFileSync(join(dir, v, f), 'utf8')
          .split('\n')
          .filter((l) => l !== ''),
      );
    }
  }
  return out;
}

const lines = realLines();
const { LineClassifier } = await importDist('core/tidy/classify.js');
const { Timeline } = await importDist('core/tidy/timeline.js');
globalThis.gc?.();
const base = process.memoryUsage();
let peakRss = base.rss;
let peakHeap = base.heapUsed;
const c = new LineClassifier();
const t = new Timeline(0);
let chars = 0;
const start = performance.now();
for (let i = 0; i < N; i++) {
  const line = lines[i % lines.length];
  if (mode === 'classify') t.apply(c.push(line), i / 100);
  else chars += line.length;
  if ((i & 4095) === 0) {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }
}
const ms = performance.now() - start;
const mb = (b) => Math.round((b / 1048576) * 10) / 10;
process.stdout.write(
  JSON.stringify({
    mode,
    lines: N,
    distinctLines: lines.length,
    ms,
    linesPerSec: N / (ms / 1000),
    chars,
    peakRssMB: mb(peakRss),
    rssGrowthMB: mb(peakRss - base.rss),
    heapGrowthMB: mb(peakHeap - base.heapUsed),
  }) + '\n',
);
