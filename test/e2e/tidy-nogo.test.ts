// tidy without a usable go: a clear sentence on stderr, exit 1, and still one JSON document for CI.
import { expect, it } from 'vitest';
import { makeHermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

it('go not found: exit 1, JSON document on stdout, the fix on stderr', async () => {
  const h = makeHermeticGo();
  try {
    const r = await runCli(['tidy', '--explain', '--json', '--go', '/nonexistent/go'], { env: h.env, cwd: h.dir });
    expect(r.exitCode).toBe(1);
    const doc = JSON.parse(r.stdout) as { command: string; outcome: string; problems: Array<{ cause: string }> };
    expect(doc).toMatchObject({ command: 'tidy', outcome: 'failed', problems: [{ cause: 'config' }] });
    expect(r.stderr).toContain('Go was not found');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  } finally {
    h.cleanup();
  }
});
