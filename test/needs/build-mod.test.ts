// The -mod mode of build commands (modload/init.go setDefaultBuildMod), predicted and checked with the real go:
// in vendor mode `go list` finds the package under vendor/, in any other mode it needs the module (offline: fails).
import { describe, expect, it } from 'vitest';
import { defaultBuildMod, goflagsMod } from '../../src/core/needs/build-mod.js';
import { predictGoNeeds } from '../../src/go/predict-needs.js';
import { TEST_GO } from '../helpers/go-env.js';
import { goModText, runGo, startLab } from '../helpers/needs-lab.js';

const vendor = {
  'vendor/modules.txt': '# example.com/a v1.0.0\n## explicit\nexample.com/a\n',
  'vendor/example.com/a/a.go': 'package a\n',
  'main.go': 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n',
};
const gomod = (go: string) => ({ 'go.mod': goModText('example.com/main', { go, require: ['example.com/a@v1.0.0'] }) });

const CASES: { name: string; files: Record<string, string>; env?: NodeJS.ProcessEnv; cwd?: string }[] = [
  { name: 'go 1.18 with vendor/', files: { ...gomod('1.18'), ...vendor } },
  { name: 'go 1.13 with vendor/', files: { ...gomod('1.13'), ...vendor } },
  { name: 'GOFLAGS=-mod=mod', files: { ...gomod('1.18'), ...vendor }, env: { GOFLAGS: '-modcacherw -mod=mod' } },
  { name: 'no vendor/', files: { ...gomod('1.18'), 'main.go': vendor['main.go'] } },
  {
    name: 'workspace whose vendor/ is not for a workspace',
    files: {
      'go.work': 'go 1.18\n\nuse ./m\n',
      ...Object.fromEntries(Object.entries({ ...gomod('1.18'), ...vendor }).map(([k, v]) => [`m/${k}`, v])),
      'vendor/modules.txt': '# example.com/a v1.0.0\n',
    },
    cwd: 'm',
  },
];

describe('build commands and vendor/', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const lab = await startLab([], c.files, { GOPROXY: 'off', ...c.env });
      try {
        const cwd = c.cwd ? `${lab.root}/${c.cwd}` : lab.root;
        const p = await predictGoNeeds({ go: TEST_GO, env: lab.env, cwd, command: 'download' });
        const r = await runGo(lab, ['list', '-e', '-f', '{{.Dir}}', 'example.com/a'], { cwd });
        const usedVendor = r.stdout.trim().endsWith('/vendor/example.com/a');
        expect(p.buildMod?.mode === 'vendor', `${p.buildMod?.reason}\n${r.stdout}${r.stderr}`).toBe(usedVendor);
      } finally {
        await lab.close();
      }
    });
  }
});

describe('defaultBuildMod', () => {
  const root = { goLine: '1.18', vendorDir: true, modulesTxtForWorkspace: false };
  const base = { goVersion: '1.26.8', goflags: '', work: null, modules: [root] };
  it("Go's reasons", () => {
    expect(defaultBuildMod(base)).toEqual({
      mode: 'vendor',
      reason: 'Go version in go.mod is at least 1.14 and vendor directory exists.',
    });
    expect(defaultBuildMod({ ...base, modules: [{ ...root, goLine: null }] }).reason).toBe(
      'Go version in go.mod is unspecified, so vendor directory was not used.',
    );
    expect(defaultBuildMod({ ...base, modules: [{ ...root, modulesTxtForWorkspace: true }] }).reason).toBe(
      'Outside workspace mode, but vendor directory is for a workspace.',
    );
    const ws = { ...root, modulesTxtForWorkspace: true };
    expect(defaultBuildMod({ ...base, work: ws })).toMatchObject({
      mode: 'vendor',
      reason: 'Go version in go.work is at least 1.14 and vendor directory exists.',
    });
  });
  it('before Go 1.22 a workspace of one module uses that module’s vendor/, of two none', () => {
    const old = { ...base, goVersion: '1.19.8', work: { ...root, vendorDir: false } };
    expect(defaultBuildMod(old).mode).toBe('vendor');
    expect(defaultBuildMod({ ...old, modules: [root, root] }).mode).toBe('readonly');
  });
  it('GOFLAGS -mod: the last one wins', () => {
    expect([goflagsMod('-mod=vendor -v'), goflagsMod('--mod=mod -mod=readonly'), goflagsMod('-modcacherw')]).toEqual([
      'vendor',
      'readonly',
      null,
    ]);
  });
});
