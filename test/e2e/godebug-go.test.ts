// Differential: what the real go does with GODEBUG — it cannot be written with `go env -w` (so the fix is an
// export), and Go ≥ 1.27 stops at start-up on a removed setting set to its old value, exactly when
// godebugFatalError says so.
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { godebugFatalError } from '../../src/core/godebug.js';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';

async function go(args: string[], extra: NodeJS.ProcessEnv = {}) {
  const h = makeHermeticGo(extra);
  try {
    return await execa(TEST_GO, args, { env: h.env, extendEnv: false, cwd: h.dir, reject: false, timeout: 20_000 });
  } finally {
    h.cleanup();
  }
}

describe(`GODEBUG with ${TEST_GO}`, () => {
  it('go env -w GODEBUG=… is refused', async () => {
    const r = await go(['env', '-w', 'GODEBUG=tlsmlkem=0']);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/GODEBUG can only be set using the OS environment|unknown go command variable GODEBUG/);
  });

  it.each(['tlskyber=0', 'tlsrsakex=1', 'tlsmlkem=0,tls3des=1', 'tlskyber=1', 'tlsmlkem=0', 'x509sha1=1'])(
    'GODEBUG=%s: go starts exactly when godebugFatalError finds nothing',
    async (godebug) => {
      const version = (await go(['env', 'GOVERSION'])).stdout.trim();
      const r = await go(['version'], { GODEBUG: godebug });
      const fatal = godebugFatalError(godebug, version);
      if (fatal) {
        expect(r.exitCode).not.toBe(0);
        expect(r.stderr).toContain(`fatal error: ${fatal}`);
      } else expect(r).toMatchObject({ exitCode: 0 });
    },
  );
});
