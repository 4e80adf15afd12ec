import { describe, expect, it } from 'vitest';
import { chooseFix, unprobedHosts } from '../../../src/core/verdict/choose-fix.js';
import { evaluateVerdict } from '../../../src/core/verdict/evaluate.js';
import type { Need } from '../../../src/core/needs/types.js';
import { fakeProbe, model, need, type Answer } from './fake-verdict.js';

async function search(env: Record<string, string>, needs: Need[], answers: Array<[string, Answer]>, mirrors = []) {
  const raw = fakeProbe(answers);
  const probe = raw;
  const m = model(env);
  const verdict = await evaluateVerdict({ model: m, env, needs, goVersion: 'go1.26.8', probe });
  const result = await chooseFix({ verdict, model: m, env, needs, goVersion: 'go1.26.8', probe, mirrors });
  return { verdict, result, raw };
}

const ids = (r: { id: string }[]): string[] => r.map((x) => x.id);

describe('chooseFix', () => {
  it('keeps only candidates under which every need is fetched, fastest first, marked verified by the probe', async () => {
    const mirrors = [
      { id: 'good', url: 'http://good.test', note: '' },
      { id: 'bad', url: 'http://bad.test', note: '' },
    ];
    const { verdict, result, raw } = await search(
      { GOPROXY: 'http://gw.test,http://slow.test' },
      [need('golang.org/x/a'), need('golang.org/x/b')],
      [
        ['http://gw.test/', { status: 403 }],
        ['http://slow.test/', { status: 200, ms: 50 }],
        ['http://good.test/', { status: 200, ms: 5 }],
        ['http://bad.test/', { cause: 'refused' }],
      ],
      mirrors as never,
    );
    expect(verdict.failures).toHaveLength(2);
    expect(ids(result.verified)).toEqual(['mirror:good', 'drop-entry:0', 'pipe-after:0']);
    expect(result.verified[0]!.fixes).toEqual([
      {
        kind: 'set',
        variable: 'GOPROXY',
        value: 'http://good.test,http://slow.test',
        scope: 'env',
        verifiedBy: ['probe'],
      },
    ]);
    expect(ids(result.tried)).toContain('mirror:bad');
    // One probe per distinct request: gw.test was asked once per module although four candidates walk past it.
    expect(raw.sent.filter((u) => u.startsWith('http://gw.test/golang.org/x/a/'))).toHaveLength(1);
  });

  it('cobra-like: the verified GOPRIVATE names the private repository, never github.com', async () => {
    // The engine marks the GitHub path that the public proxy does not know as private-looking.
    const env = { GOPROXY: 'http://proxy.test' };
    const needs = [need('github.com/acme/secret/sub'), need('github.com/spf13/pflag')];
    const probe = fakeProbe(
      [
        ['http://proxy.test/github.com/spf13/', { status: 200 }],
        ['http://proxy.test/', { status: 404 }],
      ],
      ['https://github.com/acme/secret'],
    );
    const m = model(env);
    const base = await evaluateVerdict({ model: m, env, needs, goVersion: 'go1.26.8', probe });
    const failures = base.failures.map((f) => ({ ...f, privateLooking: true }));
    const verdict = { ...base, failures };
    const result = await chooseFix({ verdict, model: m, env, needs, goVersion: 'go1.26.8', probe, mirrors: [] });
    expect(ids(result.verified)).toEqual(['goprivate']);
    expect(result.verified[0]!.fixes[0]).toMatchObject({ variable: 'GOPRIVATE', value: 'github.com/acme/secret' });
  });

  it('no verified fix: says so and lists what was tried', async () => {
    const { verdict, result } = await search(
      { GOPROXY: 'http://a.test,http://b.test' },
      [need('golang.org/x/a')],
      [['http://', { status: 500 }]],
    );
    expect(verdict.willFail).toBe(true);
    expect(result.verified).toEqual([]);
    expect(ids(result.tried)).toEqual(['drop-entry:0', 'pipe-after:0']);
    expect(result.tried[0]!.failures).toBe(1);
  });

  it('unprobedHosts: every URL a fix names must have been probed in the run', () => {
    const fixes = [
      {
        kind: 'set' as const,
        variable: 'GOPROXY',
        value: 'https://a.test,https://b.test|direct',
        scope: 'env' as const,
      },
    ];
    expect(unprobedHosts(fixes, ['https://a.test/x/@v/list'])).toEqual(['b.test']);
    expect(unprobedHosts(fixes, ['https://a.test/x/@v/list'], 'https://b.test')).toEqual([]);
  });
});

describe('chooseFix and privacy', () => {
  it('a candidate under which Go would send a private-looking path to a public mirror is not a fix', async () => {
    const env = { GOPROXY: 'http://dead.test' };
    const needs = [need('golang.org/x/a'), need('git.corp.example/team/lib')];
    const probe = fakeProbe([['https://goproxy.cn/', { status: 200 }]]);
    const m = model(env);
    const verdict = await evaluateVerdict({ model: m, env, needs, goVersion: 'go1.26.8', probe });
    const mirrors = [{ id: 'goproxy.cn', url: 'https://goproxy.cn', note: '' }];
    const result = await chooseFix({ verdict, model: m, env, needs, goVersion: 'go1.26.8', probe, mirrors });
    expect(ids(result.verified).filter((id) => id.includes('mirror'))).toEqual([]);
    const tried = result.tried.find((t) => t.id === 'mirror:goproxy.cn');
    expect(String(tried?.reason)).toMatch(/private-looking path git\.corp\.example\/team\/lib/);
    expect(probe.sent.filter((u) => u.startsWith('https://goproxy.cn/git.corp.example'))).toEqual([]);
  });
});

describe('chooseFix and the way the network is reached', () => {
  it('unsetting a failing HTTPS_PROXY is verified with a probe for the new environment, not the run one', async () => {
    const env = { GOPROXY: 'https://athens.corp.example', HTTPS_PROXY: 'http://gw.corp.example:3128' };
    const needs = [need('golang.org/x/a')];
    const refusedByGateway = fakeProbe([]);
    refusedByGateway.get = async (url) => ({
      url,
      ok: false,
      cause: 'proxy',
      hop: 'proxy',
      message: 'CONNECT refused by http://gw.corp.example:3128',
      timings: { totalMs: 1 },
    });
    const direct = fakeProbe([['https://athens.corp.example/', { status: 200 }]]);
    const asked: Array<Record<string, string | undefined>> = [];
    const probeFor = (e: Record<string, string | undefined>) => (asked.push(e), direct);
    const m = model(env);
    const verdict = await evaluateVerdict({ model: m, env, needs, goVersion: 'go1.26.8', probe: refusedByGateway });
    expect(verdict.failures[0]).toMatchObject({ hop: 'connect-proxy' });
    const i = { verdict, model: m, env, needs, goVersion: 'go1.26.8', probe: refusedByGateway, mirrors: [] };
    const result = await chooseFix({ ...i, probeFor });
    expect(ids(result.verified)).toEqual(['unset:HTTPS_PROXY', 'no-proxy:athens.corp.example']);
    expect(asked.map((e) => [e.HTTPS_PROXY, e.NO_PROXY])).toEqual([
      [undefined, undefined],
      ['http://gw.corp.example:3128', 'athens.corp.example'],
    ]);
    // Without a probe for another environment such candidates are not claimed.
    expect((await chooseFix(i)).verified).toEqual([]);
  });
});
