// The verdict engine over a table of answers (the RouteProbe is injected: core is pure): TryProxies' fall-through
// (modfetch/proxy.go: `,` only after 404/410, `|` after any error, a wait without a bound never moves on), off,
// direct (vcs.go: ?go-get=1 meta tags, git ls-remote), the sumdb base (sumdb.go initBase), leaks predicted without a
// probe, and one probe per dead endpoint.
import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../src/core/config-model.js';
import type { Need } from '../../../src/core/needs/types.js';
import type { ProbeResult } from '../../../src/core/probe-types.js';
import { evaluateVerdict } from '../../../src/core/verdict/evaluate.js';
import type { RouteProbe } from '../../../src/core/verdict/types.js';

const model = (env: Record<string, string>) =>
  buildConfigModel({ env, goenvPath: null, goenvText: null, gorootEnvText: null, goVersion: 'go1.26.0' });

/** What a Go proxy answers for the URL (go help goproxy): the engine reads the body Go parses. */
function okBody(url: string): string {
  if (url.endsWith('.mod')) return 'module example.com/m\n';
  if (url.endsWith('.info')) return '{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}';
  if (url.includes('/lookup/')) return '1\nexample.com/m v1.0.0 h1:x=\n\ngo.sum database tree\n';
  return '';
}

type Kind = 'ok' | 404 | 410 | 500 | 403 | 'hang' | 'tls-timeout' | 'refused';

function result(url: string, k: Kind): ProbeResult {
  const timings = { totalMs: 1 };
  if (k === 'ok') return { url, ok: true, status: 200, timings, body: okBody(url) };
  if (typeof k === 'number') return { url, ok: false, status: k, cause: 'http-status', timings };
  if (k === 'hang') return { url, ok: false, cause: 'timeout', phase: 'first-byte', go: { limitMs: null }, timings };
  if (k === 'tls-timeout') return { url, ok: false, cause: 'timeout', phase: 'tls', go: { limitMs: 10_000 }, timings };
  return { url, ok: false, cause: 'refused', phase: 'connect', message: `connect ${url}: refused`, timings };
}

/** A RouteProbe answering by URL prefix (first match), counting requests. */
function table(rules: Array<[string, Kind]>, git?: Record<string, boolean>) {
  const asked: string[] = [];
  const answer = (url: string): ProbeResult => {
    asked.push(url);
    const hit = rules.find(([prefix]) => url.startsWith(prefix));
    return result(url, hit ? hit[1] : 404);
  };
  const probe: RouteProbe = { get: async (u) => answer(u) };
  if (git) probe.gitLsRemote = async (repo) => ({ ok: git[repo] ?? false, message: 'fatal: not found' });
  return { probe, asked };
}

const need = (module: string, what: Need['what'] = 'mod'): Need => ({
  module,
  version: 'v1.0.0',
  what,
  why: 'require',
  certainty: 'sure',
});

const A = 'https://a.example';
const B = 'https://b.example';
const NO_SUMDB = { GOSUMDB: 'off' };

async function verdict(env: Record<string, string>, rules: Array<[string, Kind]>, needs = [need('example.com/m')]) {
  const t = table(rules);
  const v = await evaluateVerdict({
    model: model({ ...NO_SUMDB, ...env }),
    env,
    needs,
    goVersion: '1.26.0',
    probe: t.probe,
  });
  return { v, asked: t.asked, o: v.outcomes[0]! };
}

describe('evaluateVerdict: the GOPROXY walk (proxy.go TryProxies)', () => {
  const cases: Array<[string, string, Array<[string, Kind]>, string]> = [
    ['404 on the only entry fails', A, [[A, 404]], 'fail'],
    [
      '404 then a good entry, ","',
      `${A},${B}`,
      [
        [A, 404],
        [B, 'ok'],
      ],
      'ok',
    ],
    [
      '410 falls through like 404',
      `${A},${B}`,
      [
        [A, 410],
        [B, 'ok'],
      ],
      'ok',
    ],
    [
      '500 with "," stops',
      `${A},${B}`,
      [
        [A, 500],
        [B, 'ok'],
      ],
      'fail',
    ],
    [
      '500 with "|" falls through',
      `${A}|${B}`,
      [
        [A, 500],
        [B, 'ok'],
      ],
      'ok',
    ],
    [
      '403 with "|" falls through',
      `${A}|${B}`,
      [
        [A, 403],
        [B, 'ok'],
      ],
      'ok',
    ],
    [
      'a refused first entry with "|" falls through',
      `${A}|${B}`,
      [
        [A, 'refused'],
        [B, 'ok'],
      ],
      'ok',
    ],
    [
      'a TLS stall is an error after 10 s: "|" falls through',
      `${A}|${B}`,
      [
        [A, 'tls-timeout'],
        [B, 'ok'],
      ],
      'ok',
    ],
    [
      'no answer at all is a hang, even with "|"',
      `${A}|${B}`,
      [
        [A, 'hang'],
        [B, 'ok'],
      ],
      'hang',
    ],
    ['off fails', 'off', [], 'fail'],
    ['404 then off fails with off', `${A},off`, [[A, 404]], 'fail'],
  ];
  for (const [name, goproxy, rules, want] of cases) {
    it(name, async () => {
      const { o, v } = await verdict({ GOPROXY: goproxy }, rules);
      expect(o.outcome).toBe(want);
      expect(v.willFail).toBe(want !== 'ok');
    });
  }

  it('a 200 that is not a Go answer (a gateway page) fails as Go fails parsing it', async () => {
    const probe: RouteProbe = {
      get: async (u) => ({ ...result(u, 'ok'), body: '<html><head><title>Sign in</title></head></html>' }),
    };
    const env = { GOPROXY: A, ...NO_SUMDB };
    const v = await evaluateVerdict({
      model: model(env),
      env,
      needs: [need('example.com/m')],
      goVersion: '1.26.0',
      probe,
    });
    expect(v.outcomes[0]!.outcome).toBe('fail');
    expect(v.outcomes[0]!.cause).toBe('bad-response');
  });

  it('off names Go words', async () => {
    const { o } = await verdict({ GOPROXY: 'off' }, []);
    expect(o.message).toBe('module lookup disabled by GOPROXY=off');
    expect(o.entry).toBe('off');
  });

  it('a dead endpoint answers for every module behind it: one probe', async () => {
    const needs = Array.from({ length: 40 }, (_, i) => need(`example.com/m${i}`));
    const { v, asked } = await verdict({ GOPROXY: A }, [[A, 'refused']], needs);
    expect(asked).toHaveLength(1);
    expect(v.failures).toHaveLength(40);
    expect(v.probed).toEqual(['a.example']);
  });
});

describe('evaluateVerdict: direct (vcs.go RepoRootForImportPath)', () => {
  it('a known host goes to git ls-remote, no ?go-get=1 request', async () => {
    const t = table([], { 'https://github.com/x/y': true });
    const env = { GOPROXY: 'direct', ...NO_SUMDB };
    const v = await evaluateVerdict({
      model: model(env),
      env,
      needs: [need('github.com/x/y')],
      goVersion: '1.26.0',
      probe: t.probe,
    });
    expect(v.outcomes[0]!.outcome).toBe('ok');
    expect(t.asked).toEqual([]);
  });

  it('an unknown host: the ?go-get=1 page, its meta tag, then git', async () => {
    const page =
      '<html><head><meta name="go-import" content="corp.example/x git https://git.corp.example/x"></head></html>';
    const probe: RouteProbe = {
      get: async (u) => ({ ...result(u, 'ok'), body: page }),
      gitLsRemote: async (repo) => ({ ok: repo === 'https://git.corp.example/x' }),
    };
    const env = { GOPROXY: 'direct', ...NO_SUMDB };
    const v = await evaluateVerdict({
      model: model(env),
      env,
      needs: [need('corp.example/x')],
      goVersion: '1.26.0',
      probe,
    });
    expect(v.outcomes[0]!.outcome).toBe('ok');
  });

  it('a host that does not resolve fails with the meta fetch', async () => {
    const { o } = await verdict(
      { GOPROXY: 'direct' },
      [['https://nowhere.invalid', 'refused']],
      [need('nowhere.invalid/x')],
    );
    expect(o.outcome).toBe('fail');
    expect(o.hop).toBe('direct');
    expect(o.message).toMatch(/^unrecognized import path "nowhere.invalid\/x": https fetch:/);
  });
});

describe('evaluateVerdict: privacy', () => {
  it('a private-looking path is never sent to a public proxy or sum.golang.org: a leak is predicted', async () => {
    const t = table([['https://git.corp.example', 'refused']]);
    const env = { GOPROXY: 'https://proxy.golang.org,direct', GOSUMDB: 'sum.golang.org' };
    const needs = [need('git.corp.example/team/x'), need('git.corp.example/team/x', 'sumdb-lookup')];
    const v = await evaluateVerdict({ model: model(env), env, needs, goVersion: '1.26.0', probe: t.probe });
    expect(t.asked.filter((u) => u.includes('git.corp.example') && /golang\.org/.test(u))).toEqual([]);
    // The proxy is asked for a public module only (it answers): whether it is reachable at all.
    expect(t.asked).toContain('https://proxy.golang.org/golang.org/x/text/@v/list');
    expect(v.outcomes.map((o) => o.outcome)).toEqual(['leak', 'leak']);
    expect(String(v.outcomes[0]!.message)).toMatch(
      /Go would send the private-looking path git.corp.example\/team\/x to https:\/\/proxy.golang.org/,
    );
    expect(v.willFail).toBe(true);
  });

  // TryProxies (modfetch/proxy.go): `,` moves on after 404/410 only. A blocked public proxy fails Go's request for the
  // private path before direct is tried, whatever direct would have answered.
  it.each([
    ['refused', ',', 'fail'],
    [403, ',', 'fail'],
    ['hang', ',', 'hang'],
    ['refused', '|', 'leak'],
  ] as const)('a public proxy that answers %s for every path, then %s direct: %s', async (kind, sep, outcome) => {
    const t = table([['https://proxy.golang.org/', kind]], { 'https://git.corp.example/team/x': true });
    const env = { GOPROXY: `https://proxy.golang.org${sep}direct`, GOSUMDB: 'off' };
    const needs = [need('git.corp.example/team/x.git')];
    const v = await evaluateVerdict({ model: model(env), env, needs, goVersion: '1.26.0', probe: t.probe });
    expect(t.asked.filter((u) => u.includes('git.corp.example') && /golang\.org/.test(u))).toEqual([]);
    const o = v.outcomes[0]!;
    expect(o.outcome, String(o.message)).toBe(outcome);
    expect(v.willFail).toBe(outcome !== 'leak');
    if (outcome !== 'leak') {
      expect(o).toMatchObject({ hop: 'proxy', entry: 'https://proxy.golang.org' });
      expect(String(o.message)).toMatch(
        /^Go would send the private-looking path git.corp.example\/team\/x.git to https:\/\/proxy.golang.org, which fails for every path \(asked for the public golang.org\/x\/text instead\): /,
      );
    }
  });

  it('the first public proxy answers (the path reaches it), the second fails for every path: the leak is still said', async () => {
    const t = table([
      ['https://proxy.golang.org/', 404],
      ['https://goproxy.cn/', 403],
    ]);
    const env = { GOPROXY: 'https://proxy.golang.org,https://goproxy.cn,direct', GOSUMDB: 'off' };
    const v = await evaluateVerdict({
      model: model(env),
      env,
      needs: [need('git.corp.example/team/x.git')],
      goVersion: '1.26.0',
      probe: t.probe,
    });
    expect(t.asked.filter((u) => u.includes('git.corp.example'))).toEqual([]);
    const o = v.outcomes[0]!;
    expect(o).toMatchObject({ outcome: 'leak', failing: true, entry: 'https://proxy.golang.org', status: 403 });
    expect(String(o.message)).toMatch(
      /^Go would send the private-looking path git.corp.example\/team\/x.git to https:\/\/proxy.golang.org \(not probed\); set GOPRIVATE to keep it inside; then Go would send .* to https:\/\/goproxy.cn, which fails for every path/,
    );
  });

  it('GOPRIVATE: straight to direct, the checksum database not consulted', async () => {
    const t = table([], {});
    const env = {
      GOPROXY: 'https://proxy.golang.org,direct',
      GOSUMDB: 'sum.golang.org',
      GOPRIVATE: 'git.corp.example',
    };
    const needs = [need('git.corp.example/team/x.git'), need('git.corp.example/team/x.git', 'sumdb-lookup')];
    const git = { 'https://git.corp.example/team/x': true };
    t.probe.gitLsRemote = async (repo) => ({ ok: git[repo as keyof typeof git] ?? false });
    const v = await evaluateVerdict({ model: model(env), env, needs, goVersion: '1.26.0', probe: t.probe });
    expect(v.outcomes.map((o) => o.outcome)).toEqual(['ok', 'ok']);
    expect(t.asked).toEqual([]);
  });
});

describe('evaluateVerdict: the checksum database (sumdb.go initBase, fetch.go checkModSum)', () => {
  // A verifier key as the fault proxy's checksum database prints it (test/helpers/sumdb-server.ts).
  const key = 'sum.gomodctl.test+3d7ac52a+AdihNVixhNQ0TeLiwFaxtWx1I33hqrZ/+agDoFXHUpt5';
  const lookup = [need('example.com/m', 'sumdb-lookup')];
  it('through the proxy when /supported answers', async () => {
    const { o, asked } = await verdict({ GOPROXY: A, GOSUMDB: key }, [[A, 'ok']], lookup);
    expect(o.outcome).toBe('ok');
    expect(asked).toEqual([
      `${A}/sumdb/sum.gomodctl.test/supported`,
      `${A}/sumdb/sum.gomodctl.test/lookup/example.com/m@v1.0.0`,
    ]);
  });
  it('/supported 404 → the database directly; a 404 lookup fails', async () => {
    const rules: Array<[string, Kind]> = [
      [`${A}/sumdb`, 404],
      ['https://sum.gomodctl.test', 404],
    ];
    const { o } = await verdict({ GOPROXY: A, GOSUMDB: key }, rules, lookup);
    expect(o.outcome).toBe('fail');
    expect(o.hop).toBe('sumdb');
    expect(o.message).toMatch(
      /^verifying example.com\/m@v1.0.0: reading https:\/\/sum.gomodctl.test\/lookup\/example.com\/m@v1.0.0: 404/,
    );
  });
  it('a lookup whose download fails first is not a cause of its own', async () => {
    const { v } = await verdict({ GOPROXY: A, GOSUMDB: key }, [[A, 500]], [need('example.com/m'), ...lookup]);
    expect(v.failures.map((f) => f.need.what)).toEqual(['mod']);
  });
});

describe('evaluateVerdict: a missing import (modload/query.go queryPrefixModules)', () => {
  const q = (module: string): Need => ({
    module,
    what: 'list',
    why: 'query',
    certainty: 'sure',
    importPath: 'example.com/a/b',
  });
  it('one prefix that resolves is enough: the others 404', async () => {
    const rules: Array<[string, Kind]> = [[`${A}/example.com/a/@v/list`, 'ok']];
    const { v } = await verdict({ GOPROXY: A }, rules, [q('example.com/a/b'), q('example.com/a'), q('example.com')]);
    expect(v.willFail).toBe(false);
  });
  it('no prefix resolves: Go cannot find a module providing the package', async () => {
    const { v } = await verdict({ GOPROXY: A }, [], [q('example.com/a/b'), q('example.com/a')]);
    expect(v.willFail).toBe(true);
  });
  it('a prefix that never answers holds Go up', async () => {
    const rules: Array<[string, Kind]> = [
      [`${A}/example.com/a/@v/list`, 'ok'],
      [`${A}/example.com/a/b/@v/list`, 'hang'],
    ];
    const { v } = await verdict({ GOPROXY: A }, rules, [q('example.com/a/b'), q('example.com/a')]);
    expect(v.willFail).toBe(true);
  });
});
