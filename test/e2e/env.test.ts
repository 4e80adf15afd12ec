// `gomodctl env` against the real go: the effective values we compute must be the ones `go env -json` reports,
// and the sources must say where each came from (cmd/go/internal/cfg/cfg.go Getenv).
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeHermeticGo, TEST_GO } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

const VARS = ['GOPROXY', 'GONOPROXY', 'GOPRIVATE', 'GONOSUMDB', 'GOSUMDB', 'GOINSECURE', 'GOFLAGS'];
interface Var {
  name: string;
  value: string;
  source: string;
  shadowedGoenvValue?: string;
}

const CASES: Array<{ name: string; env: Record<string, string | undefined>; file: string }> = [
  { name: 'defaults', env: {}, file: '' },
  { name: 'GOENV file values', env: {}, file: 'GOPROXY=https://goproxy.cn,direct\nGOPRIVATE=*.corp.example.com\n' },
  {
    name: 'environment shadows the file',
    env: { GOPROXY: 'https://env.example,direct' },
    file: 'GOPROXY=https://file.example\n',
  },
  { name: 'empty environment value means unset', env: { GOPRIVATE: '' }, file: 'GOPRIVATE=git.corp.example.com\n' },
  { name: 'GONOPROXY/GONOSUMDB inherit GOPRIVATE', env: { GOPRIVATE: 'a.example.com,b.example.com/x' }, file: '' },
  { name: 'explicit GONOPROXY wins over GOPRIVATE', env: {}, file: 'GOPRIVATE=a.example.com\nGONOPROXY=none\n' },
  {
    name: 'duplicate keys: last wins; comments ignored',
    env: {},
    file: '# GOPROXY=nope\nGOPROXY=https://one.example\nGOPROXY=https://two.example\n',
  },
  { name: 'value kept verbatim (quotes)', env: {}, file: 'GOPRIVATE="x.example.com"\n' },
  { name: 'sumdb alias', env: { GOSUMDB: 'sum.golang.google.cn' }, file: '' },
  { name: 'GOFLAGS from file', env: {}, file: 'GOFLAGS=-mod=mod\n' },
];

describe('gomodctl env agrees with go env -json', () => {
  it.each(CASES)('$name', async ({ env, file }) => {
    const base: Record<string, string | undefined> = {
      GOPROXY: undefined,
      GOSUMDB: undefined,
      GONOSUMDB: undefined,
      GOFLAGS: undefined,
      ...env,
    };
    const h = makeHermeticGo(base);
    try {
      mkdirSync(dirname(h.env.GOENV!), { recursive: true });
      writeFileSync(h.env.GOENV!, file);
      const go = await execa(TEST_GO, ['env', '-json', ...VARS], { env: h.env, extendEnv: false, timeout: 20_000 });
      const want = JSON.parse(go.stdout) as Record<string, string>;
      const r = await runCli(['env', '--json'], { env: h.env, cwd: h.dir });
      expect(r.exitCode).toBe(0);
      const doc = JSON.parse(r.stdout) as { schemaVersion: number; vars: Var[] };
      expect(doc.schemaVersion).toBe(1);
      const got = Object.fromEntries(doc.vars.filter((v) => VARS.includes(v.name)).map((v) => [v.name, v.value]));
      expect(got).toEqual(want);
    } finally {
      h.cleanup();
    }
  });

  it('names the source and the shadowed GOENV value', async () => {
    const h = makeHermeticGo({ GOPROXY: 'https://env.example,direct', GOSUMDB: undefined });
    try {
      mkdirSync(dirname(h.env.GOENV!), { recursive: true });
      writeFileSync(h.env.GOENV!, 'GOPROXY=https://file.example\nGOPRIVATE=corp.example.com\n');
      const doc = JSON.parse((await runCli(['env', '--json'], { env: h.env })).stdout) as { vars: Var[] };
      const v = (n: string) => doc.vars.find((x) => x.name === n)!;
      expect(v('GOPROXY')).toMatchObject({ source: 'env', shadowedGoenvValue: 'https://file.example' });
      expect(v('GOPRIVATE')).toMatchObject({ source: 'goenv', value: 'corp.example.com' });
      expect(v('GONOPROXY')).toMatchObject({ source: 'default', value: 'corp.example.com' });
      const human = await runCli(['env'], { env: h.env });
      expect(human.stdout).toMatch(/overrides GOENV value https:\/\/file\.example/);
      // Inherited from GOPRIVATE, labelled as such (issue 8), not [default].
      expect(human.stdout).toMatch(/^GONOPROXY +corp\.example\.com +\[from GOPRIVATE\]$/m);
      expect(human.stdout).toMatch(/^GONOSUMDB +corp\.example\.com +\[from GOPRIVATE\]$/m);
    } finally {
      h.cleanup();
    }
  });
});
