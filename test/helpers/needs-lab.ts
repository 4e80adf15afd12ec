// A lab for "what Go will fetch": module graphs served by the fault proxy, a project on disk, the real `go`
// run in a hermetic env, and the proxy log turned into comparable request keys ("mod example.com/a@v1.0.0").
import { execa } from 'execa';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startFaultProxy, type FaultProxy, type LogEntry, type ModuleSource } from './fault-proxy.js';
import { makeHermeticGo, TEST_GO, type HermeticGo } from './go-env.js';

/** How a generated module looks: its go line, requirements and the packages its code imports. */
export interface ModSpec {
  go?: string;
  require?: string[];
  /** Imports of the root package (import paths). */
  imports?: string[];
  /** Imports of the root package's test file only. */
  testImports?: string[];
  /** Extra packages: sub-directory → its imports. */
  pkgs?: Record<string, string[]>;
  /** Extra go.mod lines (replace, exclude, toolchain …). */
  extra?: string;
  /** No go.mod in the module (a legacy module). */
  noGoMod?: boolean;
}

function goFile(pkg: string, imports: string[]): string {
  const lines = imports.map((i) => `import _ "${i}"\n`).join('');
  return `package ${pkg}\n\n${lines}`;
}

/** go.mod text for a module. */
export function goModText(path: string, spec: ModSpec): string {
  const req = (spec.require ?? []).map((r) => {
    const [p, v, ind] = r.split(/[@ ]/);
    return `require ${p} ${v}${ind ? ' // indirect' : ''}\n`;
  });
  return `module ${path}\n\ngo ${spec.go ?? '1.18'}\n${req.length ? '\n' + req.join('') : ''}${spec.extra ? '\n' + spec.extra + '\n' : ''}`;
}

/** The source files of a module (go.mod, root package, test file, sub-packages). */
export function moduleFiles(path: string, spec: ModSpec): Record<string, string> {
  const name =
    path
      .split('/')
      .pop()!
      .replace(/[^a-z0-9]/gi, '') || 'p';
  const pkg = /^v\d+$/.test(name) || /^\d/.test(name) ? 'p' : name;
  const files: Record<string, string> = { [`${pkg}.go`]: goFile(pkg, spec.imports ?? []) };
  if (!spec.noGoMod) files['go.mod'] = goModText(path, spec);
  if (spec.testImports?.length) files[`${pkg}_test.go`] = goFile(pkg, spec.testImports);
  for (const [dir, imps] of Object.entries(spec.pkgs ?? {}))
    files[`${dir}/${dir.split('/').pop()}.go`] = goFile(dir.split('/').pop()!, imps);
  return files;
}

/** A module version for the proxy from a spec key "path@version". */
export function mod(key: string, spec: ModSpec = {}): ModuleSource {
  const [path, version] = key.split('@') as [string, string];
  return { path, version, files: moduleFiles(path, spec) };
}

/** A running lab: proxy, hermetic Go, project directory. */
export interface Lab {
  proxy: FaultProxy;
  go: HermeticGo;
  /** The project root (where files were written). */
  root: string;
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** Starts the proxy serving `modules`, writes `files` under a fresh project root. */
export async function startLab(
  modules: ModuleSource[],
  files: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): Promise<Lab> {
  const proxy = await startFaultProxy({ modules, fixtures: false });
  const go = makeHermeticGo({ GOPROXY: proxy.url, GOSUMDB: proxy.sumdb.verifierKey, ...env });
  const root = join(go.dir, 'project');
  writeFiles(root, files);
  return {
    proxy,
    go,
    root,
    env: go.env,
    close: async () => {
      await proxy.close();
      go.cleanup();
    },
  };
}

/** Writes files (slash-separated relative paths) under dir. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const full = join(dir, ...rel.split('/'));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

/** Runs the real go (bounded) in the project; returns its result. */
export async function runGo(
  lab: Lab,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; go?: string } = {},
) {
  const r = await execa(opts.go ?? TEST_GO, args, {
    cwd: opts.cwd ?? lab.root,
    env: { ...lab.env, ...opts.env },
    extendEnv: false,
    reject: false,
    timeout: 60_000,
    stdin: 'ignore',
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A proxy request as a comparable key: "mod example.com/a@v1.0.0", "list example.com/x", "sumdb-lookup …". */
export function requestKey(e: LogEntry, sumdbName: string): string | null {
  if (e.kind === 'sumdb') {
    const m = new RegExp(`/sumdb/${sumdbName.replace(/\./g, '\\.')}/(.*)$`).exec(decodeURIComponent(e.url));
    const rest = m?.[1] ?? e.url;
    if (rest === 'supported') return 'sumdb-supported';
    if (rest.startsWith('lookup/')) return `sumdb-lookup ${unbang(rest.slice('lookup/'.length))}`;
    if (rest.startsWith('tile/')) return null; // tiles follow from the tree size, not from what is needed
    return `sumdb ${rest}`;
  }
  if (e.kind === 'list' || e.kind === 'latest') return `${e.kind} ${e.module}`;
  if (e.kind === 'info' || e.kind === 'mod' || e.kind === 'zip') return `${e.kind} ${e.module}@${e.version}`;
  return `other ${e.url}`;
}

function unbang(s: string): string {
  return s.replace(/!([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** The sorted, de-duplicated request keys of a proxy log. */
export function requestKeys(log: LogEntry[], sumdbName: string): string[] {
  return [...new Set(log.map((e) => requestKey(e, sumdbName)).filter((k): k is string => k !== null))].sort();
}
