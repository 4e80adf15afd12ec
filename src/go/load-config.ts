// Gathers what the config model needs from the machine: go version, GOENV file, $GOROOT/go.env, go.mod.
import { readFile } from 'node:fs';
import { join, posix, resolve, win32 } from 'node:path';
import { buildConfigModel, withGoReported } from '../core/config-model.js';
import { parseGoenvFile } from '../core/goenv-file.js';
import { getGoenvPath } from '../core/goenv-location.js';
import { parseGoMod } from '../core/gomod.js';
import { modelProxies } from '../core/goproxy.js';
import { goAtLeast, goVersionOf } from '../core/go-version.js';
import type { LoadedConfig } from '../core/loaded-config.js';
import { startGoEnv } from './run-go.js';
import { findExecutable } from './which.js';
import { installRootOf } from './go-install.js';

/**
 * Reads a file as UTF-8, or null when it does not exist or cannot be read. fs.readFile, not fs/promises: loading that
 * module (and readline with it) cost ~2 ms of a warm tidy's path; still off the event loop, so --timeout holds.
 */
export function readTextOrNull(path: string | null | undefined): Promise<string | null> {
  if (!path) return Promise.resolve(null);
  return new Promise((resolve) => {
    try {
      readFile(path, 'utf8', (err, text) => resolve(err ? null : text));
    } catch {
      resolve(null); // thrown at once: a path with a NUL byte
    }
  });
}

/** Where the configuration is read: the go binary, its environment, the module directory. */
interface ConfigPlace {
  go: string;
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  cwd?: string;
}

/** Loads the config model the way Go sees it; works without Go by reading the environment and GOENV file directly. */
export async function loadConfig(
  p: ConfigPlace & {
    timeoutMs?: number;
    /** `go env -json` already started (startGoEnv). */
    reported?: Promise<Record<string, string> | null>;
  },
): Promise<LoadedConfig> {
  const cwd = p.cwd ?? process.cwd();
  // One `go env -json` call gives the version and everything else (each go start costs tens of ms).
  const reported = await (p.reported ?? startGoEnv({ go: p.go, env: p.env, cwd, timeoutMs: p.timeoutMs }));
  return configOf(p, reported, goVersionOf(reported?.GOVERSION), reported?.GOROOT ?? '');
}

/**
 * The configuration worked out as Go works it out, without asking go (`go env -json` is a second go process: beside a
 * warm `go mod tidy` of ~55 ms on 2 cores it cost that run 5-8 ms). `version` is the installation's own
 * ($GOROOT/VERSION, go/go-install.ts). GOROOT, and the go.env read, as cmd/go/internal/cfg/cfg.go finds them (below):
 * from $GOROOT where it is set, else where the binary is (GOROOT/bin/go, os.Executable resolved); null when neither
 * is known — then only go can say. No GOMODCACHE (nothing watches the
 * module cache with it) and no GOMOD beyond <cwd>/go.mod: for a run that is over, read with it only where what go did
 * agrees (app/tidy.ts).
 */
export async function computeConfig(p: ConfigPlace & { version: string }): Promise<LoadedConfig | null> {
  const platform = p.platform ?? process.platform;
  const goenvPath = getGoenvPath({ platform, env: p.env });
  const goenvText = goenvPath === 'off' ? null : await readTextOrNull(goenvPath);
  // cmd/go/internal/cfg/cfg.go. Go 1.21+: go.env is read from initEnvCache's findGOROOT(the GOENV file's GOROOT):
  // that one cleaned, else the environment's cleaned, else where the binary is; the GOROOT go uses and reports is
  // init's SetGOROOT(Getenv("GOROOT")): the environment's as it is, else that same one. Go < 1.21 reads no go.env, and
  // its findGOROOT cleans Getenv("GOROOT"): the environment's, else the GOENV file's. A relative one is relative to
  // go's working directory (cwd here).
  const fromFile = goenvText === null ? '' : (parseGoenvFile(goenvText).get('GOROOT') ?? '');
  const fromEnv = p.env.GOROOT ?? '';
  const located = (set: string) => (set ? cleanPath(set, platform) : installRootOf(p.go, p.env, platform));
  const newer = goAtLeast(p.version, '1.21');
  const goEnvRoot = newer ? located(fromFile || fromEnv) : null;
  const goroot = newer ? fromEnv || goEnvRoot : located(fromEnv || fromFile);
  if (!goroot) return null;
  const cwd = p.cwd ?? process.cwd();
  const goEnvFile = goEnvRoot === null ? null : join(resolve(cwd, goEnvRoot), 'go.env');
  // go.env missing (a packager's tree, a GOROOT set to another one): Go has no defaults from it, so neither do we
  const goEnvText = goEnvFile === null ? null : ((await readTextOrNull(goEnvFile)) ?? '');
  return configOf(p, null, p.version, goroot, { goenvText, goEnvText });
}

/** Go's filepath.Clean of an absolute or relative path: normalized, with no trailing separator but a root's. */
function cleanPath(p: string, platform: NodeJS.Platform): string {
  const path = platform === 'win32' ? win32 : posix;
  const n = path.normalize(p);
  const root = path.parse(n).root;
  return n.length > root.length ? n.replace(platform === 'win32' ? /[\\/]+$/ : /\/+$/, '') : n;
}

/**
 * The loaded configuration from what go reported (or null: computed), the version, GOROOT, and the GOENV file and
 * go.env as computeConfig read them (else read here: the GOENV file go reported, GOROOT/go.env).
 */
async function configOf(
  p: ConfigPlace,
  reported: Record<string, string> | null,
  version: string | null,
  goroot: string,
  read?: { goenvText: string | null; goEnvText: string | null },
): Promise<LoadedConfig> {
  const platform = p.platform ?? process.platform;
  const cwd = p.cwd ?? process.cwd();
  const computed = getGoenvPath({ platform, env: p.env });
  const goenvPath = reported?.GOENV ?? (computed === 'off' ? null : computed);
  const [goenvText, gorootEnvText] = read
    ? [read.goenvText, read.goEnvText]
    : await Promise.all([readTextOrNull(goenvPath), readTextOrNull(goroot ? join(goroot, 'go.env') : null)]);
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
