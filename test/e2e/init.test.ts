// gomodctl init, non-interactive, against the real go with a temporary GOENV (issue #4).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { makeHermeticGo, TEST_GO, type HermeticGo } from '../helpers/go-env.js';
import { runCli } from '../helpers/run-cli.js';

let h: HermeticGo;
afterEach(() => h?.cleanup());

/** Hermetic env without the helper's GOPROXY/GOSUMDB, so the GOENV file is what go uses. */
function fresh(extra: NodeJS.ProcessEnv = {}): HermeticGo {
  h = makeHermeticGo({ GOPROXY: undefined, GOSUMDB: undefined, GONOSUMDB: undefined, ...extra });
  return h;
}

function goenvText(): string | null {
  return existsSync(h.env.GOENV!) ? readFileSync(h.env.GOENV!, 'utf8') : null;
}

function goEnvJson(names: string[]): Record<string, string> {
  return JSON.parse(
    execFileSync(TEST_GO, ['env', '-json', ...names], { env: h.env, encoding: 'utf8', timeout: 15_000 }),
  );
}

const run = (args: string[]) => runCli(args, { env: h.env, cwd: h.dir, timeoutMs: 30_000 });

describe('gomodctl init --yes', () => {
  it('writes exactly the given values and go reads them back', async () => {
    fresh();
    const proxy = 'https://goproxy.cn|https://proxy.golang.org,direct';
    const r = await run([
      'init',
      '--yes',
      '--proxy',
      proxy,
      '--private',
      'corp.example.com,github.com/acme',
      '--sumdb',
      'sum.golang.google.cn',
    ]);
    expect(r.stderr).toBe('');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/restore --yes/);
    expect(goEnvJson(['GOPROXY', 'GOPRIVATE', 'GOSUMDB'])).toEqual({
      GOPROXY: proxy,
      GOPRIVATE: 'corp.example.com,github.com/acme',
      GOSUMDB: 'sum.golang.google.cn',
    });
  });

  it('--json reports the applied plan with schemaVersion 1 and a backup id', async () => {
    fresh();
    const r = await run(['init', '--yes', '--json', '--preset', 'china', '--no-direct', '--no-probe']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, command: 'init', dryRun: false, applied: true });
    expect(doc.ops).toEqual([
      { op: 'set', name: 'GOPROXY', value: 'https://goproxy.cn' },
      { op: 'set', name: 'GOSUMDB', value: 'sum.golang.google.cn' },
    ]);
    expect(doc.verified).toEqual({ GOPROXY: 'https://goproxy.cn', GOSUMDB: 'sum.golang.google.cn' });
    expect(doc.backupId).toMatch(/^\d{8}T\d{9}Z-/);
  });

  it('--dry-run prints the plan and the exact command and writes nothing', async () => {
    fresh();
    const r = await run(['init', '--dry-run', '--proxy', 'https://a.example.com|https://b.example.com,direct']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain("go env -w 'GOPROXY=https://a.example.com|https://b.example.com,direct'");
    expect(r.stdout).toContain('(unset) → https://a.example.com|https://b.example.com,direct');
    expect(goenvText()).toBeNull();
    const j = await run(['init', '--dry-run', '--json', '--private', 'corp.example.com']);
    expect(JSON.parse(j.stdout)).toMatchObject({
      schemaVersion: 1,
      dryRun: true,
      applied: false,
      commands: ['go env -w GOPRIVATE=corp.example.com'],
    });
    expect(goenvText()).toBeNull();
  });

  it('reports a variable the process environment shadows (go env -w has no effect then)', async () => {
    fresh({ GOPROXY: 'https://env.example.com' });
    const r = await run(['init', '--yes', '--proxy', 'https://goproxy.cn,direct']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/GOPROXY is set in the process environment \(GOPROXY=https:\/\/env\.example\.com\)/);
    expect(goenvText()).toContain('GOPROXY=https://goproxy.cn,direct');
  });
});

describe('bad input: exit 2, a sentence naming the value, GOENV file byte-for-byte unchanged', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['keyword typo', ['--yes', '--proxy', 'Direct'], /"Direct"/],
    ['scheme', ['--yes', '--proxy', 'ftp://proxy.example.com'], /ftp:\/\/proxy\.example\.com/],
    ['empty proxy', ['--yes', '--proxy', ''], /GOPROXY/],
    ['spaces in patterns', ['--yes', '--private', 'a.example.com, b.example.com'], /"a\.example\.com,b\.example\.com"/],
    ['malformed glob', ['--yes', '--private', 'corp[.example.com'], /corp\[\.example\.com/],
    ['bad sumdb', ['--yes', '--sumdb', 'sum.example.com+zz'], /sum\.example\.com\+zz/],
    ['unknown preset', ['--yes', '--preset', 'mars'], /"mars"/],
    ['unknown export', ['--export', 'bash', '--preset', 'china'], /"bash"/],
    ['credentials', ['--yes', '--proxy', 'https://u:hunter2@proxy.example.com'], /credentials/],
    ['no terminal, no --yes', ['--proxy', 'https://goproxy.cn,direct'], /--yes/],
    ['no terminal, no flags', [], /--yes --proxy/],
    ['--yes without values', ['--yes'], /--yes needs the values to write: --preset NAME/],
    ['space inside a pattern', ['--yes', '--private', 'a b'], /space inside "a b"/],
  ];
  it.each(cases)('%s', async (_name, args, named) => {
    fresh();
    mkdirSync(dirname(h.env.GOENV!), { recursive: true });
    const before = '# my notes\nGOPROXY=https://old.example.com\nGOFLAGS=-mod=mod\n';
    writeFileSync(h.env.GOENV!, before);
    const r = await run(['init', ...args]);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stderr).toMatch(named);
    expect(r.stderr).not.toContain('hunter2');
    expect(r.stdout).toBe('');
    expect(readFileSync(h.env.GOENV!, 'utf8')).toBe(before);
  });
});

describe('gomodctl init --export', () => {
  it('prints a shell snippet that a real sh evaluates to the same values, writing nothing', async () => {
    fresh();
    const r = await run([
      'init',
      '--export',
      'shell',
      '--proxy',
      'https://goproxy.cn|https://proxy.golang.org,direct',
      '--private',
      'corp.example.com',
    ]);
    expect(r.exitCode, r.stderr).toBe(0);
    const got = execFileSync('sh', ['-c', `${r.stdout.trimEnd()}; printf '%s\\n%s' "$GOPROXY" "$GOPRIVATE"`], {
      encoding: 'utf8',
      timeout: 5000,
    });
    expect(got).toBe('https://goproxy.cn|https://proxy.golang.org,direct\ncorp.example.com');
    expect(goenvText()).toBeNull();
  });

  it('without values exports what this machine has set (GOENV file and environment)', async () => {
    fresh({ GONOSUMDB: 'corp.example.com' });
    execFileSync(TEST_GO, ['env', '-w', 'GOPROXY=https://goproxy.cn,direct'], { env: h.env, timeout: 15_000 });
    const r = await run(['init', '--export', 'gitlab-ci']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(parseYaml(r.stdout)).toEqual({
      variables: { GOPROXY: 'https://goproxy.cn,direct', GONOSUMDB: 'corp.example.com' },
    });
  });
});
