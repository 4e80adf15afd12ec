// Precedence (cmd/go/internal/cfg/cfg.go Getenv, EnvOrAndChanged): non-empty env > GOENV file > $GOROOT/go.env >
// compiled default; GONOPROXY/GONOSUMDB default to GOPRIVATE (cfg.go envOr); empty-value trap differs 1.19 vs 1.21+.
import { describe, expect, it } from 'vitest';
import { buildConfigModel, getVar, shadowedVars } from '../../src/core/config-model.js';

const GOROOT_ENV = 'GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=auto\n';
const base = { goenvPath: '/h/.config/go/env', goenvText: null, gorootEnvText: GOROOT_ENV, goVersion: 'go1.26.0' };

describe('buildConfigModel', () => {
  it('takes defaults from $GOROOT/go.env on 1.21+', () => {
    const m = buildConfigModel({ ...base, env: {} });
    expect(m.vars.GOPROXY).toMatchObject({
      value: 'https://proxy.golang.org,direct',
      source: 'goroot',
      inGoenvFile: false,
    });
    expect(m.vars.GOTOOLCHAIN).toMatchObject({ value: 'auto', source: 'goroot' });
    expect(m.vars.GOAUTH).toMatchObject({ value: 'netrc', source: 'default' });
    expect(m.vars.GOENV).toMatchObject({ value: '/h/.config/go/env', source: 'default' });
  });
  it('uses compiled defaults on 1.19 and ignores go.env there', () => {
    const m = buildConfigModel({
      ...base,
      gorootEnvText: 'GOPROXY=https://mirror.example',
      goVersion: 'go1.19.8',
      env: {},
    });
    expect(m.vars.GOPROXY).toMatchObject({ value: 'https://proxy.golang.org,direct', source: 'default' });
    expect(m.vars.GOTOOLCHAIN!.value).toBe('');
  });
  it('env beats the GOENV file and records shadowing; empty env does not', () => {
    const m = buildConfigModel({
      ...base,
      goenvText: 'GOPROXY=https://file.example\nGOPRIVATE=file.corp\nGOFLAGS=-mod=mod\n',
      env: { GOPROXY: 'https://env.example', GOPRIVATE: '', GOFLAGS: '-mod=mod' },
    });
    expect(m.vars.GOPROXY).toMatchObject({
      value: 'https://env.example',
      source: 'env',
      shadowedGoenvValue: 'https://file.example',
      inGoenvFile: true,
    });
    expect(m.vars.GOPRIVATE).toMatchObject({ value: 'file.corp', source: 'goenv' });
    expect(m.vars.GOFLAGS!.shadowedGoenvValue).toBeUndefined();
    expect(shadowedVars(m).map((v) => v.name)).toEqual(['GOPROXY']);
  });
  it('GONOPROXY/GONOSUMDB default to GOPRIVATE unless set', () => {
    const m = buildConfigModel({
      ...base,
      goenvText: 'GOPRIVATE=*.corp.com\nGONOSUMDB=\n',
      env: { GONOPROXY: 'none' },
    });
    expect(m.vars.GONOPROXY).toMatchObject({ value: 'none', source: 'env' });
    expect(m.vars.GONOSUMDB).toMatchObject({
      value: '*.corp.com',
      source: 'default',
      defaultValue: '*.corp.com',
      inGoenvFile: true,
    });
    expect(getVar(m, 'GONOSUMDB')).toBe('*.corp.com');
  });
  it('an empty GOPROXY in the GOENV file breaks 1.21+ but falls back on 1.19', () => {
    const text = 'GOPROXY=\nGOSUMDB=\n';
    const m26 = buildConfigModel({ ...base, goenvText: text, env: {} });
    expect(m26.vars.GOPROXY).toMatchObject({
      value: '',
      source: 'goenv',
      defaultValue: 'https://proxy.golang.org,direct',
    });
    expect(m26.vars.GOSUMDB!.value).toBe('');
    const m19 = buildConfigModel({ ...base, goenvText: text, goVersion: 'go1.19.8', env: {} });
    expect(m19.vars.GOPROXY).toMatchObject({
      value: 'https://proxy.golang.org,direct',
      source: 'default',
      inGoenvFile: true,
    });
  });
  it('a go.env edited by a packager is honoured; unknown go.env assumes upstream', () => {
    const m = buildConfigModel({ ...base, gorootEnvText: 'GOPROXY=https://goproxy.cn,direct\n', env: {} });
    expect(m.vars.GOPROXY).toMatchObject({ value: 'https://goproxy.cn,direct', source: 'goroot' });
    expect(m.vars.GOSUMDB!.value).toBe('');
    const unknown = buildConfigModel({ ...base, gorootEnvText: null, goVersion: null, env: {} });
    expect(unknown.vars.GOSUMDB!.value).toBe('sum.golang.org');
  });
  it('models HTTP(S)_PROXY/NO_PROXY from env only, upper case winning', () => {
    const m = buildConfigModel({
      ...base,
      goenvText: 'HTTPS_PROXY=http://ignored',
      env: { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1', no_proxy: 'corp.com', HTTP_PROXY: '' },
    });
    expect(m.vars.HTTPS_PROXY).toMatchObject({ value: 'http://upper:1', source: 'env', inGoenvFile: false });
    expect(m.vars.NO_PROXY).toMatchObject({ value: 'corp.com', source: 'env' });
    expect(m.vars.HTTP_PROXY).toMatchObject({ value: '', source: 'default' });
  });
  it('GOENV from env', () => {
    const m = buildConfigModel({ ...base, env: { GOENV: 'off' }, goenvPath: 'off' });
    expect(m.vars.GOENV).toMatchObject({ value: 'off', source: 'env' });
  });
});
