// The edge of "what Go will need": finds the module (or go.work workspace) the way `go env` does, reads go.mod, go.sum,
// go.work, the main packages and the module cache, and asks core/needs what `go mod tidy` or
// `go mod download` will fetch. The only network is the injected getMod (go.mod files the cache lacks).
import { accessSync, constants, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { getVar } from '../core/config-model.js';
import type { ConfigModel } from '../core/config-types.js';
import { parseGoWork } from '../core/needs/gowork.js';
import {
  predictNeeds,
  type MainModuleInput,
  type NeedsInput,
  type NeedsIO,
  type NeedsResult,
} from '../core/needs/needs.js';
import { sumdbSettingsOf } from '../core/needs/fetch-rules.js';
import type { CodeOwner } from '../core/needs/load-packages.js';
import type { ModVer, Need, NeedsCommand } from '../core/needs/types.js';
import { defaultBuildMod, type BuildMod, type VendorRoot } from '../core/needs/build-mod.js';
import { parseGoMod } from '../core/gomod.js';
import { goVersionOf } from '../core/go-version.js';
import { loadConfig } from './load-config.js';
import { mainModulePackages } from './main-packages.js';
import { ModuleCache, readGoFiles } from './module-cache.js';
import { getGoEnvJson } from './run-go.js';

/** Options of predictGoNeeds. */
interface PredictNeedsOptions {
  go: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  command: NeedsCommand;
  /** Fetches a go.mod the module cache lacks (the verdict engine's route walk); without it such go.mod files are unreadable. */
  getMod?: (path: string, version: string) => Promise<string>;
  /** The config model, when the caller has it (else loaded here). */
  model?: ConfigModel;
  /** The run's module-cache reader, when the caller already reads the cache (doctor's prefetch): files read once. */
  cache?: ModuleCache;
  /** Bound for the `go env` call (default 30 s). */
  timeoutMs?: number;
}

/** The prediction for one go command run (tidy runs once per workspace module). */
interface NeedsRun {
  /** The module directory (tidy) or the workspace/module root (download). */
  dir: string;
  result: NeedsResult;
}

/** Every run's result, and their needs merged (each need once). */
export interface PredictedNeeds {
  runs: NeedsRun[];
  needs: Need[];
  /** The -mod mode of build commands here (go build/test/list; tidy and download always use -mod=mod). */
  buildMod?: BuildMod;
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

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
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
  const mod = parseGoMod(goModText);
  const packages = list ? await mainModulePackages(dir, mod.module ?? '', mod.ignore) : [];
  return { dir, goModPath, goModText, packages };
}

/** Where the command runs: the go.mod (GOMOD) or go.work (GOWORK) `go env` names, or null outside a module. */
interface Place {
  gomod: string;
  work: { path: string; dir: string; text: string } | null;
  /** Module directories: the workspace's `use` directories, or the module's. */
  dirs: string[];
  /** go/toolchain lines Select reads: go.work's in a workspace (even for tidy), else go.mod's. */
  toolchainFile: { go: string | null; toolchain: string | null };
}

async function findPlace(goEnv: Record<string, string>): Promise<Place | null> {
  const gomod = goEnv.GOMOD ?? '';
  const workPath = goEnv.GOWORK && goEnv.GOWORK !== 'off' ? goEnv.GOWORK : '';
  if (!workPath && (gomod === '' || gomod === '/dev/null' || gomod === 'NUL')) return null;
  const work = workPath ? { path: workPath, dir: dirname(workPath), text: await readOr(workPath) } : null;
  const parsedWork = work ? parseGoWork(work.text) : null;
  const dirs = parsedWork ? parsedWork.use.map((u) => (isAbsolute(u) ? u : join(work!.dir, u))) : [dirname(gomod)];
  const src = parsedWork ?? parseGoMod(await readOr(gomod));
  return { gomod, work, dirs, toolchainFile: { go: src.go, toolchain: src.toolchain } };
}

/** A root's go line and vendor/ (modulesTextIsForWorkspace: a first line "## …" with a "workspace" entry). */
async function vendorRoot(dir: string, goLine: string | null): Promise<VendorRoot> {
  const first = (await readOr(join(dir, 'vendor', 'modules.txt'))).split('\n')[0] ?? '';
  const forWorkspace =
    first.startsWith('## ') &&
    first
      .slice(3)
      .split(';')
      .some((e) => e.trim() === 'workspace');
  return { goLine, vendorDir: isDir(join(dir, 'vendor')), modulesTxtForWorkspace: forWorkspace };
}

/** The build commands' -mod mode here. */
async function buildModAt(place: Place, goVersion: string, model: ConfigModel): Promise<BuildMod> {
  const modules = await Promise.all(
    place.dirs.map(async (d) => vendorRoot(d, parseGoMod(await readOr(join(d, 'go.mod'))).go)),
  );
  const work = place.work ? await vendorRoot(place.work.dir, place.toolchainFile.go) : null;
  return defaultBuildMod({ goVersion, goflags: getVar(model, 'GOFLAGS'), work, modules });
}

type Base = Omit<NeedsInput, 'command' | 'modules' | 'work' | 'goSums'>;

/** go mod tidy never enters workspace mode (modcmd/tidy.go): each workspace module is tidied on its own. */
async function tidyRuns(place: Place, base: Base): Promise<NeedsRun[]> {
  const runs: NeedsRun[] = [];
  for (const dir of place.dirs) {
    const modules = [await mainModule(dir, true)];
    const goSums = [await readOr(join(dir, 'go.sum'))];
    runs.push({ dir, result: await predictNeeds({ ...base, command: 'tidy', modules, work: null, goSums }) });
  }
  return runs;
}

/** go mod download runs once, in workspace mode when a go.work is in effect (go.work.sum and every go.sum). */
async function downloadRun(place: Place, base: Base): Promise<NeedsRun> {
  const modules = await Promise.all(place.dirs.map((d) => mainModule(d, false)));
  const sumFiles = [...(place.work ? [place.work.path + '.sum'] : []), ...place.dirs.map((d) => join(d, 'go.sum'))];
  const goSums = await Promise.all(sumFiles.map(readOr));
  const result = await predictNeeds({ ...base, command: 'download', modules, work: place.work, goSums });
  return { dir: place.work?.dir ?? place.dirs[0]!, result };
}

/** Predicts what `go mod tidy` (every module: the current one, or each of the go.work workspace) or `go mod download` will fetch. */
export async function predictGoNeeds(opts: PredictNeedsOptions): Promise<PredictedNeeds> {
  const run = { go: opts.go, env: opts.env, cwd: opts.cwd, timeoutMs: opts.timeoutMs ?? 30_000 };
  const goEnv = await getGoEnvJson(run, ['GOVERSION', 'GOMODCACHE', 'GOHOSTOS', 'GOHOSTARCH', 'GOMOD', 'GOWORK']);
  const model = opts.model ?? (await loadConfig(run)).model;
  const goVersion = (goVersionOf(goEnv.GOVERSION) ?? 'go0').replace(/^go/, '');
  const place = await findPlace(goEnv);
  if (!place) return { runs: [], needs: [], noModule: 'no go.mod here (go env GOMOD)' };
  const settings = { GOTOOLCHAIN: getVar(model, 'GOTOOLCHAIN'), ...sumdbSettingsOf(model, opts.env) };
  const root = goEnv.GOMODCACHE ?? '';
  const io = makeIO(opts.cache?.root === root ? opts.cache : new ModuleCache(root), opts);
  const goos = goEnv.GOHOSTOS ?? '';
  const goarch = goEnv.GOHOSTARCH ?? '';
  const base: Base = { goVersion, settings, goos, goarch, io, toolchainFile: place.toolchainFile };
  const runs = opts.command === 'tidy' ? await tidyRuns(place, base) : [await downloadRun(place, base)];
  return { runs, needs: mergeNeeds(runs), buildMod: await buildModAt(place, goVersion, model) };
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
