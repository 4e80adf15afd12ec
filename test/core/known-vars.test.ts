import { describe, expect, it } from 'vitest';
import {
  compareGoVersions,
  GO_KNOWN_ENV,
  goDefaults,
  MODULE_VARS,
  usesGorootGoEnv,
} from '../../src/core/known-vars.js';

describe('known vars', () => {
  it('lists Go known env and module vars', () => {
    for (const v of ['GOPROXY', 'GOAUTH', 'GOTOOLCHAIN', 'GOFIPS140', 'CGO_ENABLED']) expect(GO_KNOWN_ENV).toContain(v);
    expect(GO_KNOWN_ENV).not.toContain('GONOSUMCHECK');
    expect(MODULE_VARS).toHaveLength(10);
  });
  it('compares Go versions', () => {
    expect(compareGoVersions('go1.21.0', '1.19')).toBeGreaterThan(0);
    expect(compareGoVersions('go1.19.8', 'go1.19.8')).toBe(0);
    expect(compareGoVersions('go1.21rc1', 'go1.21.0')).toBeLessThan(0);
    expect(compareGoVersions('go1.9', 'go1.10')).toBeLessThan(0);
    expect(compareGoVersions('garbage', 'go1.1')).toBeLessThan(0);
  });
  it('gives version-appropriate defaults', () => {
    expect(goDefaults('go1.19.8')).toEqual({
      GOPROXY: 'https://proxy.golang.org,direct',
      GOSUMDB: 'sum.golang.org',
      GOTOOLCHAIN: '',
      GOAUTH: '',
    });
    expect(goDefaults('go1.26.0')).toMatchObject({ GOTOOLCHAIN: 'auto', GOAUTH: 'netrc' });
    expect(goDefaults(null).GOTOOLCHAIN).toBe('auto');
    expect(usesGorootGoEnv('go1.19.8')).toBe(false);
    expect(usesGorootGoEnv('go1.21.0')).toBe(true);
  });
});
