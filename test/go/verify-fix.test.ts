// verifyFixWithGo: the real `go mod download -json` under a fix, in a throw-away GOENV/GOMODCACHE, bounded, with
// the process tree killed at the bound; the user's module cache and GOENV file are never touched.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyFixWithGo } from '../../src/go/verify-fix.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';

let p: FaultProxy;
beforeAll(async () => {
  p = await startFaultProxy();
});
afterAll(() => p?.close());

describe('verifyFixWithGo', () => {
  it('downloads through the GOENV text of the fix; a zip that never comes is killed at the bound', async () => {
    const h = makeHermeticGo({ GOPROXY: undefined, GOFLAGS: undefined });
    try {
      writeFileSync(h.env.GOENV!, 'GOPROXY=off\n');
      const base = { go: TEST_GO, cwd: h.dir, env: h.env, modules: ['example.com/hello@v1.0.0'] };
      const [ok, stalled, off] = await Promise.all([
        verifyFixWithGo({ ...base, goenvText: `GOPROXY=${p.url}`, timeoutMs: 20_000 }),
        verifyFixWithGo({ ...base, goenvText: `GOPROXY=${p.base('stall-zip')}`, timeoutMs: 1500 }),
        verifyFixWithGo({ ...base, goenvText: 'GOPROXY=off', timeoutMs: 20_000 }),
      ]);
      expect(ok, ok.stderrTail.join('\n')).toMatchObject({ ok: true, exitCode: 0, timedOut: false });
      expect(stalled).toMatchObject({ ok: false, exitCode: null, timedOut: true });
      expect(off).toMatchObject({ ok: false, exitCode: 1, timedOut: false });
      expect(off.stderrTail.join('\n')).toMatch(/module lookup disabled by GOPROXY=off/);
      // Nothing landed in the user's module cache.
      expect(existsSync(h.env.GOMODCACHE!) ? readdirSync(h.env.GOMODCACHE!) : []).toEqual([]);
      expect(existsSync(join(h.env.GOPATH!, 'pkg', 'mod', 'cache'))).toBe(false);
    } finally {
      h.cleanup();
    }
  });
});
