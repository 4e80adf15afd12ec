// How often the watchdog reads the module cache (probes/tidy-watch.ts): every --stall/40 (at least 100 ms) while Go's
// lines are quiet, only every 4x that while they come (they are progress already); never two reads at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWatchdog } from '../../src/probes/tidy-watch.js';
import { Timeline } from '../../src/core/tidy/timeline.js';
import { tidySettings } from '../core/tidy/model.js';

const S = tidySettings({ GOPROXY: 'http://127.0.0.1:8080', GOSUMDB: 'sum.gomodctl.test' });

function watch(stallMs: number, pollMs = 0) {
  const t = new Timeline(0);
  const t0 = Date.now();
  const now = () => Date.now() - t0;
  let polls = 0;
  let open = 0;
  let overlapped = false;
  const poll = async () => {
    polls += 1;
    open += 1;
    if (open > 1) overlapped = true;
    await new Promise((r) => setTimeout(r, pollMs));
    open -= 1;
  };
  const w = startWatchdog(t, now, { stallMs, env: {}, goVersion: 'go1.26.8', ...S, poll });
  return { t, now, w, polls: () => polls, overlapped: () => overlapped };
}

/** Stops the watchdog; a read in flight ends on the fake clock. */
async function stop(w: { stop(): Promise<void> }): Promise<void> {
  const s = w.stop();
  await vi.advanceTimersByTimeAsync(1000);
  await s;
}

describe('module cache poll cadence', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('Go quiet: every --stall/40 (250 ms at the default 10 s)', async () => {
    const x = watch(10_000);
    await vi.advanceTimersByTimeAsync(3000);
    await stop(x.w);
    expect(x.polls()).toBeGreaterThanOrEqual(10);
    expect(x.polls()).toBeLessThanOrEqual(13);
  });

  it("Go's lines coming: every 4x that (1 s at the default 10 s)", async () => {
    const x = watch(10_000);
    const lines = setInterval(
      () => x.t.apply({ kind: 'downloading', module: 'example.com/a', version: 'v1.0.0' }, x.now()),
      50,
    );
    await vi.advanceTimersByTimeAsync(3000);
    clearInterval(lines);
    await stop(x.w);
    expect(x.polls()).toBeGreaterThanOrEqual(2);
    expect(x.polls()).toBeLessThanOrEqual(4);
  });

  it('at least 100 ms apart at a short --stall, and a slow read is never doubled', async () => {
    const x = watch(1000, 350);
    await vi.advanceTimersByTimeAsync(2000);
    await stop(x.w);
    expect(x.overlapped()).toBe(false);
    expect(x.polls()).toBeLessThanOrEqual(6); // each read takes 350 ms: at most one per 350 ms
    expect(x.polls()).toBeGreaterThanOrEqual(4);
  });

  it('a line that waits to be read, written just before --stall, is not a stall: catchUp runs before each check', async () => {
    const t = new Timeline(0);
    const t0 = Date.now();
    const now = () => Date.now() - t0;
    const starts: number[] = [];
    let pending = true;
    const w = startWatchdog(t, now, {
      stallMs: 1000,
      env: {},
      goVersion: 'go1.26.8',
      ...S,
      // go wrote a line at 990 ms; our reader has not read it yet when the first check past --stall comes
      catchUp: () => {
        if (pending && now() >= 1000) {
          pending = false;
          t.apply({ kind: 'downloading', module: 'example.com/a', version: 'v1.0.0' }, 990);
        }
      },
      onStallStart: () => void starts.push(now()),
    });
    await vi.advanceTimersByTimeAsync(1500);
    await stop(w);
    expect(pending).toBe(false);
    expect(starts).toEqual([]); // without catchUp, the check at 1000 ms saw 1 s of silence
  });
});
