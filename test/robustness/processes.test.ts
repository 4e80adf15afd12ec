// Guard: after Ctrl-C (SIGINT), SIGTERM, SIGHUP, SIGQUIT, --timeout, or a stall, no `go` or `git` process started by gomodctl is left.
// gomodctl runs go in its own process group, so a killed gomodctl would orphan it (re-parented to init): descendants
// are therefore found by a unique variable every child inherits (GOMODCTL_GUARD_TAG), not by ppid or process group.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { findTagged, killTagged, spawnTagged, waitFor, writeModule, type TaggedRun } from './support.js';

let p: FaultProxy;
let h: HermeticGo;
const runs: TaggedRun[] = [];

beforeAll(async () => {
  p = await startFaultProxy();
  h = makeHermeticGo({
    GOPROXY: p.base('blackhole'),
    GOSUMDB: p.sumdb.gosumdb(),
    GONOSUMDB: undefined,
    GOPRIVATE: 'git.corp.invalid',
  });
  // go fetches git.corp.invalid/team/lib.git with `git ls-remote https://git.corp.invalid/team/lib.git`; this rewrite
  // (in the hermetic HOME) sends git to the blackhole instead, so a real git child hangs under go.
  writeFileSync(
    join(h.env.HOME!, '.gitconfig'),
    `[url "${p.base('blackhole')}/"]\n\tinsteadOf = https://git.corp.invalid/\n`,
  );
});
afterEach(() => {
  for (const r of runs.splice(0)) killTagged(r.tag);
});
afterAll(async () => {
  await p?.close();
  h?.cleanup();
});

/** Starts gomodctl, waits until a child whose name matches `want` runs, and returns the run. */
async function startAndWait(args: string[], want: RegExp, imports?: string[]): Promise<TaggedRun> {
  const dir = writeModule(h.dir, { name: `m-${Math.random().toString(36).slice(2)}`, imports });
  const env = { ...h.env, GOMODCACHE: join(h.dir, `mc-${Math.random().toString(36).slice(2)}`) };
  const run = spawnTagged(
    args.map((a) => (a === '$DIR' ? dir : a)),
    env,
    { cwd: dir, hardMs: 40_000 },
  );
  runs.push(run);
  const seen = await waitFor(
    () => findTagged(run.tag).some((x) => want.test(x.comm) && (x.comm !== 'go' || / mod tidy/.test(x.cmdline))),
    20_000,
  );
  expect(seen, `no ${want} child appeared: ${JSON.stringify(findTagged(run.tag))}`).toBe(true);
  return run;
}

/** Waits for gomodctl to exit and for its tree to be gone (3 s grace); returns the exit code and the leftovers. */
async function finish(run: TaggedRun): Promise<{ exitCode: number | undefined; left: string[] }> {
  // gomodctl must exit soon after the signal or the timeout; a hang is a failure of its own, reported quickly.
  const exited = await Promise.race([
    run.child.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), 10_000)),
  ]);
  expect(
    exited,
    `gomodctl did not exit within 10 s; still running: ${JSON.stringify(findTagged(run.tag).map((x) => x.comm))}`,
  ).toBe(true);
  const r = await run.child;
  await waitFor(() => findTagged(run.tag).length === 0, 3000);
  // Killed by SIGINT itself is what a shell reports as 130 too.
  return {
    exitCode: r.signal === 'SIGINT' ? 130 : r.exitCode,
    left: findTagged(run.tag).map((x) => `${x.pid} ${x.comm} (${x.state})`),
  };
}

const tidyArgs = (extra: string[]) => ['tidy', '--explain', '--go', TEST_GO, '-C', '$DIR', ...extra];
const GIT = ['git.corp.invalid/team/lib.git'];

describe('tidy leaves no go or git process behind', () => {
  // SIGHUP: the terminal closed or SSH dropped; go runs in its own process group and would never get it itself.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const) {
    it(`${signal} while go waits on a proxy that never answers`, async () => {
      const run = await startAndWait(tidyArgs(['--stall', '30s']), /^go$/);
      process.kill(run.pid, signal);
      const { exitCode, left } = await finish(run);
      expect(left).toEqual([]);
      expect(exitCode).toBe(130);
    });
  }

  it('SIGINT while go waits on a git child that never gets an answer', async () => {
    const run = await startAndWait(tidyArgs(['--stall', '30s']), /^git/, GIT);
    process.kill(run.pid, 'SIGINT');
    const { exitCode, left } = await finish(run);
    expect(left).toEqual([]);
    expect(exitCode).toBe(130);
  });

  it('--timeout with a hanging git child', async () => {
    const run = await startAndWait(tidyArgs(['--stall', '1s', '--timeout', '3s']), /^git/, GIT);
    const { exitCode, left } = await finish(run);
    expect(left).toEqual([]);
    expect(exitCode).toBe(3);
  });

  it('a stall: the watchdog fires and probes, then --timeout ends it', async () => {
    const run = await startAndWait(tidyArgs(['--stall', '500ms', '--timeout', '3s', '--json']), /^go$/);
    const { exitCode, left } = await finish(run);
    expect(left).toEqual([]);
    expect(exitCode).toBe(3);
    expect(JSON.parse(String((await run.child).stdout)).problems[0]).toMatchObject({ cause: 'timeout' });
  });

  it('a stall, then Ctrl-C while the diagnosis is shown', async () => {
    const run = await startAndWait(tidyArgs(['--stall', '500ms']), /^go$/);
    await new Promise((r) => setTimeout(r, 1500));
    process.kill(run.pid, 'SIGINT');
    const { exitCode, left } = await finish(run);
    expect(left).toEqual([]);
    expect(exitCode).toBe(130);
  });
});

describe('doctor leaves nothing behind', () => {
  it('SIGINT while probes wait on a proxy that never answers', async () => {
    const dir = writeModule(h.dir, { name: 'doc' });
    p.clearLog();
    const run = spawnTagged(
      ['doctor', '--timeout', '10s', '--module', 'example.com/hello@v1.1.0', '--go', TEST_GO],
      h.env,
      { cwd: dir, hardMs: 30_000 },
    );
    runs.push(run);
    expect(await waitFor(() => p.log.some((e) => e.mode === 'blackhole'), 10_000)).toBe(true);
    process.kill(run.pid, 'SIGINT');
    const { exitCode, left } = await finish(run);
    expect(left).toEqual([]);
    expect(exitCode).toBe(130);
  });

  it('SIGINT right after start (while config is loaded): nothing left, reported as 130', async () => {
    const run = spawnTagged(['doctor', '--timeout', '10s', '--go', TEST_GO], h.env, { cwd: h.dir, hardMs: 30_000 });
    runs.push(run);
    await waitFor(() => findTagged(run.tag).some((x) => x.comm === 'go'), 1500);
    process.kill(run.pid, 'SIGINT');
    const { exitCode, left } = await finish(run);
    expect(left).toEqual([]);
    expect(exitCode).toBe(130);
  });
});
