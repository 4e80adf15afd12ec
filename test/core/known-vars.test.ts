import { describe, expect, it } from 'vitest';
import { GO_KNOWN_ENV, goDefaults, MODULE_VARS, usesGorootGoEnv } from '../../src/core/known-vars.js';

describe('known vars', () => {
  it('lists Go known env and module vars', () => {
    for (const v of ['GOPROXY', 'GOAUTH', 'GOTOOLCHAIN', 'GOFIPS140', 'CGO_ENABLED']) expect(GO_KNOWN_ENV).toContain(v);
    expect(GO_KNOWN_ENV).not.toContain('GONOSUMCHECK');
    expect(MODULE_VARS).toHaveLength(10);
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
