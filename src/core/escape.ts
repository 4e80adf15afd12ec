// Module path checks and case-escaping, ported from golang.org/x/mod module/module.go
// (CheckPath, checkPath, checkElem, SplitPathVersion, EscapePath, EscapeVersion, UnescapePath).
// Proxy URLs, sumdb lookups and cache directories all use the escaped form
// (docs/go-rules.md#the-module-proxy-protocol).
import { UsageError } from './errors.js';

type PathKind = 'module' | 'import' | 'file';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const BAD_WINDOWS_NAMES = ['CON', 'PRN', 'AUX', 'NUL'].concat(
  Array.from({ length: 9 }, (_, i) => `COM${i + 1}`),
  Array.from({ length: 9 }, (_, i) => `LPT${i + 1}`),
);

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLower = (c: string): boolean => c >= 'a' && c <= 'z';
const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z';

/** module.modPathOK: ASCII letters, digits and - . _ ~ */
function modPathOK(c: string): boolean {
  return c === '-' || c === '.' || c === '_' || c === '~' || isDigit(c) || isLower(c) || isUpper(c);
}

/** module.fileNameOK, for version strings (ASCII subset plus Unicode letters). */
function fileNameOK(c: string): boolean {
  if (c.codePointAt(0)! < 0x80) return isDigit(c) || isLower(c) || isUpper(c) || '!#$%&()+,-.=@[]^_{}~ '.includes(c);
  return /^\p{L}$/u.test(c);
}

/** Go's %q for the simple strings these messages quote. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f');
}

/** Go's %q of a rune ('x'). */
function quoteRune(c: string): string {
  return c === "'" ? "'\\''" : `'${JSON.stringify(c).slice(1, -1)}'`;
}

/**
 * An element that passes the first checks of checkElem in every kind: ASCII letters, digits, - _ ~, and dots neither
 * first nor last. Most elements are such; one regular expression instead of a loop per character (a cold tidy reads
 * a few hundred module paths from Go's trace, before the JIT has compiled the loop).
 */
const PLAIN_ELEM = /^[-_~0-9A-Za-z](?:[-._~0-9A-Za-z]*[-_~0-9A-Za-z])?$/;

function checkElem(elem: string, kind: PathKind): string | null {
  if (!PLAIN_ELEM.test(elem)) {
    if (elem === '') return 'empty path element';
    if (/^\.*$/.test(elem)) return `invalid path element ${goQuote(elem)}`;
    if (elem[0] === '.' && kind === 'module') return 'leading dot in path element';
    if (elem.endsWith('.')) return 'trailing dot in path element';
    for (const c of elem) {
      const ok = kind === 'module' ? modPathOK(c) : kind === 'import' ? modPathOK(c) || c === '+' : fileNameOK(c);
      if (!ok) return `invalid char ${quoteRune(c)}`;
    }
  }
  const dot = elem.indexOf('.');
  const short = dot >= 0 ? elem.slice(0, dot) : elem;
  if (BAD_WINDOWS_NAMES.includes(short.toUpperCase())) {
    return `${goQuote(short)} disallowed as path element component on Windows`;
  }
  if (kind === 'file') return null;
  const tilde = short.lastIndexOf('~');
  if (tilde >= 0 && tilde < short.length - 1 && /^[0-9]+$/.test(short.slice(tilde + 1))) {
    return 'trailing tilde and digits in path element';
  }
  return null;
}

function checkPathKind(path: string, kind: PathKind): string | null {
  if (LONE_SURROGATE.test(path)) return 'invalid UTF-8';
  if (path === '') return 'empty string';
  if (path[0] === '-' && kind !== 'file') return 'leading dash';
  if (path.includes('//')) return 'double slash';
  if (path.endsWith('/')) return 'trailing slash';
  for (const elem of path.split('/')) {
    const err = checkElem(elem, kind);
    if (err) return err;
  }
  return null;
}

/** module.SplitPathVersion: [prefix, pathMajor, ok]. */
export function splitPathVersion(path: string): [string, string, boolean] {
  if (path.startsWith('gopkg.in/')) return splitGopkgIn(path);
  let i = path.length;
  let dot = false;
  while (i > 0 && (isDigit(path[i - 1]!) || path[i - 1] === '.')) {
    if (path[i - 1] === '.') dot = true;
    i--;
  }
  if (i <= 1 || i === path.length || path[i - 1] !== 'v' || path[i - 2] !== '/') return [path, '', true];
  const prefix = path.slice(0, i - 2);
  const pathMajor = path.slice(i - 2);
  if (dot || pathMajor.length <= 2 || pathMajor[2] === '0' || pathMajor === '/v1') return [path, '', false];
  return [prefix, pathMajor, true];
}

function splitGopkgIn(path: string): [string, string, boolean] {
  let i = path.length;
  if (path.endsWith('-unstable')) i -= '-unstable'.length;
  while (i > 0 && isDigit(path[i - 1]!)) i--;
  if (i <= 1 || path[i - 1] !== 'v' || path[i - 2] !== '.') return [path, '', false];
  const prefix = path.slice(0, i - 2);
  const pathMajor = path.slice(i - 2);
  if (pathMajor.length <= 2 || (pathMajor[2] === '0' && pathMajor !== '.v0')) return [path, '', false];
  return [prefix, pathMajor, true];
}

/** Port of module.CheckPath: null when the module path is valid, else Go's error text. */
export function checkModulePath(path: string): string | null {
  const reason = checkModulePathReason(path);
  return reason === null ? null : `malformed module path ${goQuote(path)}: ${reason}`;
}

function checkModulePathReason(path: string): string | null {
  const err = checkPathKind(path, 'module');
  if (err) return err;
  let i = path.indexOf('/');
  if (i < 0) i = path.length;
  if (i === 0) return 'leading slash';
  const first = path.slice(0, i);
  if (!first.includes('.')) return 'missing dot in first path element';
  if (path[0] === '-') return 'leading dash in first path element';
  if (!/^[-.0-9a-z]*$/.test(first)) {
    for (const c of first) {
      if (!(c === '-' || c === '.' || isDigit(c) || isLower(c)))
        return `invalid char ${quoteRune(c)} in first path element`;
    }
  }
  if (!splitPathVersion(path)[2]) return 'invalid version';
  return null;
}

/** Port of module.CheckImportPath: null when valid, else Go's error text. */
export function checkImportPath(path: string): string | null {
  const err = checkPathKind(path, 'import');
  return err === null ? null : `malformed import path ${goQuote(path)}: ${err}`;
}

/** Port of module.CheckFilePath (file names inside module zips): null when valid, else Go's error text. */
export function checkFilePath(path: string): string | null {
  const err = checkPathKind(path, 'file');
  return err === null ? null : `malformed file path ${goQuote(path)}: ${err}`;
}

/** Every ASCII upper-case letter X becomes "!x" (module.escapeString); input is already checked. */
function escapeString(s: string): string {
  return s.replace(/[A-Z]/g, (c) => '!' + c.toLowerCase());
}

/** module.EscapePath; throws UsageError with Go's text when the path is not a valid module path. */
export function escapePath(path: string): string {
  const err = checkModulePath(path);
  if (err) throw new UsageError(`${err} (a module path looks like "github.com/org/repo")`);
  return escapeString(path);
}

/** module.EscapeVersion; throws UsageError for Go's "disallowed version string". */
export function escapeVersion(v: string): string {
  if (checkElem(v, 'file') !== null || v.includes('!') || [...v].some((c) => c.codePointAt(0)! >= 0x80)) {
    throw new UsageError(`version ${goQuote(v)} invalid: disallowed version string (a version looks like "v1.2.3")`);
  }
  return escapeString(v);
}

/** module.unescapeString: null for "!" not followed by a–z, upper case, or non-ASCII. */
function unescapeString(escaped: string): string | null {
  if (!/[^\x00-\x7f]|[A-Z!]/.test(escaped)) return escaped; // nothing escaped, nothing refused: itself
  let out = '';
  let bang = false;
  for (const c of escaped) {
    if (c.codePointAt(0)! >= 0x80) return null;
    if (bang) {
      bang = false;
      if (!isLower(c)) return null;
      out += c.toUpperCase();
      continue;
    }
    if (c === '!') {
      bang = true;
      continue;
    }
    if (isUpper(c)) return null;
    out += c;
  }
  return bang ? null : out;
}

/** module.UnescapePath: the module path for an escaped path, or null when invalid. */
export function unescapePath(p: string): string | null {
  const path = unescapeString(p);
  if (path === null || checkModulePath(path) !== null) return null;
  return path;
}

/** module.UnescapeVersion: the version for an escaped version, or null when invalid. */
export function unescapeVersion(v: string): string | null {
  const out = unescapeString(v);
  if (out === null || checkElem(out, 'file') !== null) return null;
  return out;
}
