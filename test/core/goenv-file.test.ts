// cmd/go/internal/cfg/cfg.go readEnvFile.
import { describe, expect, it } from 'vitest';
import { parseGoenvFile } from '../../src/core/goenv-file.js';

describe('parseGoenvFile', () => {
  it('reads KEY=VALUE verbatim, last duplicate wins, ignores non A–Z lines', () => {
    const text = [
      'GOPROXY=https://a.example,direct',
      '# comment=ignored',
      ' GOPRIVATE=indented.ignored',
      'lower=ignored',
      'NOEQUALS',
      'GOPRIVATE="x"',
      'GOFLAGS=-mod=mod=x',
      'GONOSUMDB=a.com\r',
      'GOPRIVATE=corp.com',
      'GOSUMDB=',
      '',
    ].join('\n');
    const m = parseGoenvFile(text);
    expect([...m.entries()]).toEqual([
      ['GOPROXY', 'https://a.example,direct'],
      ['GOPRIVATE', 'corp.com'],
      ['GOFLAGS', '-mod=mod=x'],
      ['GONOSUMDB', 'a.com\r'],
      ['GOSUMDB', ''],
    ]);
  });
  it('keeps quotes as part of the value', () => {
    expect(parseGoenvFile('GOPRIVATE="x"').get('GOPRIVATE')).toBe('"x"');
  });
  it('handles an empty file', () => {
    expect(parseGoenvFile('').size).toBe(0);
  });
});
