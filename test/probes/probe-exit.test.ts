// Probes clean up after themselves: a process that ran 20 timed-out probes (sockets blackholed by the peer)
// exits on its own, without process.exit — no timer, socket or undici client is left behind.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execa } from 'execa';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/run-cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';

let p: FaultProxy;
beforeAll(async () => {
  p = await startFaultProxy();
});
afterAll(() => p?.close());

it('the process exits by itself right after 20 blackholed probes time out', async () => {
  const mod = pathToFileURL(join(ROOT, 'dist', 'probes', 'http-probe.js')).href;
  const script = `
    const { probeUrl } = await import(${JSON.stringify(mod)});
    const url = ${JSON.stringify(p.base('blackhole') + '/example.com/hello/@v/list')};
    const rs = await Promise.all(Array.from({ length: 20 }, () => probeUrl(url, { timeoutMs: 300, env: {} })));
    console.log(JSON.stringify(rs.map((r) => r.cause + '/' + r.phase)));
  `;
  const start = performance.now();
  const r = await execa(process.execPath, ['--input-type=module', '-e', script], { timeout: 5000, reject: false });
  const elapsed = performance.now() - start;
  expect(r.exitCode, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual(Array(20).fill('timeout/first-byte'));
  expect(elapsed).toBeLessThan(3000); // node start + one 300 ms timeout; a leaked socket would hold it until killed
});

it('a probe stopped before its lookup answered leaves no unhandled rejection (the process does not crash)', async () => {
  // The fix search of a tidy run is closed (Ctrl-C, --timeout) while a blocked lookup is about to fail: the race on an
  // aborted state must still handle that lookup's rejection, or node ends the process with it (exit 1).
  const mod = pathToFileURL(join(ROOT, 'dist', 'probes', 'probe-deadline.js')).href;
  const script = `
    const { ProbeState } = await import(${JSON.stringify(mod)});
    const state = new ProbeState(1000, AbortSignal.abort());
    const lookup = Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND example.com'), { code: 'ENOTFOUND' }));
    const r = await state.race(lookup).then(() => 'resolved', (e) => e.constructor.name);
    await new Promise((ok) => setTimeout(ok, 50));
    console.log(r);
  `;
  const r = await execa(process.execPath, ['--input-type=module', '-e', script], { timeout: 5000, reject: false });
  expect(r.exitCode, r.stderr).toBe(0);
  expect(r.stdout).toBe('DeadlineExceeded');
});
