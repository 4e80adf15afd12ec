// Configuration lint: each rule, from a config model built the way Go precedence works.
import { describe, expect, it } from 'vitest';
import { lintConfig } from '../../../src/core/doctor/lint.js';
import { buildConfigModel, withGoReported } from '../../../src/core/config-model.js';
import { parseGoMod } from '../../../src/core/gomod.js';
import { runChecks, summarize } from '../../../src/core/doctor/check.js';
import type { CheckResult } from '../../../src/core/doctor/check.js';
import { renderFixes } from '../../../src/report/fix-render.js';
import { english } from './fake-context.js';

function lint(
  env: Record<string, string>,
  goenvText = '',
  extra: { goMod?: string; dirs?: Record<string, boolean>; reported?: Record<string, string> } = {},
) {
  const computed = buildConfigModel({
    env,
    goenvPath: '/tmp/env',
    goenvText,
    gorootEnvText: 'GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=auto\n',
    goVersion: 'go1.26.8',
  });
  const model = withGoReported(computed, extra.reported ?? null);
  return render(
    lintConfig({
      model,
      env,
      goMod: extra.goMod ? parseGoMod(extra.goMod) : null,
      replaceDirs: extra.dirs ?? {},
    }),
  );
}

/** Findings with each fix as the line doctor prints. */
function render(results: CheckResult[]) {
  return results.map((r) => ({ ...english(r), fix: r.fix ? renderFixes(r.fix) : undefined }));
}
const ids = (rs: ReturnType<typeof lint>) => rs.map((r) => `${r.id}:${r.status}`);

describe('lintConfig', () => {
  it('a default configuration is clean', () => {
    expect(ids(lint({}))).toEqual(['config:ok']);
  });
  it('variables Go does not have', () => {
    const r = lint({ GONOSUMCHECK: '1', GOTIMEOUT: '30s', GO_PROXY: 'x', GOMAXPROCS: '2' });
    expect(r.map((x) => x.target)).toEqual(['GONOSUMCHECK', 'GOTIMEOUT', 'GO_PROXY']);
    expect(r[0]!.message).toMatch(/did you mean GONOSUMDB/);
  });
  it.each([
    ['GOPROXY_URL', 'GOPROXY'],
    ['GOPROXYS', 'GOPROXY'],
    ['GOPRXY', 'GOPROXY'],
    ['GOPRIVATE_HOSTS', 'GOPRIVATE'],
    ['GONOSUMBD', 'GONOSUMDB'],
    ['GOFLAG', 'GOFLAGS'],
    ['GOTOOLCHIAN', 'GOTOOLCHAIN'],
  ])('a near-miss %s is named with what it probably meant (%s)', (name, meant) => {
    const r = lint({ [name]: 'x' });
    expect(r.map((x) => x.target)).toEqual([name]);
    expect(r[0]!.message).toBe(`${name} is not a Go setting and has no effect; did you mean ${meant}?`);
  });
  it('names far from every module variable get no guess, and unrelated GO* names no warning', () => {
    expect(ids(lint({ GOLANGCI_LINT_CACHE: '/x', GOMAXPROCS: '2', GOGC: '50' }))).toEqual(['config:ok']);
    const [r] = lint({ GOPROXY_SERVER_TIMEOUT: '1' });
    expect(r!.message).toMatch(/did you mean GOPROXY\?$/);
  });
  it('-insecure in GOFLAGS (removed in Go 1.17)', () => {
    const [r] = lint({ GOFLAGS: '-mod=mod -insecure' });
    expect(r).toMatchObject({ id: 'config.goflags-insecure', status: 'fail' });
    expect(r!.fix![0]).toMatch(/^export GOFLAGS=-mod=mod +# GOFLAGS comes from your environment/); // go env -w would not override it
    const [fromFile] = lint({}, 'GOFLAGS=-mod=mod -insecure\n');
    expect(fromFile!.fix![0]).toBe('go env -w GOFLAGS=-mod=mod');
  });
  it('GOPROXY=off is reported even when GOPRIVATE adds the implicit noproxy entry', () => {
    expect(ids(lint({ GOPROXY: 'off', GOPRIVATE: 'corp.example.com' }))).toEqual(['config.goproxy-off:warn']);
  });
  it('GOSUMDB=off globally suggests the scoped GONOSUMDB', () => {
    const [r] = lint({ GOSUMDB: 'off', GOPRIVATE: 'git.corp.example.com' });
    expect(r).toMatchObject({ id: 'config.gosumdb-off', status: 'warn' });
    expect(r!.fix).toContain('go env -w GONOSUMDB=git.corp.example.com');
  });
  it("invalid GOPROXY and GOSUMDB with Go's own error texts", () => {
    expect(lint({ GOPROXY: 'foo' })[0]!.message).toContain('invalid proxy URL missing scheme: foo');
    expect(lint({ GOSUMDB: 'a b c' })[0]!.message).toContain('invalid GOSUMDB: too many fields');
  });
  it('an empty GOPROXY written to the GOENV file breaks Go ≥1.21', () => {
    const [r] = lint({}, 'GOPROXY=\n');
    expect(r).toMatchObject({ id: 'config.goproxy-invalid', status: 'fail' });
    expect(r!.message).toContain('GOPROXY list is not the empty string, but contains no entries');
  });
  it('patterns with spaces or schemes are silently ignored by Go', () => {
    const r = lint({ GOPRIVATE: 'a.example.com, https://b.example.com' });
    expect(r.every((x) => x.status === 'fail' && x.title === 'GOPRIVATE')).toBe(true);
    expect(r.length).toBeGreaterThanOrEqual(1);
  });
  it('GONOPROXY/GONOSUMDB overriding GOPRIVATE leak private modules to public services', () => {
    const r = lint({
      GOPRIVATE: 'git.corp.example.com,*.internal.example',
      GONOPROXY: 'git.corp.example.com',
      GONOSUMDB: 'none',
    });
    expect(ids(r)).toEqual(['config.leak-gonoproxy:fail', 'config.leak-gonosumdb:fail']);
    expect(r[0]!.message).toContain('*.internal.example');
    // GONOPROXY=none with a private proxy is Go's documented idiom: no leak to a public proxy.
    expect(
      ids(lint({ GOPRIVATE: 'git.corp.example.com', GONOPROXY: 'none', GOPROXY: 'https://athens.corp.example.com' })),
    ).toEqual(['config:ok']);
  });
  it('the OS environment shadowing a GOENV value', () => {
    const [r] = lint({ GOPROXY: 'https://goproxy.cn,direct' }, 'GOPROXY=https://proxy.golang.org,direct\n');
    expect(r).toMatchObject({ id: 'config.shadowed', status: 'warn', target: 'GOPROXY' });
    expect(r!.message).toContain('has no effect');
  });
  it('credentials in GOPROXY: refused by Go over http, discouraged over https; never printed', () => {
    const [http] = lint({ GOPROXY: 'http://u:pw123@athens.corp:3000,direct' });
    expect(http).toMatchObject({
      id: 'config.goproxy-credentials',
      status: 'fail',
      target: 'http://u:xxxxx@athens.corp:3000',
    });
    const [https] = lint({ GOPROXY: 'https://u:pw123@athens.corp,direct' });
    expect(https!.status).toBe('warn');
    expect(JSON.stringify([http, https])).not.toContain('pw123');
    expect(http!.fix![0]).toMatch(/switch the proxy to https/); // .netrc is only used over https
    expect(https!.fix![0]).toMatch(/netrc/);
  });
  it('HTTP_PROXY without HTTPS_PROXY', () => {
    const [r] = lint({ HTTP_PROXY: 'http://proxy.corp:3128' });
    expect(r).toMatchObject({ id: 'config.http-proxy-only', status: 'warn' });
    expect(r!.fix).toEqual(['export HTTPS_PROXY="$HTTP_PROXY"']);
    expect(ids(lint({ HTTP_PROXY: 'http://p:1', HTTPS_PROXY: 'http://p:1' }))).toEqual(['config:ok']);
  });
  it('replace directives pointing at directories that do not exist', () => {
    const goMod =
      'module m\n\nreplace example.com/a => ../a\nreplace example.com/b v1.0.0 => ./b\nreplace example.com/c => example.com/d v1.2.0\n';
    const r = lint({}, '', { goMod, dirs: { '../a': false, './b': true } });
    expect(ids(r)).toEqual(['config.replace-missing:fail']);
    expect(r[0]!.fix![0]).toBe('go mod edit -dropreplace=example.com/a');
  });
  it('disagreement between our model and go env -json is surfaced, not hidden', () => {
    const r = lint({}, '', { reported: { GOPROXY: 'https://other.example' } });
    expect(ids(r)).toEqual(['config.model-disagrees:warn']);
  });
});

describe('runChecks', () => {
  it('starts all checks at once, keeps declaration order, turns a throw into a failed result', async () => {
    const started: string[] = [];
    const slow = {
      id: 'a',
      group: 'g',
      title: 'A',
      run: async () => {
        started.push('a');
        await new Promise((r) => setTimeout(r, 30));
        return { id: 'a', group: 'g', title: 'A', status: 'ok' as const, message: '' };
      },
    };
    const boom = {
      id: 'b',
      group: 'g',
      title: 'B',
      run: async () => {
        started.push('b');
        throw new Error('kaput');
      },
    };
    const rs = await runChecks([slow, boom], {});
    expect(started).toEqual(['a', 'b']);
    expect(rs.map((r) => [r.id, r.status])).toEqual([
      ['a', 'ok'],
      ['b', 'fail'],
    ]);
    expect(String(rs[1]!.message)).toContain('kaput');
    expect(summarize(rs)).toEqual({ ok: 1, warn: 0, fail: 1, skip: 0 });
  });
});
