// Gathers what the config model needs from the machine: go version, GOENV file, $GOROOT/go.env, go.mod.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildConfigModel, withGoReported } from '../core/config-model.js';
import { getGoenvPath } from '../core/goenv-location.js';
import { parseGoMod } from '../core/gomod.js';
import { modelProxies } from '../core/goproxy.js';
import { goVersionOf } from '../core/go-version.js';
import type { LoadedConfig } from '../core/loaded-config.js';
import { startGoEnv } from './run-go.js';
import { findExecutable } from './which.js';

/** Reads a file as UTF-8, or null when it does not exist or cannot be read. */
export async function readTextOrNull(path: string | null | undefined): Promise<string | null> {
  if (!path) return null;
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/** Loads the config model the way Go sees it; works without Go by reading the environment and GOENV file directly. */
export async function loadConfig(p: {
  go: string;
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  cwd?: string;
  timeoutMs?: number;
  /** `go env -json` already started (startGoEnv). */
  reported?: Promise<Record<string, string> | null>;
}): Promise<LoadedConfig> {
  const platform = p.platform ?? process.platform;
  const cwd = p.cwd ?? process.cwd();
  // One `go env -json` call gives the version and everything else (each go start costs tens of ms).
  const reported = await (p.reported ?? startGoEnv({ go: p.go, env: p.env, cwd, timeoutMs: p.timeoutMs }));
  const version = goVersionOf(reported?.GOVERSION);
  const computed = getGoenvPath({ platform, env: p.env });
  const goenvPath = reported?.GOENV ?? (computed === 'off' ? null : computed);
  const goroot = reported?.GOROOT ?? '';
  const [goenvText, gorootEnvText] = await Promise.all([
    readTextOrNull(goenvPath),
    readTextOrNull(goroot ? join(goroot, 'go.env') : null),
  ]);
  const computedModel = buildConfigModel({ env: p.env, goenvPath, goenvText, gorootEnvText, goVersion: version });
  const model = withGoReported(computedModel, reported);
  const goModPath =
    reported?.GOMOD && reported.GOMOD !== '/dev/null' && reported.GOMOD !== 'NUL'
      ? reported.GOMOD
      : join(cwd, 'go.mod');
  const goModText = await readTextOrNull(goModPath);
  return {
    model,
    proxies: modelProxies(model),
    go: version
      ? { path: findExecutable(p.go, p.env, platform) ?? p.go, version, goenv: goenvPath ?? 'off', goroot }
      : null,
    goModPath: goModText === null ? null : goModPath,
    gomodcache: reported?.GOMODCACHE || null,
    goMod: goModText === null ? null : parseGoMod(goModText),
  };
}
