// The edge that runs go, with the real go: a binary that cannot be started resolves `notStarted` (app/tidy.ts turns it
// into "Go was not found"), never a rejection; go's stderr comes line by line with its exit code; killTree ends a go
// that hangs on a silent proxy (grandchildren, git under go, are checked end to end: test/e2e/tidy.test.ts git-hang).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTidyProcess } from '../../src/go/tidy-process.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { SCENARIOS, prepare } from '../fixtures/tidy/scenarios.js';

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.skipIf(process.platform === 'win32')('startTidyProcess', () => {
  it('a go that cannot be started: done resolves notStarted (no rejection, no line)', async () => {
    const h = makeHermeticGo();
    cleanups.push(() => h.cleanup());
    const lines: string[] = [];
    const p = startTidyProcess({
      go: join(h.dir, 'no-such-go'),
      args: ['mod', 'tidy'],
      cwd: h.dir,
      env: h.env,
      onLine: (l) => lines.push(l),
    });
    await expect(p.done).resolves.toEqual({ exitCode: null, notStarted: true });
    expect(lines).toEqual([]);
  });

  it("go's stderr line by line, then its exit code (no go.mod: go mod tidy exits 1)", async () => {
    const h = makeHermeticGo();
    cleanups.push(() => h.cleanup());
    const dir = join(h.dir, 'empty');
    mkdirSync(dir);
    const lines: string[] = [];
    const p = startTidyProcess({
      go: TEST_GO,
      args: ['mod', 'tidy'],
      cwd: dir,
      env: h.env,
      onLine: (l) => lines.push(l),
    });
    await expect(p.done).resolves.toEqual({ exitCode: 1 });
    expect(lines).toEqual([
      "go: go.mod file not found in current directory or any parent directory; see 'go help modules'",
    ]);
  });

  it('killTree ends a go that waits on a proxy that never answers: done says killed', async () => {
    const h = makeHermeticGo();
    const s = await prepare(SCENARIOS.find((x) => x.name === 'blackhole')!, h.dir, 0);
    cleanups.push(
      () => s.proxy.close(),
      () => h.cleanup(),
    );
    let started!: () => void;
    const waiting = new Promise<void>((r) => (started = r));
    const p = startTidyProcess({
      go: TEST_GO,
      args: ['mod', 'tidy', '-v'],
      cwd: s.dir,
      env: { ...h.env, ...s.env },
      onLine: (l) => void (l.includes('finding module for package') && started()),
    });
    await waiting;
    await p.killTree();
    await expect(p.done).resolves.toEqual({ exitCode: null, signal: 'SIGKILL' });
  });
});
