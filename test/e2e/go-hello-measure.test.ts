// Re-measures the ClientHello of the go under test (every GODEBUG variant the capture uses) and compares it with
// what our engine builds for that version: a new Go release that changes its hello fails here, and is then
// captured (test/fixtures/tls-hello/capture.test.ts) and added to src/core/tls/go-hello-table.ts.
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { godebugFatalError } from '../../src/core/godebug.js';
import { GO_HELLO_TABLE } from '../../src/core/tls/go-hello-table.js';
import { CAPTURE_GODEBUGS, engineHello } from '../helpers/go-hello.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { measureGoHello } from '../helpers/measure-hello.js';

describe(`the ClientHello of ${TEST_GO} is the one the engine builds`, () => {
  it('every GODEBUG variant, with and without SNI', async () => {
    const h = makeHermeticGo();
    const version = (await execa(TEST_GO, ['env', 'GOVERSION'], { env: h.env, extendEnv: false })).stdout.trim();
    h.cleanup();
    const row = GO_HELLO_TABLE.find((r) => r.go.replace(/\.\d+$/, '') === version.replace(/\.\d+$/, ''));
    expect(row, `${version} is not in GO_HELLO_TABLE: capture it and add a row`).toBeDefined();
    for (const godebug of CAPTURE_GODEBUGS.filter((d) => !godebugFatalError(d, version))) {
      for (const host of godebug === '' ? ['127.0.0.1', 'localhost'] : ['127.0.0.1']) {
        const m = await measureGoHello(TEST_GO, { godebug: godebug || undefined, host });
        expect(m.exitCode, m.output).toBe(0);
        expect([godebug, host, m.hello]).toEqual([godebug, host, engineHello(version, godebug, host)]);
        // …and the sizes the table records for this release.
        const bytes = godebug === '' ? row?.bytes : row?.godebug[godebug];
        if (host === '127.0.0.1' && bytes !== undefined)
          expect([godebug, m.hello.recordBytes]).toEqual([godebug, bytes]);
      }
    }
  }, 120_000);
});
