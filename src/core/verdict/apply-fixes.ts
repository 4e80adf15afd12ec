// The configuration Go would see after a fix: the fixes applied to the GOENV file and to the environment, and the
// config model rebuilt from them with the one precedence chain (config-model.ts buildConfigModel), so a GOPRIVATE
// change also moves the GONOPROXY/GONOSUMDB that default to it (cfg.go envOr).
import { buildConfigModel, ENV_ONLY_VARS } from '../config-model.js';
import type { ConfigModel } from '../config-types.js';
import type { Fix } from '../fix/fix.js';
import type { Env } from './reach.js';

/** A configuration: the model and the environment it was built from. */
export interface Config {
  model: ConfigModel;
  env: Env;
}

/** The GOENV file's keys as the model knows them (a key shadowed by the environment keeps its file value). */
function goenvFileOf(model: ConfigModel): Map<string, string> {
  const file = new Map<string, string>();
  for (const v of Object.values(model.vars)) {
    if (!v.inGoenvFile) continue;
    if (v.shadowedGoenvValue !== undefined) file.set(v.name, v.shadowedGoenvValue);
    else file.set(v.name, v.source === 'goenv' ? v.value : '');
  }
  return file;
}

/** The GOENV file text Go would read for this model (what a throw-away GOENV holds to prove a fix). */
export function goenvTextOf(model: ConfigModel): string {
  return [...goenvFileOf(model)].map(([k, v]) => `${k}=${v}`).join('\n');
}

/** $GOROOT/go.env as the model knows it (the defaults that came from there). */
function gorootTextOf(model: ConfigModel): string {
  const lines: string[] = [];
  for (const name of ['GOPROXY', 'GOSUMDB', 'GOTOOLCHAIN']) {
    const v = model.vars[name];
    if (v && v.defaultValue !== '') lines.push(`${name}=${v.defaultValue}`);
  }
  return lines.join('\n');
}

/**
 * Sets or unsets one environment variable. Unsetting a proxy variable removes both spellings; setting one writes the
 * upper-case name, which wins when non-empty (x/net/http/httpproxy FromEnvironment getEnvAny).
 */
function setEnv(env: Env, name: string, value: string | undefined): void {
  if (value !== undefined) {
    env[name] = value;
    return;
  }
  delete env[name];
  if ((ENV_ONLY_VARS as readonly string[]).includes(name)) delete env[name.toLowerCase()];
}

/** The value a `set` fix writes: its value, another variable's, or the list with the item appended. */
function fixValue(fix: Extract<Fix, { kind: 'set' }>, env: Env): string {
  if (fix.valueFrom !== undefined) return env[fix.valueFrom] ?? env[fix.valueFrom.toLowerCase()] ?? '';
  const value = fix.value ?? '';
  if (!fix.append) return value;
  const current = env[fix.variable] || env[fix.variable.toLowerCase()] || '';
  return current === '' ? value : `${current},${value}`;
}

/** The configuration after the fixes (commands and comments change nothing Go reads). */
export function applyFixes(config: Config, fixes: Fix[]): Config {
  const env: Env = { ...config.env };
  const file = goenvFileOf(config.model);
  for (const fix of fixes) {
    if (fix.kind === 'set') {
      const value = fixValue(fix, env);
      if (fix.scope === 'env') setEnv(env, fix.variable, value);
      else file.set(fix.variable, value);
    } else if (fix.kind === 'unset') {
      if (fix.scope === 'env') setEnv(env, fix.variable, undefined);
      else file.delete(fix.variable);
    }
  }
  const goenvText = [...file].map(([k, v]) => `${k}=${v}`).join('\n');
  const model = buildConfigModel({
    env,
    goenvPath: config.model.goenvPath,
    goenvText,
    gorootEnvText: gorootTextOf(config.model),
    goVersion: config.model.goVersion,
  });
  return { model, env };
}
