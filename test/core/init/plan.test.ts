import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { buildInitPlan, planFixes, planEnvOps, resolveInitValues, stripDirect } from '../../../src/core/init/plan.js';
import { renderPlanCommands } from '../../../src/report/fix-render.js';
import type { ConfigModel, ConfigVar } from '../../../src/core/config-types.js';

function v(name: string, value: string, source: ConfigVar['source'], extra: Partial<ConfigVar> = {}): ConfigVar {
  return { name, value, source, defaultValue: '', inGoenvFile: source === 'goenv', ...extra };
}

function model(vars: ConfigVar[]): ConfigModel {
  return { goVersion: 'go1.26.8', goenvPath: '/tmp/env', vars: Object.fromEntries(vars.map((x) => [x.name, x])) };
}

function usage(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('resolveInitValues', () => {
  it('writes --proxy exactly as given and applies presets, flags overriding them', () => {
    expect(resolveInitValues({ proxy: 'https://a.example.com|https://b.example.com,direct' }).values).toEqual({
      GOPROXY: 'https://a.example.com|https://b.example.com,direct',
    });
    expect(resolveInitValues({ preset: 'china' }).values).toEqual({
      GOPROXY: 'https://goproxy.cn,direct',
      GOSUMDB: 'sum.golang.google.cn',
    });
    expect(resolveInitValues({ preset: 'china', sumdb: 'sum.golang.org' }).values.GOSUMDB).toBe('sum.golang.org');
    expect(resolveInitValues({ preset: 'offline' }).values).toEqual({ GOPROXY: 'off' });
  });

  it('--no-direct strips the preset direct, refuses a contradiction', () => {
    expect(resolveInitValues({ preset: 'china', noDirect: true }).values.GOPROXY).toBe('https://goproxy.cn');
    expect(stripDirect('https://a.example.com | direct')).toBe('https://a.example.com');
    expect(usage(() => resolveInitValues({ proxy: 'https://a.example.com,direct', noDirect: true })).message).toContain(
      '--no-direct',
    );
    expect(usage(() => resolveInitValues({ preset: 'direct', noDirect: true })).message).toContain('no proxy');
  });

  it.each([
    [{ proxy: 'x' }, '"x"'],
    [{ proxy: 'ftp://x.example.com' }, 'ftp://x.example.com'],
    [{ proxy: '' }, 'GOPROXY'],
    [{ private: 'a.example.com, b.example.com' }, 'a.example.com,b.example.com'],
    [{ private: 'corp[.example.com' }, 'malformed'],
    [{ private: 'a b' }, 'space inside "a b"'],
    [{ private: 'https://corp.example.com' }, 'scheme'],
    [{ sumdb: 'sum.example.com+bad' }, 'sum.example.com+bad'],
    [{ preset: 'mars' }, '"mars"'],
    [{}, 'nothing to write'],
  ])('bad input %j is a UsageError naming the value', (req, named) => {
    const e = usage(() => resolveInitValues(req));
    expect(e.message).toContain(named);
    expect(e.exitCode).toBe(2);
  });

  it('refuses credentials unless allowed, never echoing the password, and points at .netrc', () => {
    const proxy = 'https://goproxy.cn|https://u:s3cret@corp.example.com,direct';
    const e = usage(() => resolveInitValues({ proxy }));
    expect(`${e.message} ${e.hint}`).not.toContain('s3cret');
    expect(`${e.message} ${e.hint}`).toMatch(/netrc/);
    expect(resolveInitValues({ proxy, allowCredentials: true }).values.GOPROXY).toBe(proxy);
  });

  it('--private "" removes GOPRIVATE; uppercase patterns only warn', () => {
    expect(resolveInitValues({ private: '' }).values).toEqual({ GOPRIVATE: null });
    const r = resolveInitValues({ private: 'github.com/Acme' });
    expect(r.values.GOPRIVATE).toBe('github.com/Acme');
    expect(r.warnings.join()).toMatch(/upper-case/);
  });
});

describe('planEnvOps', () => {
  const m = model([
    v('GOPROXY', 'https://proxy.golang.org,direct', 'goroot'),
    v('GOPRIVATE', 'old.example.com', 'goenv'),
    v('GOSUMDB', 'off', 'env', { inGoenvFile: true, shadowedGoenvValue: 'sum.golang.org' }),
    v('GONOPROXY', 'none', 'goenv'),
  ]);

  it('diffs against the GOENV file values, unset for null, skips unchanged', () => {
    const plan = planEnvOps(m, { GOPROXY: 'https://goproxy.cn,direct', GOPRIVATE: null, GOSUMDB: 'sum.golang.org' });
    expect(plan.ops).toEqual([
      { op: 'set', name: 'GOPROXY', value: 'https://goproxy.cn,direct' },
      { op: 'unset', name: 'GOPRIVATE' },
    ]);
    expect(plan.changes[0]).toMatchObject({ name: 'GOPROXY', before: null, after: 'https://goproxy.cn,direct' });
    expect(plan.changes[1]).toMatchObject({ name: 'GOPRIVATE', before: 'old.example.com', after: null });
    expect(plan.unchanged).toEqual(['GOSUMDB']);
  });

  it('reports environment shadowing and GONOPROXY overriding GOPRIVATE', () => {
    const plan = buildInitPlan(m, { sumdb: 'sum.golang.google.cn', private: 'corp.example.com' });
    expect(plan.changes.find((c) => c.name === 'GOSUMDB')?.shadowedBy).toBe('off');
    expect(plan.warnings.join('\n')).toMatch(/GOSUMDB is set in the process environment/);
    expect(plan.warnings.join('\n')).toMatch(/GONOPROXY=none is set/);
  });

  it('warns on GOSUMDB=off with the GONOSUMDB alternative', () => {
    expect(buildInitPlan(m, { sumdb: 'off', proxy: 'direct' }).warnings.join()).toMatch(/GONOSUMDB/);
  });
});

describe('planFixes, printed by renderPlanCommands', () => {
  it('prints one go env -w and one go env -u, shell-quoted', () => {
    expect(
      renderPlanCommands(
        planFixes([
          { op: 'set', name: 'GOPROXY', value: 'https://a.example.com|https://b.example.com,direct' },
          { op: 'set', name: 'GOPRIVATE', value: 'corp.example.com' },
          { op: 'unset', name: 'GOSUMDB' },
        ]),
      ),
    ).toEqual([
      "go env -w 'GOPROXY=https://a.example.com|https://b.example.com,direct' GOPRIVATE=corp.example.com",
      'go env -u GOSUMDB',
    ]);
  });
});
