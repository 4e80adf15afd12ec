// The config model: every module-download variable with its effective value and where it came from.
// Precedence (cmd/go/internal/cfg/cfg.go Getenv, EnvOrAndChanged; docs/go-rules.md#where-a-setting-comes-from):
// non-empty process env > GOENV file (a key there, even empty, hides go.env) > $GOROOT/go.env (1.21+) >
// compiled default. An empty value falls back to EnvOr's default: GONOPROXY/GONOSUMDB ← GOPRIVATE (cfg.go envOr).
import { parseGoenvFile } from './goenv-file.js';
import { goDefaults, MODULE_VARS, UPSTREAM_GO_ENV, usesGorootGoEnv } from './known-vars.js';
import type { ConfigModel, ConfigSource, ConfigVar } from './config-types.js';

/** What buildConfigModel reads: all plain values, gathered at the edge. */
interface ConfigModelInput {
  env: Record<string, string | undefined>;
  goenvPath: string | null;
  goenvText: string | null;
  gorootEnvText: string | null;
  goVersion: string | null;
}

/** Variables read only from the process environment (net/http ProxyFromEnvironment: upper case wins). */
export const ENV_ONLY_VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY'] as const;

interface Sources {
  input: ConfigModelInput;
  file: Map<string, string>;
  goroot: Map<string, string>;
}

/** EnvOr's default in cmd/go for this variable and version (what an empty value falls back to). */
function compiledDefault(name: string, goVersion: string | null, goprivate: string): string {
  if (name === 'GONOPROXY' || name === 'GONOSUMDB') return goprivate;
  if (name === 'GOAUTH') return goDefaults(goVersion).GOAUTH ?? '';
  if ((name === 'GOPROXY' || name === 'GOSUMDB') && !usesGorootGoEnv(goVersion))
    return goDefaults(goVersion)[name] ?? '';
  return '';
}

/** Resolves one GO* variable through the precedence chain. */
function resolveVar(name: string, s: Sources, goprivate: string): ConfigVar {
  const def = compiledDefault(name, s.input.goVersion, goprivate);
  const gorootValue = s.goroot.get(name) ?? '';
  const defaultValue = gorootValue !== '' ? gorootValue : def;
  const defaultSource: ConfigSource = gorootValue !== '' ? 'goroot' : 'default';
  const inGoenvFile = s.file.has(name);
  const fileValue = s.file.get(name);
  const envValue = s.input.env[name] ?? '';
  const v: ConfigVar = { name, value: defaultValue, source: defaultSource, defaultValue, inGoenvFile };
  if (envValue !== '') {
    v.value = envValue;
    v.source = 'env';
    if (fileValue !== undefined && fileValue !== envValue) v.shadowedGoenvValue = fileValue;
  } else if (fileValue !== undefined) {
    // A key in the user file hides go.env even when empty; then EnvOr's compiled default applies.
    v.value = fileValue !== '' ? fileValue : def;
    v.source = fileValue !== '' || def === '' ? 'goenv' : 'default';
  }
  return v;
}

/** An env-only variable (HTTP_PROXY & co): upper case wins over lower case when non-empty. */
function envOnlyVar(name: string, env: Record<string, string | undefined>): ConfigVar {
  const value = env[name] || env[name.toLowerCase()] || '';
  return { name, value, source: value !== '' ? 'env' : 'default', defaultValue: '', inGoenvFile: false };
}

/** Builds the config model from the environment, the GOENV file and $GOROOT/go.env. */
export function buildConfigModel(input: ConfigModelInput): ConfigModel {
  const gorootText = input.gorootEnvText;
  const goroot = !usesGorootGoEnv(input.goVersion)
    ? new Map<string, string>()
    : gorootText !== null
      ? parseGoenvFile(gorootText)
      : new Map(Object.entries(UPSTREAM_GO_ENV));
  const s: Sources = { input, file: parseGoenvFile(input.goenvText ?? ''), goroot };
  const vars: Record<string, ConfigVar> = {};
  vars.GOPRIVATE = resolveVar('GOPRIVATE', s, '');
  for (const name of MODULE_VARS) vars[name] ??= resolveVar(name, s, vars.GOPRIVATE.value);
  const goenvEnv = input.env.GOENV ?? '';
  vars.GOENV = {
    name: 'GOENV',
    value: goenvEnv !== '' ? goenvEnv : (input.goenvPath ?? ''),
    source: goenvEnv !== '' ? 'env' : 'default',
    defaultValue: input.goenvPath ?? '',
    inGoenvFile: false,
  };
  for (const name of ENV_ONLY_VARS) vars[name] = envOnlyVar(name, input.env);
  return { goVersion: input.goVersion, goenvPath: input.goenvPath, vars };
}

/**
 * The model as Go sees it: each module variable takes the value `go env -json` reported (what Go really uses);
 * where our precedence rules computed something else, that is kept in `computed` so the doctor can say so.
 */
export function withGoReported(model: ConfigModel, reported: Record<string, string> | null): ConfigModel {
  if (!reported) return model;
  const vars = { ...model.vars };
  for (const name of MODULE_VARS) {
    // gomodctl runs `go env` with GOTOOLCHAIN=local (go/run-go.ts diagnosticEnv): that value is ours, not the user's.
    if (name === 'GOTOOLCHAIN') continue;
    const v = vars[name];
    const r = reported[name];
    if (v && r !== undefined && r !== v.value) vars[name] = { ...v, value: r, computed: v.value };
  }
  return { ...model, vars };
}

/** The effective value of a variable ("" when the model does not hold it). */
export function getVar(model: ConfigModel, name: string): string {
  return model.vars[name]?.value ?? '';
}

/** Variables whose GOENV-file value is hidden by a different non-empty process environment value. */
export function shadowedVars(model: ConfigModel): ConfigVar[] {
  return Object.values(model.vars).filter((v) => v.shadowedGoenvValue !== undefined);
}
