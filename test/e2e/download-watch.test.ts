// End to end: the REAL go (GOMODCTL_TEST_GO: 1.19, 1.26, 1.27) downloads a zip the fault proxy drips or stops, and
// download-watch sees the bytes land in the module cache, through the timeline as the watchdog will use it.
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { SCENARIOS, prepare, goMinor, type Scenario } from '../fixtures/tidy/scenarios.js';
import { LineClassifier } from '../../src/core/tidy/classify.js';
import { Timeline } from '../../src/core/tidy/timeline.js';
import { transferRate, type Transfer } from '../../src/core/tidy/transfers.js';
import { createDownloadWatch } from '../../src/go/download-watch.js';
import { startTidyProcess } from '../../src/go/tidy-process.js';

const version = (await execa(TEST_GO, ['env', 'GOVERSION'], { env: makeHermeticGo().env, extendEnv: false })).stdout;
const MINOR = goMinor(version.trim());
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const HELLO = ['example.com/hello', 'v1.1.0'] as const;

/**
 * Runs `go mod tidy -v [-x]` on a scenario with the watcher ticking every 100 ms, until `until(zip)` holds for the
 * target's zip (default hello) or `boundMs` passes; kills go's whole tree after. Returns the zip after each tick.
 */
async function watch(
  s: Scenario,
  until: (z: Transfer | undefined) => boolean,
  target: readonly [string, string] = HELLO,
  boundMs = 25_000,
) {
  const h = makeHermeticGo();
  const p = await prepare(s, h.dir, MINOR);
  cleanups.push(
    () => p.proxy.close(),
    () => h.cleanup(),
  );
  const start = performance.now();
  const now = (): number => performance.now() - start;
  const t = new Timeline(0);
  const c = new LineClassifier();
  const proc = startTidyProcess({
    go: TEST_GO,
    args: ['mod', 'tidy', '-v', ...(MINOR >= 21 ? ['-x'] : [])],
    cwd: p.dir,
    env: { ...h.env, ...p.env },
    onLine: (l) => t.apply(c.push(l), now()),
  });
  let exit: number | null | undefined;
  void proc.done.then((r) => {
    exit = r.exitCode;
  });
  const w = createDownloadWatch(h.env.GOMODCACHE!);
  const seen: Array<{ bytes?: number; phase?: string }> = [];
  let exitedByItself = false;
  try {
    while (now() < boundMs) {
      await new Promise((r) => setTimeout(r, 100));
      const exited = exit !== undefined;
      await w.tick(t, now);
      const z = t.transfers.zip(...target);
      seen.push({ bytes: z?.bytes, phase: z?.phase });
      exitedByItself = exited;
      if (until(z) || exited) break;
    }
  } finally {
    await proc.killTree();
    await proc.done;
  }
  const zipSize = p.proxy.modules.find((m) => m.path === HELLO[0] && m.version === HELLO[1])!.zip.length;
  return { t, zip: t.transfers.zip(...target), seen, exit, exitedByItself, zipSize };
}

const scenario = (name: string, dripMs?: number): Scenario => {
  const s = SCENARIOS.find((x) => x.name === name)!;
  return dripMs === undefined ? s : { ...s, proxyOpts: { ...s.proxyOpts, dripMs } };
};

describe.concurrent(`download-watch with the real ${version.trim()}`, () => {
  it('a dripping zip: the watcher sees its bytes grow, in the body phase, with a rate above 0', async () => {
    const distinct = (z: Transfer | undefined) => new Set(z?.samples.map((x) => x[1]).filter((b) => b > 0)).size;
    const r = await watch(scenario('drip-zip', 20), (z) => distinct(z) >= 4);
    expect(r.zip, JSON.stringify(r.seen)).toBeDefined();
    const grown = r.seen.map((x) => x.bytes ?? 0).filter((b) => b > 0);
    expect(grown.length, JSON.stringify(r.seen)).toBeGreaterThanOrEqual(4);
    expect([...grown].sort((a, b) => a - b)).toEqual(grown); // never shrinks
    expect(grown[grown.length - 1]!).toBeGreaterThan(grown[0]!);
    expect(grown[grown.length - 1]!).toBeLessThan(r.zipSize);
    expect(r.zip).toMatchObject({ phase: 'body' });
    expect(transferRate(r.zip!)).toBeGreaterThan(0);
    if (MINOR >= 21) expect(r.zip!.url).toContain('/drip-zip/example.com/hello/@v/v1.1.0.zip');
  });

  it('a zip that stops after 256 bytes: the watcher sees 256 bytes that do not move', async () => {
    let stuckTicks = 0;
    const r = await watch(scenario('body-stall'), (z) => {
      if (z?.bytes === 256) stuckTicks += 1;
      return stuckTicks >= 10; // 1 s of ticks at 256 bytes
    });
    expect(stuckTicks, JSON.stringify(r.seen)).toBeGreaterThanOrEqual(10);
    expect(r.zip).toMatchObject({ phase: 'body', bytes: 256 });
    expect(transferRate(r.zip!)).toBe(0);
    expect(r.exitedByItself).toBe(false); // go was still waiting when we killed it
    expect(r.t.pending()).toEqual([]); // no open `# get`: only the bytes show where it stopped
  });

  it('a zip that drips to the end: the watcher sees it complete, with the size the proxy served', async () => {
    const r = await watch(scenario('drip-zip', 1), (z) => z?.phase === 'done');
    expect(r.zip, JSON.stringify(r.seen)).toMatchObject({ phase: 'done' });
    // `go: found` may end it before the watcher looks; when the watcher saw the final zip, it has its size.
    if (r.zip!.bytes !== undefined && r.seen.some((x) => x.bytes === r.zipSize)) expect(r.zip!.bytes).toBe(r.zipSize);
  });

  it('a toolchain switch to a silent proxy: Go >= 1.21 creates the toolchain zip temp file and waits with 0 bytes', async () => {
    const tc = ['golang.org/toolchain', 'v0.0.1-go1.99.0.linux-amd64'] as const;
    let ticks = 0;
    const r = await watch(scenario('toolchain-hang'), (z) => z?.bytes === 0 && ++ticks >= 5, tc);
    if (MINOR < 21) {
      // Go 1.19 cannot switch toolchains: it rejects the go line at once and downloads nothing.
      expect(r.exitedByItself).toBe(true);
      expect(r.t.transfers.all()).toEqual([]);
      return;
    }
    expect(r.zip, JSON.stringify(r.seen)).toMatchObject({ toolchain: true, phase: 'request', bytes: 0 });
    expect(r.exitedByItself).toBe(false);
    expect(r.t.sawTrace).toBe(false); // no -x trace during a switch: the temp file is the only sign of the download
  });
});
