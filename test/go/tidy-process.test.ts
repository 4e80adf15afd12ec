// The edge that runs go: a binary that cannot be started resolves `notStarted` (app/tidy.ts turns it into "Go was not
// found"), never a rejection; stderr comes line by line with the exit code; killTree ends go's whole process group.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTidyProcess } from '../../src/go/tidy-process.js';

const dir = () => mkdtempSync(join(tmpdir(), 'gomodctl-tidyproc-'));

describe.skipIf(process.platform !== 'linux')('startTidyProcess', () => {
  it('a go that cannot be started: done resolves notStarted (no rejection, no line)', async () => {
    const d = dir();
    const lines: string[] = [];
    const p = startTidyProcess({
      go: join(d, 'no-such-go'),
      args: ['mod', 'tidy'],
      cwd: d,
      env: {},
      onLine: (l) => lines.push(l),
    });
    await expect(p.done).resolves.toEqual({ exitCode: null, notStarted: true });
    expect(lines).toEqual([]);
  });

  it("stderr line by line (a last line without newline too), then go's exit code", async () => {
    const d = dir();
    const go = join(d, 'go');
    writeFileSync(go, '#!/bin/sh\nprintf "go: finding module\\n# get x\\nlast" >&2\nexit 1\n');
    chmodSync(go, 0o755);
    const lines: string[] = [];
    const p = startTidyProcess({
      go,
      args: [],
      cwd: d,
      env: { PATH: process.env.PATH ?? '' },
      onLine: (l) => lines.push(l),
      stdoutToStderr: true,
    });
    await expect(p.done).resolves.toEqual({ exitCode: 1 });
    expect(lines).toEqual(['go: finding module', '# get x', 'last']);
  });

  it('killTree ends go and what it started (its process group): done says killed', async () => {
    const d = dir();
    const go = join(d, 'go');
    const pidFile = join(d, 'child.pid');
    writeFileSync(go, `#!/bin/sh\nsleep 30 &\necho $! > ${pidFile}\necho started >&2\nwait\n`);
    chmodSync(go, 0o755);
    let started!: () => void;
    const up = new Promise<void>((r) => (started = r));
    const p = startTidyProcess({
      go,
      args: [],
      cwd: d,
      env: { PATH: process.env.PATH ?? '' },
      onLine: () => started(),
      stdoutToStderr: true,
    });
    await up;
    await p.killTree();
    await expect(p.done).resolves.toMatchObject({ exitCode: null, signal: 'SIGKILL' });
    const { readFileSync } = await import('node:fs');
    const child = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
    // The grandchild is gone too (or a zombie nobody reaped yet: a container's pid 1 may not).
    let state = 'gone';
    try {
      state = readFileSync(`/proc/${child}/stat`, 'utf8').replace(/^.*\) /, '')[0]!;
    } catch {
      // gone
    }
    expect(['gone', 'Z']).toContain(state);
  });
});
