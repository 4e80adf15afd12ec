// The edge of "what Go will need": finds the module (or go.work workspace) the way `go env` does, reads go.mod, go.sum,
// go.work, the main packages and the module cache, and asks core/needs what `go mod tidy` or
// `go mod download` will fetch. The only network is the injected getMod (go.mod files the cache lacks).
import { accessSync, constants, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { getVar } from '../core/config-model.js';
import type { ConfigModel } from '../core/types.js';
import { parseGoWork } from '../core/needs/gowork.js';
import { predictNeeds, type MainModuleInput, type NeedsIO, type NeedsResult } from '../core/needs/needs.js';
import type { CodeOwner } from '../core/needs/load-packages.js';
import type { ModVer, Need, NeedsCommand } from '../core/needs/types.js';
import { parseGoMod } from '../core/gomod.js';
import { loadConfig, goVersionOf } from './load-config.js';
import { mainModulePackages } from './main-packages.js';
import { ModuleCache, readGoFiles } from './module-cache.js';
import { getGoEnvJson } from './run-go.js';

/** Options of predictGoNeeds. */
export interface PredictNeedsOptions {
  go: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  command: NeedsCommand;
  /** Fetches a go.mod the module cache lacks (the verdict engine's route walk); without it such go.mod files are unreadable. */
  getMod?: (path: string, version: string) => Promise<string>;
  /** The config model, when the caller has it (else loaded here). */
  model?: ConfigModel;
  /** Bound for the `go env` call (default 30 s). */
  timeoutMs?: number;
}

/** The prediction for one go command run (tidy runs once per workspace module). */
export interface NeedsRun {
  /** The module directory (tidy) or the workspace/module root (download). */
  dir: string;
  result: NeedsResult;
}

/** Every run's result, and their needs merged (each need once). */
export interface PredictedNeeds {
  runs: NeedsRun[];
  needs: Need[];
  /** Set when there is no module here: nothing to predict. */
  noModule?: string;
}

const exists = (p: string): boolean => {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
};

/** Exec's PATH lookup of a toolchain name (exec.LookPath). */
function inPath(env: NodeJS.ProcessEnv, name: string): boolean {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE').split(';') : [''];
  for (const d of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const ext of exts) {
      try {
        accessSync(join(d, name + ext.toLowerCase()), process.platform === 'win32' ? constants.F_OK : constants.X_OK);
        return true;
      } catch {
        // not here
      }
    }
  }
  return false;
}

/** Local code: the package directory unless a nested go.mod puts it in another module (import.go dirInModule). */
async function localPackageFiles(root: string, rel: string) {
  const dir = join(root, ...rel.split('/').filter(Boolean));
  for (let d = dir; d !== root && d.length > root.length; d = dirname(d))
    if (exists(join(d, 'go.mod'))) return 'absent' as const;
  return readGoFiles(dir);
}

function makeIO(cache: ModuleCache, opts: PredictNeedsOptions): NeedsIO {
  return {
    cacheFiles: (m: ModVer) => cache.cacheFiles(m),
    cachedMod: (m: ModVer) => cache.cachedMod(m),
    sumdbCached: (name: string, m: ModVer) => cache.sumdbCached(name, m),
    getMod: async (m: ModVer) => {
      if (!opts.getMod) throw new Error(`${m.path}@${m.version}: go.mod not in the module cache (no fetcher given)`);
      return opts.getMod(m.path, m.version);
    },
    localGoMod: (dir: string) => readFile(join(dir, 'go.mod'), 'utf8').catch(() => null),
    packageFiles: (owner: CodeOwner, rel: string) =>
      owner.dir !== undefined ? localPackageFiles(owner.dir, rel) : cache.packageFiles(owner.mod!, rel),
    inPath: (name: string) => inPath(opts.env, name),
  };
}

const readOr = (p: string): Promise<string> => readFile(p, 'utf8').catch(() => '');

async function mainModule(dir: string, list: boolean): Promise<MainModuleInput> {
  const goModPath = join(dir, 'go.mod');
  const goModText = await readFile(goModPath, 'utf8');
  const modPath = parseGoMod(goModText).module ?? '';
  const packages = list ? await mainModulePackages(dir, modPath) : [];
  return { dir, goModPath, goModText, packages };
}

/** Predicts what `go mod tidy` (every module: the current one, or each of the go.work workspace) or `go mod download` will fetch. */
export async function predictGoNeeds(opts: PredictNeedsOptions): Promise<PredictedNeeds> {
  const run = { go: opts.go, env: opts.env, cwd: opts.cwd, timeoutMs: opts.timeoutMs ?? 30_000 };
  const goEnv = await getGoEnvJson(run, ['GOVERSION', 'GOMODCACHE', 'GOHOSTOS', 'GOHOSTARCH', 'GOMOD', 'GOWORK']);
  const model = opts.model ?? (await loadConfig(run)).model;
  const goVersion = (goVersionOf(goEnv.GOVERSION) ?? 'go0').replace(/^go/, '');
  const gomod = goEnv.GOMOD ?? '';
  const workPath = goEnv.GOWORK && goEnv.GOWORK !== 'off' ? goEnv.GOWORK : '';
  if (!workPath && (gomod === '' || gomod === '/dev/null' || gomod === 'NUL'))
    return { runs: [], needs: [], noModule: 'no go.mod here (go env GOMOD)' };
  const work = workPath ? { path: workPath, dir: dirname(workPath), text: await readOr(workPath) } : null;
  const workDirs = work ? parseGoWork(work.text).use.map((u) => (isAbsolute(u) ? u : join(work.dir, u))) : [];
  const settings = {
    GOTOOLCHAIN: getVar(model, 'GOTOOLCHAIN'),
    GOSUMDB: getVar(model, 'GOSUMDB'),
    GONOSUMDB: getVar(model, 'GONOSUMDB'),
    GOPROXY: getVar(model, 'GOPROXY'),
    GIT_HTTP_USER_AGENT: opts.env.GIT_HTTP_USER_AGENT,
  };
  const toolchainSource = work ? parseGoWork(work.text) : parseGoMod(await readOr(gomod));
  const io = makeIO(new ModuleCache(goEnv.GOMODCACHE ?? ''), opts);
  const base = { goVersion, settings, goos: goEnv.GOHOSTOS ?? '', goarch: goEnv.GOHOSTARCH ?? '', io };
  const toolchainFile = { go: toolchainSource.go, toolchain: toolchainSource.toolchain };
  const runs: NeedsRun[] = [];
  if (opts.command === 'tidy') {
    // go mod tidy never enters workspace mode (modcmd/tidy.go): each workspace module is tidied on its own.
    for (const dir of work ? workDirs : [dirname(gomod)]) {
      const m = await mainModule(dir, true);
      const goSums = [await readOr(join(dir, 'go.sum'))];
      runs.push({
        dir,
        result: await predictNeeds({ ...base, command: 'tidy', modules: [m], work: null, goSums, toolchainFile }),
      });
    }
  } else {
    const dirs = work ? workDirs : [dirname(gomod)];
    const modules = await Promise.all(dirs.map((d) => mainModule(d, false)));
    const goSums = await Promise.all(
      [...(work ? [work.path + '.sum'] : []), ...dirs.map((d) => join(d, 'go.sum'))].map(readOr),
    );
    runs.push({
      dir: work?.dir ?? dirs[0]!,
      result: await predictNeeds({ ...base, command: 'download', modules, work, goSums, toolchainFile }),
    });
  }
  return { runs, needs: mergeNeeds(runs) };
}

/** Each need once (a workspace's modules often share dependencies). */
function mergeNeeds(runs: NeedsRun[]): Need[] {
  const seen = new Map<string, Need>();
  for (const r of runs) {
    for (const n of r.result.needs) {
      const k = `${n.what} ${n.module}@${n.version ?? ''} ${n.importPath ?? ''}`;
      if (!seen.has(k)) seen.set(k, n);
    }
  }
  return [...seen.values()];
}
