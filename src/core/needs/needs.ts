// "What Go will need": the fetches one `go mod tidy` or `go mod download` makes, with what Go will not fetch
// subtracted (module cache, replacements, go.sum lines, GONOSUMDB/GOPRIVATE/GOSUMDB=off), and the toolchain switch
// GOTOOLCHAIN makes first (toolchain/select.go). Pure: the edge supplies files and an injected go.mod fetcher.
import { forEachDirective, parseGoMod } from '../gomod.js';
import { downloadUses } from './download-needs.js';
import { useSumDB, type CacheFiles, type SumdbSettings } from './fetch-rules.js';
import type { CodeSource } from './load-packages.js';
import { compareGoVersions, fromToolchain, goLanguageVersion } from '../go-version.js';
import { addGoSum, parseGoSum, type GoSums } from '../sumdb/go-sum.js';
import { parseGoWork } from './gowork.js';
import { MainSet, ModLoader, type ModSource } from './module-set.js';
import { tidyUses } from './tidy-needs.js';
import { mayAutoSwitch, selectToolchain, TOOLCHAIN_MODULE, type ToolchainDecision } from './toolchain-switch.js';
import { finalizeUses, type Use } from './uses.js';
import type { ModVer, Need, NeedsCommand } from './types.js';

/** Files and readers the prediction uses (the edge implements them; tests may pass fakes). */
export interface NeedsIO extends ModSource, CodeSource {
  cacheFiles(m: ModVer): Promise<CacheFiles>;
  sumdbCached(dbName: string, m: ModVer): Promise<boolean>;
  /** Whether an executable of this name is in PATH (a toolchain like "go1.22.3"). */
  inPath(name: string): boolean;
}

/** One main module as read from disk. */
export interface MainModuleInput {
  dir: string;
  goModPath: string;
  goModText: string;
  /** Import paths of its packages (modload matchPackages: tidy's roots). */
  packages: string[];
}

/** Everything one prediction reads. */
export interface NeedsInput {
  command: NeedsCommand;
  /** The running Go, e.g. "1.26.8". */
  goVersion: string;
  settings: SumdbSettings & { GOTOOLCHAIN: string };
  goos: string;
  goarch: string;
  /** tidy: the one module tidied; download: the module, or every module of the workspace. */
  modules: MainModuleInput[];
  /** go.work, when `go mod download` runs in workspace mode (tidy ignores go.work: modcmd/tidy.go). */
  work: { path: string; dir: string; text: string } | null;
  /** Texts of every go.sum Go consults: go.sum, or go.work.sum and each workspace module's go.sum. */
  goSums: string[];
  /** go and toolchain lines of the go.work or go.mod that toolchain selection reads (it reads go.work even for tidy). */
  toolchainFile: { go: string | null; toolchain: string | null } | null;
  io: NeedsIO;
}

/** The prediction. */
export interface NeedsResult {
  needs: Need[];
  toolchain: ToolchainDecision;
  /** Why Go stops before fetching (or fetching more), in Go's words where Go has them. */
  errors: string[];
  /** go.mod files the walk could not read, so the needs below them are unknown. */
  unreadable: { module: string; version: string; error: string }[];
}

/** Directives a main go.mod may hold only from this Go on (modfile's strict parse: "unknown directive"). */
const DIRECTIVE_SINCE: Record<string, string> = { toolchain: '1.21', godebug: '1.23', tool: '1.24', ignore: '1.25' };

/** The language version of a Go release ("1.19.8" → "1.19"), as tidy's maximum supported version. */
const langOf = (v: string): string => goLanguageVersion(v) ?? v;

/** Errors Go reports on the main go.mod before it loads anything (version checks of modload and modfile). */
function versionErrors(input: NeedsInput, goVersion: string, switched: boolean): string[] {
  const out: string[] = [];
  for (const m of input.modules) {
    const mod = parseGoMod(m.goModText);
    // modfile's strict parse fails first: then nothing else is checked.
    const parse: string[] = [];
    forEachDirective(m.goModText, (verb) => {
      const since = DIRECTIVE_SINCE[verb];
      if (since && compareGoVersions(goVersion, since) < 0) parse.push(`${m.goModPath}: unknown directive: ${verb}`);
    });
    const old = compareGoVersions(goVersion, '1.21') < 0; // Go ≤ 1.20 accepts two-part go versions only
    if (old && mod.go && !/^\d+\.\d+$/.test(mod.go))
      parse.push(`${m.goModPath}: invalid go version '${mod.go}': must match format 1.23`);
    if (parse.length > 0) out.push(...parse);
    else if (old && input.command === 'tidy' && mod.go && compareGoVersions(mod.go, langOf(goVersion)) > 0) {
      out.push(`go.mod file indicates go ${mod.go}, but maximum version supported by tidy is ${langOf(goVersion)}`);
    } else if (!old && !switched && mod.go && compareGoVersions(mod.go, goVersion) > 0) {
      out.push(`go.mod requires go >= ${mod.go} (running go ${goVersion}; GOTOOLCHAIN=${input.settings.GOTOOLCHAIN})`);
    }
  }
  return [...new Set(out)];
}

function goSums(texts: string[]): GoSums {
  const sums: GoSums = new Map();
  for (const t of texts) addGoSum(sums, parseGoSum(t));
  return sums;
}

/** The toolchain download's uses: golang.org/toolchain's zip (select.go Exec → modfetch Download), checked in the sumdb. */
function toolchainUse(d: Extract<ToolchainDecision, { kind: 'download' }>): Use {
  return { what: 'zip', mod: { path: d.module, version: d.version }, why: 'toolchain', certainty: 'sure' };
}

/** Needs when a dependency's go line is newer than the Go running (gover.TooNewError → toolchain.Switcher). */
function tooNewNeeds(input: NeedsInput, goVersion: string, loader: ModLoader): { needs: Need[]; errors: string[] } {
  const newest = [...loader.goLines]
    .filter(([, g]) => compareGoVersions(g, '1.21') >= 0)
    .sort((a, b) => compareGoVersions(b[1], a[1]))[0];
  if (!newest || compareGoVersions(newest[1], goVersion) <= 0 || compareGoVersions(goVersion, '1.21') < 0)
    return { needs: [], errors: [] };
  if (!mayAutoSwitch(input.settings.GOTOOLCHAIN)) {
    return {
      needs: [],
      errors: [
        `module ${newest[0]} requires go >= ${newest[1]} (running go ${goVersion}; GOTOOLCHAIN=${input.settings.GOTOOLCHAIN})`,
      ],
    };
  }
  // switch.go NewerToolchain lists golang.org/toolchain to pick the newest release of that language version.
  const base = { module: TOOLCHAIN_MODULE, why: 'toolchain' as const, from: newest[0] };
  return {
    needs: [
      { ...base, what: 'list', certainty: 'sure' },
      { ...base, what: 'zip', certainty: 'likely', condition: 'list-resolves' },
      { ...base, what: 'sumdb-lookup', certainty: 'likely', condition: 'list-resolves' },
    ],
    errors: [],
  };
}

/** A query's module is new to go.sum: the version the list resolves to is looked up in the checksum database. */
function queryLookups(queries: Need[], settings: SumdbSettings): Need[] {
  return queries
    .filter((q) => q.what === 'zip' && useSumDB(q.module, settings))
    .map((q) => ({ ...q, what: 'sumdb-lookup' as const }));
}

type Finalize = (uses: Use[], command: NeedsCommand | 'toolchain') => Promise<Need[]>;

/** The command itself, run by the Go of goVersion: its uses turned into needs, its queries, a too-new dependency. */
async function commandNeeds(input: NeedsInput, goVersion: string, sums: GoSums, fin: Finalize) {
  const modules = input.modules.map((m) => {
    const mod = parseGoMod(m.goModText);
    return { path: mod.module ?? '', dir: m.dir, goModPath: m.goModPath, mod };
  });
  const work = input.work ? { dir: input.work.dir, replace: parseGoWork(input.work.text).replace } : null;
  const set = new MainSet(modules, work);
  const loader = new ModLoader(set, input.io);
  const packages = input.modules[0]?.packages ?? [];
  const cmd =
    input.command === 'tidy'
      ? await tidyUses({ set, packages, loader, code: input.io, goVersion, sums })
      : await downloadUses({ set, loader, work: input.work });
  const tooNew = tooNewNeeds(input, goVersion, loader);
  const needs = [
    ...(await fin(cmd.uses, input.command)),
    ...cmd.queries,
    ...queryLookups(cmd.queries, input.settings),
    ...tooNew.needs,
  ];
  const unreadable = [...loader.failures].map(([k, e]) => {
    const at = k.lastIndexOf('@');
    return { module: k.slice(0, at), version: k.slice(at + 1), error: e.message };
  });
  return { needs, errors: tooNew.errors, unreadable };
}

/** Predicts what one `go mod tidy` / `go mod download` will fetch. */
export async function predictNeeds(input: NeedsInput): Promise<NeedsResult> {
  const toolchain = selectToolchain({
    localVersion: input.goVersion,
    gotoolchain: input.settings.GOTOOLCHAIN,
    file: input.toolchainFile,
    goos: input.goos,
    goarch: input.goarch,
    inPath: (n) => input.io.inPath(n),
  });
  if (toolchain.kind === 'error') return { needs: [], toolchain, errors: [toolchain.message], unreadable: [] };
  const sums = goSums(input.goSums);
  const fin: Finalize = (uses, command) =>
    finalizeUses(uses, {
      command,
      sums,
      sumdb: input.settings,
      cacheFiles: (m) => input.io.cacheFiles(m),
      sumdbCached: (n, m) => input.io.sumdbCached(n, m),
    });
  // The switch comes first; the command is then run by the toolchain switched to (its rules apply).
  const needs = toolchain.kind === 'download' ? await fin([toolchainUse(toolchain)], 'toolchain') : [];
  const switched = toolchain.kind !== 'local';
  const goVersion = switched ? fromToolchain(toolchain.toolchain) || input.goVersion : input.goVersion;
  const errors = versionErrors(input, goVersion, switched);
  if (errors.length > 0) return { needs, toolchain, errors, unreadable: [] };
  const cmd = await commandNeeds(input, goVersion, sums, fin);
  return { needs: [...needs, ...cmd.needs], toolchain, errors: cmd.errors, unreadable: cmd.unreadable };
}
