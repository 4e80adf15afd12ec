// The fix vocabulary: where a change must happen (GOENV file or OS environment) is decided from the config model.
import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../src/core/config-model.js';
import {
  commandFix,
  commentFix,
  copyVarFix,
  fixScope,
  fixVariable,
  setFix,
  unsetFix,
} from '../../../src/core/fix/fix.js';

const model = buildConfigModel({
  env: { GOPROXY: 'https://goproxy.cn,direct' },
  goenvPath: '/tmp/env',
  goenvText: 'GOPRIVATE=corp.example.com\n',
  gorootEnvText: null,
  goVersion: 'go1.26.8',
});

describe('fix builders', () => {
  it('a variable the OS environment sets must change there; others go to the GOENV file', () => {
    expect(fixScope(model, 'GOPROXY')).toBe('env');
    expect(fixScope(model, 'GOPRIVATE')).toBe('goenv');
    expect(fixScope(model, 'GOSUMDB')).toBe('goenv');
    expect(fixScope(null, 'GOSUMDB')).toBe('goenv');
  });
  it('variables go env -w cannot hold are always the environment', () => {
    for (const v of ['HTTPS_PROXY', 'SSL_CERT_FILE', 'GODEBUG', 'GOENV', 'GOTIMEOUT'])
      expect(fixScope(null, v)).toBe('env');
  });
  it('builds data, with the note only when given', () => {
    expect(setFix(model, 'GOPROXY', 'direct', 'why')).toEqual({
      kind: 'set',
      variable: 'GOPROXY',
      value: 'direct',
      scope: 'env',
      note: 'why',
    });
    expect(unsetFix(model, 'GOSUMDB')).toEqual({ kind: 'unset', variable: 'GOSUMDB', scope: 'goenv' });
    expect(copyVarFix('HTTPS_PROXY', 'HTTP_PROXY')).toEqual({
      kind: 'set',
      variable: 'HTTPS_PROXY',
      valueFrom: 'HTTP_PROXY',
      scope: 'env',
    });
    expect(commandFix(['gomodctl', 'init'])).toEqual({ kind: 'command', argv: ['gomodctl', 'init'] });
    expect(fixVariable(commentFix('remove x from GOPROXY', 'GOPROXY'))).toBe('GOPROXY');
    expect(fixVariable(commandFix(['gomodctl', 'doctor']))).toBeUndefined();
  });
});
