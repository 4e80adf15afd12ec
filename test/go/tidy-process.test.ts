// The edge that runs go, with the real go: a binary that cannot be started resolves `notStarted` (app/tidy.ts turns it
// into "Go was not found"), never a rejection; go's stderr comes line by line with its exit code, through an unlinked
// temp file (no pipe: one wake-up per line cost a cold tidy 80 ms of CPU), or through a pipe where no temp file can be
// made; killTree ends a go that hangs on a silent proxy (grandchildren, git under go, are checked end to end:
// test/e2e/tidy.test.ts git-hang).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readlinkSync } from 'node:fs';
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

  describe('go writes its stderr to a temp file that no one else can see', () => {
    const savedTmp = process.env.TMPDIR;
    afterEach(() => {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    });

    it.skipIf(process.platform !== 'linux')(
      "go's fd 2 is a deleted regular file in TMPDIR; its lines come while go still runs; nothing is left",
      async () => {
        const h = makeHermeticGo();
        const s = await prepare(SCENARIOS.find((x) => x.name === 'blackhole')!, h.dir, 0);
        cleanups.push(
          () => s.proxy.close(),
          () => h.cleanup(),
        );
        const tmp = join(h.dir, 'tmp');
        mkdirSync(tmp);
        process.env.TMPDIR = tmp;
        let started!: () => void;
        const waiting = new Promise<void>((r) => (started = r));
        const p = startTidyProcess({
          go: TEST_GO,
          args: ['mod', 'tidy', '-v'],
          cwd: s.dir,
          env: { ...h.env, ...s.env },
          onLine: (l) => void (l.includes('finding module for package') && started()),
        });
        await waiting; // go waits on the silent proxy: this line was read while go runs
        const fd2 = readlinkSync(`/proc/${p.pid}/fd/2`);
        expect(fd2).toMatch(new RegExp(`^${tmp}/gomodctl-go-\\d+-[a-z0-9]+\\.stderr \\(deleted\\)$`));
        expect(readdirSync(tmp)).toEqual([]);
        await p.killTree();
        await expect(p.done).resolves.toEqual({ exitCode: null, signal: 'SIGKILL' });
        expect(readdirSync(tmp)).toEqual([]);
      },
    );

    it('a TMPDIR that cannot be written: the same lines through a pipe', async () => {
      const h = makeHermeticGo();
      cleanups.push(() => h.cleanup());
      const dir = join(h.dir, 'empty');
      mkdirSync(dir);
      const run = async () => {
        const lines: string[] = [];
        const p = startTidyProcess({
          go: TEST_GO,
          args: ['mod', 'tidy'],
          cwd: dir,
          env: h.env,
          onLine: (l) => lines.push(l),
        });
        return { r: await p.done, lines };
      };
      const viaFile = await run();
      process.env.TMPDIR = join(h.dir, 'no-such-dir');
      const viaPipe = await run();
      expect(existsSync(process.env.TMPDIR)).toBe(false);
      expect(viaPipe).toEqual(viaFile);
      expect(viaFile.r).toEqual({ exitCode: 1 });
      expect(viaFile.lines).toHaveLength(1);
    });
  });
});
