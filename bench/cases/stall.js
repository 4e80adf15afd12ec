// 4. Time until the blocking module is named on a proxy that never answers, against raw `go mod tidy` under the
// same budget (which never names the module, the URL or the cause: it just waits).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, timeCommand } from '../lib/measure.js';

const BUDGET_MS = 4000;
const MAIN = 'package main\n\nimport hello "example.com/hello"\n\nvar _ = hello.Hello\n\nfunc main() {}\n';

function mainModule(root, i) {
  const dir = join(root, `stall-${i}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'go.mod'), 'module example.com/m\n\ngo 1.18\n');
  writeFileSync(join(dir, 'main.go'), MAIN);
  return dir;
}

/** Human mode (first stall line naming the module), JSON mode (report naming module + URL), raw go (never). */
export async function benchStall(ctx) {
  const p = await ctx.helpers.startFaultProxy();
  const h = ctx.hermetic({ GOPROXY: p.base('blackhole'), GOSUMDB: p.sumdb.gosumdb(), GONOSUMDB: undefined });
  const budget = `${BUDGET_MS / 1000}s`;
  // The first stall line names what go waits on (go looks up example.com/hello AND example.com concurrently); the
  // module is named with its cause once the bounded probe of its URL has answered.
  const watch = { stall: /no progress for/, named: /example\.com\/hello\/@v\/list:[^\n]*(no response|timed out)/ };
  let i = 0;
  try {
    const human = [];
    const stallLine = [];
    const json = [];
    let jsonNames = false;
    for (let r = 0; r < Math.max(2, ctx.runs - 1); r++) {
      const d1 = mainModule(h.dir, i++);
      const a = await timeCommand(
        process.execPath,
        [ctx.bin, 'tidy', '--explain', '--stall', '1s', '--timeout', budget, '--go', ctx.go, '-C', d1],
        { env: { ...h.env, GOMODCACHE: join(h.dir, `mc${i}`) }, cwd: d1, timeoutMs: BUDGET_MS + 20_000, watch },
      );
      stallLine.push(a.matches.stall ?? NaN);
      human.push(a.matches.named ?? NaN);
      const d2 = mainModule(h.dir, i++);
      const b = await timeCommand(
        process.execPath,
        [ctx.bin, 'tidy', '--explain', '--json', '--stall', '1s', '--timeout', budget, '--go', ctx.go, '-C', d2],
        { env: { ...h.env, GOMODCACHE: join(h.dir, `mc${i}`) }, cwd: d2, timeoutMs: BUDGET_MS + 20_000 },
      );
      json.push(b.ms);
      try {
        const prob = JSON.parse(b.stdout).problems?.[0];
        jsonNames = prob?.module === 'example.com/hello' && /\/@v\/list/.test(prob?.url ?? '');
      } catch {
        jsonNames = false;
      }
    }
    const d3 = mainModule(h.dir, i++);
    const raw = await timeCommand(ctx.go, ['mod', 'tidy', '-v'], {
      env: { ...h.env, GOMODCACHE: join(h.dir, `mc${i}`) },
      cwd: d3,
      timeoutMs: BUDGET_MS,
      watch: /@v\/list|no response|timeout/,
    });
    const base = {
      item: '4 time to name the blocker',
      unit: 'ms',
      baseline: BUDGET_MS,
      baselineName: 'budget; raw go mod tidy -v',
    };
    return [
      {
        ...base,
        name: 'tidy --explain --stall 1s: first stall line',
        value: median(stallLine),
        ratio: null,
        goal: '≈ stall (1 s)',
        met: median(stallLine) <= 2500,
        note: 'names the URL go waits on',
      },
      {
        ...base,
        name: 'tidy --explain --stall 1s: module + cause',
        value: median(human),
        ratio: null,
        goal: '< budget',
        met: median(human) < BUDGET_MS,
        note: `go named it: ${raw.firstMatchMs === null ? 'never' : 'yes'}`,
      },
      {
        ...base,
        name: `tidy --explain --json, --timeout ${budget}`,
        value: median(json),
        ratio: null,
        goal: 'names module + URL',
        met: jsonNames,
        note: `go named it: ${raw.firstMatchMs === null ? 'never' : 'yes'} (killed at ${budget})`,
      },
    ];
  } finally {
    await p.close();
    h.cleanup();
  }
}
