// The ClientHello check's decisions: which hellos, which verdict, which fix.
import { describe, expect, it } from 'vitest';
import { helloFixLines, helloVerdict, planHelloCheck } from '../../../src/core/tls/hello-check.js';

describe('planHelloCheck', () => {
  it('Go ≤ 1.23 sends a small hello: nothing to compare, no fix', () => {
    for (const v of ['go1.19.8', 'go1.21.13', 'go1.23.12']) expect(planHelloCheck(v, undefined).fix).toBeUndefined();
  });
  it('Go ≥ 1.24: fix tlsmlkem=0, merged into the current GODEBUG', () => {
    const p = planHelloCheck('go1.26.8', 'http2client=0');
    expect(p.go.keyShares.map((k) => k.group)).toEqual([0x11ec, 0x1d]);
    expect(p.fix).toMatchObject({ setting: 'tlsmlkem', value: '0', godebug: 'http2client=0,tlsmlkem=0' });
    expect(p.fix?.shape.keyShares).toEqual([{ group: 0x1d, bytes: 32 }]);
  });
  it('GODEBUG=tlsmlkem=0 already set: small, no fix', () => {
    expect(planHelloCheck('go1.27.3', 'tlsmlkem=0').fix).toBeUndefined();
  });
  it('Go 1.23 with GODEBUG=tlskyber=1: the fix is tlskyber=0 (tlsmlkem does not exist there)', () => {
    expect(planHelloCheck('go1.23.12', 'tlskyber=1').fix).toMatchObject({
      setting: 'tlskyber',
      godebug: 'tlskyber=1,tlskyber=0',
    });
  });
  it('unknown Go version: newest rules', () => expect(planHelloCheck(null, undefined).fix?.setting).toBe('tlsmlkem'));
});

describe('helloVerdict', () => {
  it.each([
    ['answered', undefined, 'ok'],
    ['answered', 'silent', 'ok'],
    ['silent', 'answered', 'large-dropped'],
    ['reset', 'answered', 'large-dropped'],
    ['silent', 'silent', 'no-answer'],
    ['silent', undefined, 'no-answer'],
    ['not-tls', 'not-tls', 'not-tls'],
  ] as const)('go %s, fixed %s → %s', (go, fixed, want) => expect(helloVerdict(go, fixed)).toBe(want));
});

describe('helloFixLines', () => {
  const fix = { setting: 'tlsmlkem', value: '0', godebug: 'tlsmlkem=0' };
  it('export, and why go env -w cannot do it', () => {
    const lines = helloFixLines(fix, 'go1.26.8', 'linux');
    expect(lines[0]).toMatch(/^export GODEBUG=tlsmlkem=0 {3}# Go 1\.26 then sends/);
    expect(lines[1]).toMatch(/cannot be set with go env -w.*CI/);
  });
  it('PowerShell on Windows', () =>
    expect(helloFixLines(fix, 'go1.26.8', 'win32')[0]).toMatch(/^\$env:GODEBUG = 'tlsmlkem=0'/));
});
