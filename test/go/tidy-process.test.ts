// The edge that runs go, with the real go: a binary that cannot be started resolves `notStarted` (app/tidy.ts turns it
// into "Go was not found"), never a rejection; go's stderr comes line by line with its exit code, through an unlinked
// temp file (no pipe: one wake-up per line cost a cold tidy 80 ms of CPU), or through a pipe where no temp file can be
// made; killTree ends a go that hangs on a silent proxy (grandchildren, git under go, are checked end to end:
// test/e2e/tidy.test.ts git-hang).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { startTidyProcess } from '../../src/go/tidy-process.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { SCENARIOS, prepare } from '../fixtures/tidy/scenarios.js';

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** go waiting on a proxy that never answers, once its first line was read (while go runs); `tmp`: its TMPDIR. */
async function waitingGo(tmp?: string) {
  const h = makeHermeticGo();
  const s = await prepare(SCENARIOS.find((x) => x.name === 'blackhole')!, h.dir, 0);
  cleanups.push(
    () => s.proxy.close(),
    () => h.cleanup(),
  );
  if (tmp) process.env.TMPDIR = tmp; // where gomodctl puts go's stderr (after the hermetic directories are made)
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
  return p;
}

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
    const p = await waitingGo();
    await p.killTree();
    await expect(p.done).resolves.toEqual({ exitCode: null, signal: 'SIGKILL' });
  });

  describe('go writes its stderr to a temp file that no one else can see', () => {
    const savedTmp = process.env.TMPDIR;
    afterEach(() => {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
    });
    /** Our own descriptors that still name one of go's stderr files (none once `done` resolved); Linux: /proc. */
    const openStderrFiles = () =>
      process.platform !== 'linux'
        ? []
        : readdirSync('/proc/self/fd').filter((fd) => {
            try {
              return readlinkSync(`/proc/self/fd/${fd}`).includes('gomodctl-go-');
            } catch {
              return false; // closed while listing
            }
          });

    /** go waiting on a silent proxy with TMPDIR=tmp: its fd 2 and TMPDIR while it waits, then killed. */
    async function fd2OfWaitingGo(tmp: string) {
      const p = await waitingGo(tmp);
      const fd2 = readlinkSync(`/proc/${p.pid}/fd/2`);
      const during = existsSync(tmp) ? readdirSync(tmp) : [];
      await p.killTree();
      const r = await p.done;
      return { fd2, during, r };
    }

    it.skipIf(process.platform !== 'linux')(
      "go's fd 2 is a deleted regular file in TMPDIR, no name left there; an unwritable TMPDIR: a pipe",
      async () => {
        const h = makeHermeticGo();
        cleanups.push(() => h.cleanup());
        const tmp = join(h.dir, 'tmp');
        mkdirSync(tmp);
        const viaFile = await fd2OfWaitingGo(tmp);
        expect(viaFile.fd2.startsWith(`${tmp}/gomodctl-go-`)).toBe(true);
        expect(viaFile.fd2).toMatch(/\/gomodctl-go-\d+-[a-z0-9]+\.stderr \(deleted\)$/);
        expect(viaFile.during).toEqual([]);
        expect(readdirSync(tmp)).toEqual([]);
        expect(viaFile.r).toEqual({ exitCode: null, signal: 'SIGKILL' });
        expect(openStderrFiles()).toEqual([]); // closed once done resolved
        const viaPipe = await fd2OfWaitingGo(join(h.dir, 'no-such-dir'));
        expect(viaPipe.fd2).toMatch(/^(pipe|socket):\[\d+\]$/); // libuv: a socketpair on Linux
        expect(viaPipe.r).toEqual({ exitCode: null, signal: 'SIGKILL' });
      },
    );

    /** Runs node as the writer of stderr (what is tested here is the reading, not go). */
    async function written(script: string, tmp?: string) {
      if (tmp) process.env.TMPDIR = tmp;
      const lines: string[] = [];
      const p = startTidyProcess({
        go: process.execPath,
        args: ['-e', script],
        cwd: process.cwd(),
        env: process.env,
        onLine: (l) => lines.push(l),
      });
      return { r: await p.done, lines, p };
    }

    it('the same lines as through a pipe: 200 KB in one write, a character split across 64 KB reads, a BOM, CRLF, a last line without newline', async () => {
      const h = makeHermeticGo();
      cleanups.push(() => h.cleanup());
      // "\ufeffBOM line\n" is 12 bytes, then a's to byte 65533: 中 (3 bytes) spans the end of the first 64 KB read
      const script = `const w = (s) => require('fs').writeSync(2, s);
          w('\\ufeffBOM line\\n' + 'a'.repeat(65535 - 13) + '中文\\n');
          w(Array.from({ length: 4000 }, (_, i) => 'line ' + i + ' ' + 'x'.repeat(40)).join('\\n') + '\\n');
          w('crlf\\r\\nlast without newline');`;
      const viaFile = await written(script);
      const viaPipe = await written(script, join(h.dir, 'no-such-dir'));
      expect(viaFile.r).toEqual({ exitCode: 0 });
      expect(viaFile.lines).toEqual(viaPipe.lines);
      expect(viaFile.lines[0]).toBe('\ufeffBOM line');
      expect(viaFile.lines[1]!.endsWith('a中文')).toBe(true);
      expect(viaFile.lines).toHaveLength(2 + 4000 + 2);
      expect(viaFile.lines.slice(-2)).toEqual(['crlf', 'last without newline']);
      expect(openStderrFiles()).toEqual([]);
    });

    it('readNow hands over what was written at once, without waiting for the next read', async () => {
      const h = makeHermeticGo();
      cleanups.push(() => h.cleanup());
      const marker = join(h.dir, 'written');
      const lines: string[] = [];
      const p = startTidyProcess({
        go: process.execPath,
        args: [
          '-e',
          `require('fs').writeSync(2, 'one\\n'); require('fs').writeFileSync(${JSON.stringify(marker)}, ''); setTimeout(() => {}, 3000);`,
        ],
        cwd: h.dir,
        env: process.env,
        onLine: (l) => lines.push(l),
      });
      // Waits without giving the event loop a turn: no timer of ours can have read the file meanwhile.
      const nap = new Int32Array(new SharedArrayBuffer(4));
      for (let i = 0; i < 5000 && !existsSync(marker); i++) Atomics.wait(nap, 0, 0, 2);
      expect(existsSync(marker)).toBe(true);
      expect(lines).toEqual([]);
      p.readNow();
      expect(lines).toEqual(['one']);
      await p.killTree();
      await p.done;
    });

    it.skipIf(process.platform !== 'linux')(
      'what go leaves running in its process group is killed when go exits; done does not wait for it',
      async () => {
        const started = performance.now();
        const { r, lines } = await written(
          `const c = require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'inherit' }); c.unref(); require('fs').writeSync(2, 'child ' + c.pid + '\\n');`,
        );
        expect(r).toEqual({ exitCode: 0 });
        expect(performance.now() - started).toBeLessThan(20_000); // the child sleeps 30 s
        const pid = Number(lines[0]!.split(' ')[1]);
        // Killed: gone, or a zombie until whoever adopted it reaps it (State Z in /proc/PID/status).
        const state = () => {
          try {
            return /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
          } catch {
            return 'gone';
          }
        };
        for (let i = 0; i < 50 && !['gone', 'Z', 'X'].includes(state() ?? ''); i++)
          await new Promise((res) => setTimeout(res, 20));
        expect(['gone', 'Z', 'X']).toContain(state());
      },
    );
  });
});
