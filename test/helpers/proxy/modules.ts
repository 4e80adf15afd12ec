// Fixture modules for the fault proxy: loaded from test/fixtures/modules/<path>@<version>/, or generated.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildZip } from './zip.js';
import { hash1, hashGoMod } from './dirhash.js';

/** A module version as source files; go.mod must be among the files (or is synthesised). */
export interface ModuleSource {
  path: string;
  version: string;
  /** RFC 3339 time for .info; default fixed 2024-01-01T00:00:00Z. */
  time?: string;
  /** File name (slash-separated, relative to the module root) → content. */
  files: Record<string, string | Uint8Array>;
}

/** A module version ready to serve: .info/.mod/.zip bytes and its go.sum lines. */
export interface ServedModule {
  path: string;
  version: string;
  time: string;
  info: string;
  mod: Buffer;
  zip: Buffer;
  /** `h1:` hash of the zip contents (go.sum "<path> <version> h1:…"). */
  h1: string;
  /** `h1:` hash of go.mod (go.sum "<path> <version>/go.mod h1:…"). */
  goModH1: string;
  /** A zip with one extra file: same module, different h1 (for checksum-mismatch tests). */
  corruptZip(): Buffer;
}

/** Directory holding the committed fixture module sources. */
export const FIXTURE_MODULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'modules');

const DEFAULT_TIME = '2024-01-01T00:00:00Z';

/** Case-encodes a module path or version for URLs: every uppercase X → !x (x/mod/module/module.go EscapePath). */
export function escapeModulePath(p: string): string {
  return p.replace(/[A-Z]/g, (c) => '!' + c.toLowerCase());
}

/** Reverses escapeModulePath; null for invalid escapes (a `!` not followed by a–z, or any uppercase letter). */
export function unescapeModulePath(p: string): string | null {
  if (/[A-Z]/.test(p) || /![^a-z]|!$/.test(p)) return null;
  return p.replace(/!([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function toBytes(v: string | Uint8Array): Buffer {
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v);
}

/** Turns module sources into servable bytes and go.sum hashes (zip files live under `<path>@<version>/`). */
export function buildModule(src: ModuleSource): ServedModule {
  const prefix = `${src.path}@${src.version}/`;
  const files = Object.keys(src.files)
    .sort()
    .map((name) => ({ name: prefix + name, data: toBytes(src.files[name]!) }));
  const mod = src.files['go.mod'] !== undefined ? toBytes(src.files['go.mod']) : Buffer.from(`module ${src.path}\n`);
  const time = src.time ?? DEFAULT_TIME;
  return {
    path: src.path,
    version: src.version,
    time,
    info: JSON.stringify({ Version: src.version, Time: time }) + '\n',
    mod,
    zip: buildZip(files),
    h1: hash1(files),
    goModH1: hashGoMod(mod),
    corruptZip: () =>
      buildZip([...files, { name: prefix + 'tampered.txt', data: Buffer.from('tampered in transit\n') }]),
  };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

/** Loads every `<module path>@<version>` directory under `dir` (default: the committed fixtures). */
export function loadFixtureModules(dir: string = FIXTURE_MODULES_DIR): ModuleSource[] {
  const found: ModuleSource[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (!statSync(full).isDirectory()) continue;
      const at = name.lastIndexOf('@');
      if (at < 0) {
        walk(full);
        continue;
      }
      const modPath = relative(dir, join(d, name.slice(0, at)))
        .split(sep)
        .join('/');
      const files: Record<string, Uint8Array> = {};
      for (const f of listFiles(full)) files[relative(full, f).split(sep).join('/')] = readFileSync(f);
      found.push({ path: modPath, version: name.slice(at + 1), files });
    }
  };
  walk(dir);
  return found.sort((a, b) => (a.path + '@' + a.version < b.path + '@' + b.version ? -1 : 1));
}

/** A generated module graph for benchmarks: modules plus a main module that imports the root. */
export interface ModuleGraph {
  modules: ModuleSource[];
  rootPath: string;
  /** Files of a main module (go.mod without requires, main.go importing the root); write them and run `go mod tidy`. */
  mainFiles: Record<string, string>;
}

/** Generates ~n modules `example.com/gen/mNNN` v1.0.0 forming a binary tree (module i imports 2i+1 and 2i+2). */
export function makeModuleGraph(n: number): ModuleGraph {
  const count = Math.max(1, Math.floor(n));
  const name = (i: number): string => `example.com/gen/m${String(i).padStart(4, '0')}`;
  const modules: ModuleSource[] = [];
  for (let i = 0; i < count; i++) {
    const kids = [2 * i + 1, 2 * i + 2].filter((k) => k < count);
    const req = kids.map((k) => `require ${name(k)} v1.0.0\n`).join('');
    const imports = kids.map((k) => `import _ "${name(k)}"\n`).join('');
    modules.push({
      path: name(i),
      version: 'v1.0.0',
      files: {
        'go.mod': `module ${name(i)}\n\ngo 1.18\n${req ? '\n' + req : ''}`,
        'm.go': `// Package m${i} is generated.\npackage m\n\n${imports}\n// N identifies this module.\nconst N = ${i}\n`,
      },
    });
  }
  const mainFiles = {
    'go.mod': 'module example.com/benchmain\n\ngo 1.18\n',
    'main.go': `package main\n\nimport _ "${name(0)}"\n\nfunc main() {}\n`,
  };
  return { modules, rootPath: name(0), mainFiles };
}
