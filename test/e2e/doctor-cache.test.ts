// Doctor reads the module cache Go uses: after the real `go mod tidy` filled it, doctor's prediction and its go.mod
// prefetch ask the proxy for nothing that is cached (they once read GOMODCACHE from the wrong place and fetched every
// requirement's go.mod again), and the verdict agrees with a second real `go mod tidy`.
import { execa } from 'execa';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

let p: FaultProxy;
beforeAll(async () => {
  p = await startFaultProxy();
});
afterAll(() => p?.close());

it('a filled cache: no .mod or .zip request for a cached requirement, exit 0 as go mod tidy', async () => {
  const h = makeHermeticGo({ GOPROXY: p.url, GOSUMDB: 'off', GOFLAGS: '-modcacherw' });
  try {
    writeFileSync(join(h.dir, 'go.mod'), 'module example.com/proj\n\ngo 1.18\n\nrequire example.com/hello v1.0.0\n');
    writeFileSync(join(h.dir, 'main.go'), 'package main\n\nimport _ "example.com/hello"\n\nfunc main() {}\n');
    const first = await execa(TEST_GO, ['mod', 'tidy'], { cwd: h.dir, env: h.env, extendEnv: false, timeout: 30_000 });
    expect(first.exitCode).toBe(0);
    p.clearLog();
    const r = await runCli(['doctor', '--json', '--timeout', '2s'], { env: h.env, cwd: h.dir, timeoutMs: 30_000 });
    const cached = p.log.filter((e) => e.module === 'example.com/hello' && /\.(mod|zip)$/.test(e.url));
    expect(cached, JSON.stringify(p.log.map((e) => e.url))).toEqual([]);
    const again = await execa(TEST_GO, ['mod', 'tidy'], {
      cwd: h.dir,
      env: h.env,
      extendEnv: false,
      timeout: 30_000,
      reject: false,
    });
    expect(again.exitCode).toBe(0);
    expect(r.exitCode, r.stderr).toBe(0);
  } finally {
    h.cleanup();
  }
}, 60_000);
