// Pure GOAUTH findings from inspection facts (fakes here; the real runs are in test/probes/goauth-go.test.ts and
// test/e2e/doctor-hops.test.ts).
import { describe, expect, it } from 'vitest';
import { goAuthFindings } from '../../../src/core/doctor/goauth-check.js';
import { goauthCheck } from '../../../src/core/doctor/checks/goauth.js';
import { withGoReported } from '../../../src/core/config-model.js';
import { english, fakeContext } from './fake-context.js';
import { safeGoAuth } from '../../../src/core/goauth.js';
import { renderFix } from '../../../src/report/fix-render.js';

/** The findings with their messages as English text (what the JSON carries). */
const findings = (i: Parameters<typeof goAuthFindings>[0]) => goAuthFindings(i).map(english);

const ok = { ok: true as const, methods: [{ kind: 'netrc' as const }] };

describe('goAuthFindings', () => {
  it('default GOAUTH that works: nothing to say; set and working: one ok', () => {
    expect(findings({ goVersion: 'go1.26.8', inspection: { plan: ok, found: {}, problems: [] } })).toEqual([]);
    const r = findings({
      goVersion: 'go1.26.8',
      goauth: { value: 'netrc;helper --token=abc', source: 'goenv' },
      inspection: { plan: ok, found: { 'https://a/': true, 'https://b/': false }, problems: [] },
    });
    expect(r).toEqual([
      {
        id: 'config.goauth',
        group: 'config',
        title: 'GOAUTH',
        status: 'ok',
        message: 'GOAUTH=netrc;helper …: every method ran; credentials for 1 of 2 https URLs probed',
      },
    ]);
  });

  it('Go before 1.24 with GOAUTH set: a warning that only .netrc counts', () => {
    const r = findings({ goVersion: 'go1.19.8', goauth: { value: 'off', source: 'env' }, inspection: null });
    expect(r[0]).toMatchObject({ status: 'warn', message: expect.stringContaining('predates GOAUTH (Go 1.24)') });
    expect(findings({ goVersion: 'go1.19.8', inspection: null })).toEqual([]);
  });

  it("fatal: fail with Go's text and the env-aware fix", () => {
    const r = findings({
      goVersion: 'go1.27.3',
      goauth: { value: 'netrc;', source: 'env' },
      inspection: {
        plan: { ok: false, error: 'go: GOAUTH encountered an empty command (GOAUTH=netrc;)' },
        found: {},
        problems: [
          {
            method: 'parse',
            entry: 'netrc;',
            outcome: 'fatal',
            message: 'go: GOAUTH encountered an empty command (GOAUTH=netrc;)',
          },
        ],
      },
    });
    expect(r[0]).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('GOAUTH encountered an empty command'),
    });
    expect(renderFix(r[0]!.fix![0]!)).toMatch(/^export GOAUTH=netrc /);
  });

  it('problems: one warning each, with a fix per kind', () => {
    const r = findings({
      goVersion: 'go1.26.8',
      goauth: { value: 'git /repo;helper', source: 'goenv' },
      inspection: {
        plan: ok,
        found: {},
        problems: [
          {
            method: 'command',
            entry: 'helper',
            outcome: 'not-found',
            message: 'GOAUTH command helper: executable file not found',
          },
          { method: 'git', entry: 'git /repo', outcome: 'no-credentials', message: "'git credential fill' failed" },
        ],
      },
    });
    expect(r.map((x) => [x.id, x.status])).toEqual([
      ['config.goauth.0', 'warn'],
      ['config.goauth.1', 'warn'],
    ]);
    expect(renderFix(r[1]!.fix![0]!)).toContain('git -C /repo config credential.helper');
  });

  it('safeGoAuth keeps methods and cuts command arguments', () => {
    expect(safeGoAuth('netrc; git /r ; /bin/helper --token=S3cret x')).toBe('netrc; git /r ; /bin/helper …');
    expect(safeGoAuth('off')).toBe('off');
  });
});

describe('goauthCheck (the validator)', () => {
  it('Go 1.19 reports GOAUTH as "" (a name it does not know): the value the user set still gets the warning', async () => {
    const ctx = fakeContext({ env: { GOAUTH: 'netrc;' }, goVersion: 'go1.19.8' });
    ctx.loaded = { ...ctx.loaded, model: withGoReported(ctx.loaded.model, { GOAUTH: '' }) };
    const r = [await goauthCheck.run(ctx)].flat().map(english);
    expect(r).toMatchObject([{ id: 'config.goauth', status: 'warn', message: expect.stringContaining('predates') }]);
  });

  it('Go 1.26: the https GOPROXY entries are inspected, and Go reports the value', async () => {
    const asked: string[][] = [];
    const ctx = fakeContext({ goenv: { GOPROXY: 'https://a.test/x/,http://b.test,direct', GOAUTH: 'off' } });
    const inspect = ctx.inspectGoAuth;
    ctx.inspectGoAuth = (urls) => (asked.push(urls), inspect(urls));
    const r = [await goauthCheck.run(ctx)].flat().map(english);
    expect(asked).toEqual([['https://a.test/x/']]);
    expect(r).toMatchObject([{ status: 'ok', message: expect.stringContaining('GOAUTH=off') }]);
  });
});
