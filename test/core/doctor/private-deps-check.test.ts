// Private hosts, --deps and the configuration validator over a fake probe: private paths are fetched directly (Go
// fetches https://<path>?go-get=1, cmd/go/internal/vcs/vcs.go), a GONOPROXY path is never sent to a proxy, and each
// requirement walks GOPROXY with Go's fall-through (cmd/go/internal/modfetch/proxy.go TryProxies).
import { describe, expect, it } from 'vitest';
import { configCheck } from '../../../src/core/doctor/checks/config.js';
import { depsCheck } from '../../../src/core/doctor/checks/deps.js';
import { privateChecks, privateHosts } from '../../../src/core/doctor/checks/private-hosts.js';
import type { CheckResult } from '../../../src/core/doctor/check.js';
import { renderFixes } from '../../../src/report/fix-render.js';
import { english, fakeContext } from './fake-context.js';

const flat = (r: CheckResult | CheckResult[]): CheckResult[] => (Array.isArray(r) ? r : [r]).map(english);

describe('private hosts', () => {
  it('names the concrete hosts of GOPRIVATE/GONOPROXY patterns, once each', () => {
    expect(
      privateHosts(['git.corp.example/team', '*.corp.example', 'git.corp.example', 'nodot', 'gh.example/x']),
    ).toEqual([
      { host: 'git.corp.example', pattern: 'git.corp.example/team' },
      { host: 'gh.example', pattern: 'gh.example/x' },
    ]);
  });

  it.each<[string, Parameters<typeof fakeContext>[0]['answers'], string | null, Partial<CheckResult>[], RegExp]>([
    [
      'answers HTTPS and git is installed',
      [['https://git.corp.example/team?go-get=1', { status: 200 }]],
      'git version 2.43.0',
      [
        { id: 'private.git.corp.example', status: 'ok' },
        { id: 'private.git', status: 'ok' },
      ],
      /answers HTTPS/,
    ],
    [
      'does not resolve',
      [['https://git.corp.example/', { cause: 'dns', phase: 'dns', message: 'no such host' }]],
      'git version 2.43.0',
      [{ status: 'fail', cause: 'dns' }, { status: 'ok' }],
      /does not resolve here: connect the VPN/,
    ],
    [
      'refuses, and git is missing',
      [['https://git.corp.example/', { cause: 'refused', phase: 'connect', message: 'refused' }]],
      null,
      [{ status: 'fail' }, { id: 'private.git', status: 'fail' }],
      /insteadOf/,
    ],
  ])('%s', async (_name, answers, git, want, fixLine) => {
    const ctx = fakeContext({ goenv: { GOPRIVATE: 'git.corp.example/team' }, answers, git });
    const results = (await Promise.all(privateChecks(ctx).map((c) => c.run(ctx)))).flatMap(flat);
    expect(results).toMatchObject(want);
    expect([results[0]!.message, ...renderFixes(results[0]!.fix)].join('\n')).toMatch(fixLine);
    expect(ctx.probed).toEqual(['https://git.corp.example/team?go-get=1']);
  });

  it('no concrete private host: no checks', () => {
    expect(privateChecks(fakeContext({ goenv: { GOPRIVATE: '*.corp.example' } }))).toEqual([]);
  });
});

const GO_MOD =
  'module example.com/app\n\ngo 1.21\n\nrequire (\n\tgithub.com/pkg/errors v0.9.1\n\tgit.corp.example/lib v1.2.0\n)\n';
const PROXY = 'https://proxy.golang.org';

describe('--deps', () => {
  it('without go.mod: skipped', async () => {
    expect(flat(await depsCheck.run(fakeContext({})))).toMatchObject([{ status: 'skip' }]);
  });

  it('every requirement served; a GONOPROXY one is never sent to a proxy', async () => {
    const ctx = fakeContext({
      goMod: GO_MOD,
      goenv: { GOPRIVATE: 'git.corp.example' },
      answers: [[`${PROXY}/github.com/pkg/errors/@v/v0.9.1.info`, { status: 200 }]],
    });
    expect(flat(await depsCheck.run(ctx))).toMatchObject([{ status: 'ok' }]);
    expect(flat(await depsCheck.run(ctx))[0]!.message).toMatch(/1 requirements served.*1 private \(GONOPROXY\)/);
    expect(ctx.probed.every((u) => !u.includes('git.corp.example'))).toBe(true);
  });

  it('an unlisted private-looking path is not sent to a public proxy: it fails, and GOPRIVATE is suggested', async () => {
    const ctx = fakeContext({
      goMod: GO_MOD,
      goenv: { GOPROXY: PROXY },
      answers: [
        [`${PROXY}/github.com/pkg/errors/@v/v0.9.1.info`, { status: 200 }],
        [`${PROXY}/git.corp.example/lib/@v/v1.2.0.info`, { status: 404 }],
      ],
    });
    const [r] = flat(await depsCheck.run(ctx));
    expect(r).toMatchObject({
      status: 'fail',
      details: [`git.corp.example/lib@v1.2.0: not sent to ${PROXY} (looks private)`],
    });
    expect(ctx.probed.every((u) => !u.includes('git.corp.example'))).toBe(true);
    expect(renderFixes(r!.fix)[0]).toBe('go env -w GOPRIVATE=git.corp.example   # if these modules are private');
  });

  it('"," falls through only on 404/410; "direct" is not probed here', async () => {
    const ctx = fakeContext({
      goMod: 'module m\n\nrequire github.com/pkg/errors v0.9.1\n',
      goenv: { GOPROXY: `https://a.corp.example,${PROXY},direct` },
      answers: [
        ['https://a.corp.example/', { status: 404 }],
        [`${PROXY}/`, { status: 404 }],
      ],
    });
    expect(flat(await depsCheck.run(ctx))).toMatchObject([{ status: 'ok' }]);
    expect(ctx.probed).toHaveLength(2);
  });
});

describe('configuration check', () => {
  it('an unreadable .netrc adds a warning after the lint results', async () => {
    const results = flat(await configCheck.run(fakeContext({ netrcError: 'EISDIR: illegal operation' })));
    expect(results.map((r) => `${r.id}:${r.status}`)).toEqual(['config:ok', 'config.netrc:warn']);
  });
});
