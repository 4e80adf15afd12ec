// Guard: a module path matching GOPRIVATE/GONOPROXY is never sent to a proxy or checksum database — neither by go
// nor by gomodctl's own probes. The fault proxy (serving both the proxy and the sumdb) logs every request it gets.
// Private paths live under .invalid so that go's direct fetches for them cannot leave the machine.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';
import { parseModes } from '../helpers/proxy/modes.js';
import { matchPrefixPatterns } from '../../src/core/patterns.js';
import { writeModule } from './support.js';

const PRIVATE = ['git.corp.invalid/team/lib', 'private.invalid/team/svc', 'gitlab.corp.invalid/group/tool'];

// Two ways to make all three private. An explicit GONOPROXY/GONOSUMDB replaces GOPRIVATE for that step instead of
// adding to it (cmd/go/internal/cfg/cfg.go envOr), so each configuration names every path for both steps.
const CONFIGS: Array<{ name: string; env: NodeJS.ProcessEnv; noProxy: string; noSumdb: string }> = [
  {
    name: 'GOPRIVATE',
    env: { GOPRIVATE: 'git.corp.invalid,private.invalid/team,gitlab.corp.invalid' },
    noProxy: 'git.corp.invalid,private.invalid/team,gitlab.corp.invalid',
    noSumdb: 'git.corp.invalid,private.invalid/team,gitlab.corp.invalid',
  },
  {
    name: 'GONOPROXY+GONOSUMDB',
    env: { GONOPROXY: '*.corp.invalid,private.invalid', GONOSUMDB: '*.corp.invalid,private.invalid' },
    noProxy: '*.corp.invalid,private.invalid',
    noSumdb: '*.corp.invalid,private.invalid',
  },
];

let p: FaultProxy;
let h: HermeticGo;
let cfg = CONFIGS[0]!;
beforeAll(async () => {
  p = await startFaultProxy();
});
afterAll(async () => {
  await p?.close();
});
beforeEach(() => p.clearLog());

/** The module path a proxy or checksum-database request names (after any fault prefix), or undefined. */
function requestedModule(url: string): string | undefined {
  const { rest } = parseModes(decodeURIComponent(url.split('?')[0]!));
  const m = /\/lookup\/([^@]+)@/.exec(rest) ?? /^([^@]+?)\/@(?:v\/|latest)/.exec(rest);
  return m?.[1];
}

/** Requests in the proxy log naming a path that Go's prefix-pattern rule makes private for that step. */
function privateRequests(): string[] {
  return p.log
    .filter((e) => {
      const globs = e.kind === 'sumdb' ? cfg.noSumdb : cfg.noProxy;
      return [e.module, requestedModule(e.url)].some((m) => m !== undefined && matchPrefixPatterns(globs, m));
    })
    .map((e) => `${e.method} ${e.url}`);
}

async function run(args: string[], cwd = h.dir, extra: NodeJS.ProcessEnv = {}) {
  return runCli(['--no-color', ...args], { env: { ...h.env, ...extra }, cwd, timeoutMs: 40_000 });
}

/** go.mod requiring a public module and three private ones. */
function goModDir(): string {
  const req = ['example.com/hello v1.1.0', ...PRIVATE.map((m) => `${m} v1.0.0`)].map((l) => `\t${l}`).join('\n');
  const dir = writeModule(h.dir, {
    name: `deps-${Math.random().toString(36).slice(2)}`,
    goMod: `module example.com/m\n\ngo 1.18\n\nrequire (\n${req}\n)\n`,
  });
  return dir;
}

describe.each(CONFIGS)('private module paths never reach the proxy or the checksum database ($name)', (c) => {
  beforeAll(() => {
    cfg = c;
    h = makeHermeticGo({ GOPROXY: p.url, GOSUMDB: p.sumdb.gosumdb(), GONOSUMDB: undefined, ...c.env });
  });
  afterAll(() => h?.cleanup());

  it('the log check itself sees private paths (self-test)', () => {
    expect(requestedModule('/blackhole/git.corp.invalid/team/lib/@v/list')).toBe('git.corp.invalid/team/lib');
    expect(requestedModule('/sumdb/sum.x/lookup/private.invalid/team/svc@v1.0.0')).toBe('private.invalid/team/svc');
    expect(matchPrefixPatterns(c.noProxy, 'gitlab.corp.invalid/group/tool')).toBe(true);
    expect(matchPrefixPatterns(c.noProxy, 'example.com/hello')).toBe(false);
    // With GOPRIVATE=private.invalid/team the bare host "private.invalid" is not private: go itself asks the proxy for
    // it while looking up the module of private.invalid/team/svc, so only pattern matches count as leaks.
  });

  for (const mod of PRIVATE) {
    it(`doctor --module ${mod}`, async () => {
      const before = p.log.length;
      const r = await run(['doctor', '--json', '--timeout', '1s', '--module', `${mod}@v1.0.0`, '--go', TEST_GO]);
      expect(r.stdout).toMatch(/"schemaVersion"/);
      expect(p.log.length, 'doctor probed the proxy (with the public default canary)').toBeGreaterThan(before);
      expect(privateRequests()).toEqual([]);
    });
  }

  it('doctor --deps with a go.mod requiring private modules (and the public one is probed)', async () => {
    const r = await run(['doctor', '--json', '--deps', '--timeout', '1s', '--go', TEST_GO], goModDir());
    expect(r.stdout).toMatch(/"schemaVersion"/);
    expect(
      p.log.some((e) => e.module === 'example.com/hello'),
      'the public requirement was probed',
    ).toBe(true);
    expect(privateRequests()).toEqual([]);
  });

  it('route of private and public modules (route makes no request at all)', async () => {
    const r = await run(['route', '--json', ...PRIVATE, 'example.com/hello@v1.1.0', '--go', TEST_GO]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(p.log).toEqual([]);
  });

  it('init --yes writing GOPROXY/GOPRIVATE makes no request at all', async () => {
    const hi = makeHermeticGo({ GOPROXY: undefined, GOSUMDB: undefined, GONOSUMDB: undefined });
    try {
      const before = p.log.length;
      const r = await runCli(
        ['init', '--yes', '--proxy', p.url, '--private', CONFIGS[0]!.env.GOPRIVATE!, '--go', TEST_GO],
        { env: hi.env, cwd: goModDir(), timeoutMs: 30_000 },
      );
      expect(r.exitCode, r.stderr).toBe(0);
      expect(p.log.length).toBe(before);
    } finally {
      hi.cleanup();
    }
  });

  it('tidy --explain with a module importing private paths (go fails direct; the watchdog probes)', async () => {
    const dir = writeModule(h.dir, {
      name: `tidy-${Math.random().toString(36).slice(2)}`,
      imports: ['example.com/hello', PRIVATE[0]!, PRIVATE[1]!],
    });
    const n = Math.random().toString(36).slice(2);
    const before = p.log.length;
    const r = await run(
      ['tidy', '--explain', '--json', '--stall', '1s', '--timeout', '8s', '--go', TEST_GO, '-C', dir],
      dir,
      { GOMODCACHE: join(h.dir, `mc-${n}`) },
    );
    expect(r.stdout).toMatch(/"command": "tidy"/);
    expect(p.log.length, 'go fetched the public module through the proxy').toBeGreaterThan(before);
    expect(privateRequests()).toEqual([]);
  });

  it('tidy --explain stalled on the public module while private ones are pending', async () => {
    const dir = writeModule(h.dir, {
      name: `tidy-${Math.random().toString(36).slice(2)}`,
      imports: ['example.com/hello', PRIVATE[2]!],
    });
    writeFileSync(join(dir, 'go.sum'), '');
    const env = { GOPROXY: p.base('blackhole'), GOMODCACHE: join(h.dir, `mc-${Math.random().toString(36).slice(2)}`) };
    const before = p.log.length;
    const r = await run(
      ['tidy', '--explain', '--json', '--stall', '1s', '--timeout', '4s', '--go', TEST_GO, '-C', dir],
      dir,
      env,
    );
    expect(r.stdout).toMatch(/"command": "tidy"/);
    expect(p.log.length, 'go and the watchdog asked the (blackholed) proxy').toBeGreaterThan(before);
    expect(privateRequests()).toEqual([]);
  });
});
