import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EXPORT_FORMATS, parseExportFormat, renderExport } from '../../../src/core/init/export.js';

// Values chosen to break naive quoting: quotes, $, backslash, pipe, spaces.
const vars: Array<[string, string]> = [
  ['GOPROXY', "https://goproxy.cn|https://proxy.example.com/a'b$HOME\\x,direct"],
  ['GOPRIVATE', 'corp.example.com,github.com/acme'],
  ['GOSUMDB', 'sum.example.com+abcdef01+AQID https://sum.example.com'],
];

describe('renderExport', () => {
  it('shell: a real sh reads every value back unchanged', () => {
    const snippet = renderExport('shell', vars);
    for (const [k, v] of vars) {
      const got = execFileSync('sh', ['-c', `${snippet.trimEnd()}; printf %s "$${k}"`], {
        encoding: 'utf8',
        timeout: 5000,
        env: { PATH: process.env.PATH },
      });
      expect(got).toBe(v);
    }
  });

  it.each(['github-actions', 'gitlab-ci'] as const)('%s: parses as YAML with the exact values', (format) => {
    const doc = parseYaml(renderExport(format, vars)) as Record<string, Record<string, string>>;
    const key = format === 'github-actions' ? 'env' : 'variables';
    expect(doc[key]).toEqual(Object.fromEntries(vars));
  });

  it('devcontainer: JSON containerEnv', () => {
    expect(JSON.parse(renderExport('devcontainer', vars))).toEqual({ containerEnv: Object.fromEntries(vars) });
  });

  it('dockerfile: ENV lines whose double-quoted values unescape to the originals', () => {
    const lines = renderExport('dockerfile', vars)
      .split('\n')
      .filter((l) => l.startsWith('ENV '));
    const got = lines.map((l) => {
      const m = /^ENV ([A-Z]+)="((?:[^"\\]|\\.)*)"$/.exec(l)!;
      return [m[1], m[2]!.replace(/\\(.)/g, '$1')];
    });
    expect(got).toEqual(vars);
  });

  it('powershell: single-quoted with doubled quotes', () => {
    expect(renderExport('powershell', [['GOPROXY', "a'b"]])).toContain("$env:GOPROXY = 'a''b'");
  });

  it('rejects unknown formats with the list', () => {
    expect(() => parseExportFormat('bash')).toThrow(/shell, powershell/);
    for (const f of EXPORT_FORMATS) expect(parseExportFormat(f)).toBe(f);
  });
});
