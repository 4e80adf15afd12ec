// GODEBUG as each go reads it: parsing order per release, the go binary's own defaults, removed settings.
import { describe, expect, it } from 'vitest';
import {
  effectiveGodebug,
  godebugExists,
  godebugFatalError,
  goBinaryDefaultGodebug,
  parseGodebug,
  withGodebug,
} from '../../src/core/godebug.js';

describe('parseGodebug', () => {
  it('Go 1.19: the first name=value wins (internal/godebug.Get scans forward)', () => {
    expect(parseGodebug('http2client=0,http2client=1', 'go1.19.8').get('http2client')).toBe('0');
  });
  it('Go 1.20+: the last one wins (internal/godebug parse scans backward)', () => {
    expect(parseGodebug('tlsmlkem=1,tlsmlkem=0', 'go1.26.8').get('tlsmlkem')).toBe('0');
  });
  it('entries without "=" are ignored; from 1.21 a #bisect suffix is not part of the value', () => {
    expect([...parseGodebug('junk,=x,a=1#1+2', 'go1.26.8')]).toEqual([['a', '1']]);
    expect(parseGodebug('a=1#1+2', 'go1.20.14').get('a')).toBe('1#1+2');
  });
});

describe('effectiveGodebug: environment first, then the go binary defaults', () => {
  it('the go command of 1.21–1.23 carries Go 1.20 compatibility defaults (measured with go version -m)', () => {
    expect(goBinaryDefaultGodebug('go1.23.12')).toContain('tlskyber=0');
    expect(goBinaryDefaultGodebug('go1.22.12')).toContain('tlsrsakex=1');
    expect(goBinaryDefaultGodebug('go1.19.8')).toBe('');
    expect(goBinaryDefaultGodebug('go1.26.8')).toBe('');
  });
  it('GODEBUG overrides the binary default', () => {
    expect(effectiveGodebug(undefined, 'go1.23.12').get('tlskyber')).toBe('0');
    expect(effectiveGodebug('tlskyber=1', 'go1.23.12').get('tlskyber')).toBe('1');
  });
});

describe('godebugExists', () => {
  it.each([
    ['tlsmlkem', 'go1.23.12', false],
    ['tlsmlkem', 'go1.24.0', true],
    ['tlskyber', 'go1.23.12', true],
    ['tlskyber', 'go1.24.13', false],
    ['tlsrsakex', 'go1.26.8', true],
    ['tlsrsakex', 'go1.27.3', false],
    ['x509sslcertoverrideplatform', 'go1.26.8', false],
    ['x509sslcertoverrideplatform', 'go1.27.3', true],
    ['http2client', 'go1.19.8', true],
  ])('%s in %s: %s', (name, v, want) => expect(godebugExists(name, v)).toBe(want));
});

describe('godebugFatalError (Go ≥ 1.27 refuses a removed setting set to its old value)', () => {
  it('names the first offending entry, even one a later entry overrides', () => {
    expect(godebugFatalError('tlskyber=0', 'go1.27.3')).toBe(
      'removed GODEBUG "tlskyber" set to old value "0" in environment (https://go.dev/doc/godebug#go-124)',
    );
    expect(godebugFatalError('tlsmlkem=0,tlsrsakex=1,tlsrsakex=0', 'go1.27.3')).toMatch(
      /"tlsrsakex" set to old value "1"/,
    );
  });
  it('a new value of a removed setting, and any value before 1.27, are fine', () => {
    expect(godebugFatalError('tlskyber=1,tlsrsakex=0', 'go1.27.3')).toBeNull();
    expect(godebugFatalError('tlskyber=0', 'go1.26.8')).toBeNull();
  });
});

describe('withGodebug', () => {
  it('appends where the last entry wins, prepends for Go 1.19 where the first wins', () => {
    expect(withGodebug(undefined, 'tlsmlkem', '0', 'go1.26.8')).toBe('tlsmlkem=0');
    expect(withGodebug('http2client=0', 'tlsmlkem', '0', 'go1.26.8')).toBe('http2client=0,tlsmlkem=0');
    expect(withGodebug('http2client=1', 'http2client', '0', 'go1.19.8')).toBe('http2client=0,http2client=1');
  });
});
