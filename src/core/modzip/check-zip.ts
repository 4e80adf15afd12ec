// The checks `go` applies to a downloaded module zip, in Go's order and with Go's texts:
// cmd/go/internal/modfetch/fetch.go downloadZip (every entry under "<module>@<version>/"), then
// golang.org/x/mod/zip checkZip (module.Check, MaxZipFile, prefixes, clean and valid file paths, case-fold
// collisions, go.mod only at the root and spelled "go.mod", MaxGoMod, MaxLICENSE), run by Unzip.
import { checkFilePath, checkModulePath, goQuote, splitPathVersion } from '../escape.js';
import { canonicalModuleVersion, isValidSemver, semverBuild, semverMajor } from '../semver.js';
import { strToFold } from './fold.js';
import type { ZipArchive } from './zip-reader.js';

/** zip.MaxZipFile: the largest module zip, and the largest total of its contents (bytes). */
export const MAX_ZIP_FILE = 500 << 20;
/** zip.MaxGoMod: the largest go.mod inside a module zip (bytes). */
export const MAX_GO_MOD = 16 << 20;
/** zip.MaxLICENSE: the largest LICENSE inside a module zip (bytes). */
const MAX_LICENSE = 16 << 20;

/** A file that makes the zip invalid: Go prints "<path>: <error>". */
interface ZipFileError {
  path: string;
  error: string;
}

/** zip.CheckedFiles as checkZip fills it, plus an error that stops the check (bad module version). */
interface CheckedZip {
  valid: string[];
  invalid: ZipFileError[];
  sizeError?: string;
  /** module.Check or version canonical failure: nothing else was checked. */
  error?: string;
}

/** downloadZip's first check (fetch.go): the error `go` reports for the first entry outside module@version/. */
export function unexpectedZipFile(mod: { path: string; version: string }, zip: ZipArchive): string | null {
  const prefix = `${mod.path}@${mod.version}/`;
  const bad = zip.entries.find((e) => !e.name.startsWith(prefix));
  return bad ? `zip for ${prefix.slice(0, -1)} has unexpected file ${bad.name}` : null;
}

/** module.CheckPathMajor: null when the version fits the path's major-version suffix. */
function checkPathMajor(v: string, pathMajor: string): string | null {
  let pm = pathMajor;
  if (pm.startsWith('.v') && pm.endsWith('-unstable')) pm = pm.slice(0, -'-unstable'.length);
  if (v.startsWith('v0.0.0-') && pm === '.v1') return null; // old gopkg.in pseudo-version bug
  const m = semverMajor(v);
  if (pm === '') {
    if (m === 'v0' || m === 'v1' || semverBuild(v) === '+incompatible') return null;
    pm = 'v0 or v1';
  } else if (pm[0] === '/' || pm[0] === '.') {
    if (m === pm.slice(1)) return null;
    pm = pm.slice(1);
  }
  return `should be ${pm}, not ${semverMajor(v)}`;
}

/** module.Check: null when path and version are valid and agree. */
export function checkModuleVersion(path: string, version: string): string | null {
  const pathErr = checkModulePath(path);
  if (pathErr) return pathErr;
  if (!isValidSemver(version)) return `${path}@${version}: invalid version: not a semantic version`;
  const major = checkPathMajor(version, splitPathVersion(path)[1]);
  return major === null ? null : `${path}@${version}: invalid version: ${major}`;
}

/** zip.collisionChecker.check: the same folded name twice, or a name both file and directory. */
class Collisions {
  private readonly seen = new Map<string, { path: string; isDir: boolean }>();
  check(p: string, isDir: boolean): string | null {
    const fold = strToFold(p);
    const other = this.seen.get(fold);
    if (other) {
      if (p !== other.path) return `case-insensitive file name collision: ${goQuote(other.path)} and ${goQuote(p)}`;
      if (isDir !== other.isDir) return `entry ${goQuote(p)} is both a file and a directory`;
      if (!isDir) return `multiple entries for file ${goQuote(p)}`;
    } else this.seen.set(fold, { path: p, isDir });
    const slash = p.lastIndexOf('/');
    return slash > 0 ? this.check(p.slice(0, slash), true) : null;
  }
}

/** path.Clean for the relative slash paths checkZip sees. */
function cleanPath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (seg !== '..' || !p.startsWith('/')) out.push(seg);
  }
  const joined = out.join('/');
  if (p.startsWith('/')) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** The reason checkZip gives for one entry (after its prefix), or null when it is valid. */
function entryError(name: string, isDir: boolean, nameIsUtf8: boolean, c: Collisions): string | null {
  if (cleanPath(name) !== name) return 'file path is not clean';
  if (!nameIsUtf8) return `malformed file path ${goQuote(name)}: invalid UTF-8`;
  const pathErr = checkFilePath(name);
  if (pathErr) return pathErr;
  const collision = c.check(name, isDir);
  if (collision || isDir) return collision;
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (strToFold(base) === 'go.mod') {
    if (base !== name) return 'go.mod file not in module root directory';
    if (name !== 'go.mod') return 'go.mod files must have lowercase names';
  }
  return null;
}

/** checkZip: what Unzip verifies before extracting; `cf.invalid` lists each file with Go's reason. */
export function checkModuleZip(mod: { path: string; version: string }, zip: ZipArchive): CheckedZip {
  const canonical = canonicalModuleVersion(mod.version);
  if (canonical !== mod.version) {
    return {
      valid: [],
      invalid: [],
      error: `version ${goQuote(mod.version)} is not canonical (should be ${goQuote(canonical)})`,
    };
  }
  const modErr = checkModuleVersion(mod.path, mod.version);
  if (modErr) return { valid: [], invalid: [], error: modErr };
  if (zip.data.length > MAX_ZIP_FILE) {
    const sizeError = `module zip file is too large (${zip.data.length} bytes; limit is ${MAX_ZIP_FILE} bytes)`;
    return { valid: [], invalid: [], sizeError };
  }
  const cf: CheckedZip = { valid: [], invalid: [] };
  const prefix = `${mod.path}@${mod.version}/`;
  const collisions = new Collisions();
  let size = 0;
  for (const e of zip.entries) {
    const fail = (error: string): void => void cf.invalid.push({ path: e.name, error });
    if (!e.name.startsWith(prefix)) {
      fail(`path does not have prefix ${goQuote(prefix)}`);
      continue;
    }
    let name = e.name.slice(prefix.length);
    if (name === '') continue;
    const isDir = name.endsWith('/');
    if (isDir) name = name.slice(0, -1);
    const err = entryError(name, isDir, e.nameIsUtf8, collisions);
    if (err) fail(err);
    if (err || isDir) continue;
    const sz = e.uncompressedSize;
    if (sz >= 0 && MAX_ZIP_FILE - size >= sz) size += sz;
    else cf.sizeError ??= `total uncompressed size of module contents too large (max size is ${MAX_ZIP_FILE} bytes)`;
    if (name === 'go.mod' && sz > MAX_GO_MOD) fail(`go.mod file too large (max size is ${MAX_GO_MOD} bytes)`);
    else if (name === 'LICENSE' && sz > MAX_LICENSE) fail(`LICENSE file too large (max size is ${MAX_LICENSE} bytes)`);
    else cf.valid.push(e.name);
  }
  return cf;
}

/** CheckedFiles.Err: the size error, else every invalid file as "<path>: <error>" lines; null when valid. */
export function checkedZipError(cf: CheckedZip): string | null {
  if (cf.error) return cf.error;
  if (cf.sizeError) return cf.sizeError;
  return cf.invalid.length ? cf.invalid.map((f) => `${f.path}: ${f.error}`).join('\n') : null;
}
