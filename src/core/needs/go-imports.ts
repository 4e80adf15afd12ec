// The imports of a package as `go mod tidy` scans them: a port of cmd/go/internal/imports/read.go ReadImports (the
// package clause and the import declarations, nothing after) and scan.go ScanDir/scanFiles with AnyTags.
import { shouldBuildAnyTags } from './build-tags.js';

/** read.go isIdent (bytes ≥ 0x80 count as identifier bytes). */
const isIdent = (c: string): boolean => /^[A-Za-z0-9_]$/.test(c) || c.charCodeAt(0) >= 0x80;

class ImportReader {
  private i = 0;
  err = false;
  constructor(private readonly s: string) {
    if (s.charCodeAt(0) === 0xfeff) this.i = 1; // the byte order mark
  }
  get eof(): boolean {
    return this.i >= this.s.length;
  }
  /** peekByte(skipSpace): the next byte, after spaces, ";" and comments when skipSpace. */
  peek(skipSpace: boolean): string {
    while (skipSpace && !this.err && !this.eof) {
      const c = this.s[this.i]!;
      if (' \f\t\r\n;'.includes(c)) this.i++;
      else if (c === '/' && this.s[this.i + 1] === '/') {
        const nl = this.s.indexOf('\n', this.i);
        this.i = nl < 0 ? this.s.length : nl;
      } else if (c === '/' && this.s[this.i + 1] === '*') {
        const end = this.s.indexOf('*/', this.i + 2);
        if (end < 0) this.err = true;
        this.i = end < 0 ? this.s.length : end + 2;
      } else if (c === '/') this.err = true;
      else break;
    }
    return this.err || this.eof ? '' : this.s[this.i]!;
  }
  next(skipSpace: boolean): string {
    const c = this.peek(skipSpace);
    if (c !== '') this.i++;
    return c;
  }
  keyword(kw: string): void {
    this.peek(true);
    for (const k of kw) if (this.next(false) !== k) return void (this.err = true);
    if (isIdent(this.peek(false))) this.err = true;
  }
  ident(): void {
    if (!isIdent(this.peek(true))) return void (this.err = true);
    while (isIdent(this.peek(false))) this.i++;
  }
  /** readString: a "…" or `…` literal, saved as written (quotes included). */
  string(save: string[]): void {
    const q = this.next(true);
    if (q !== '"' && q !== '`') return void (this.err = true);
    const start = this.i - 1;
    for (;;) {
      if (this.eof) return void (this.err = true);
      const c = this.s[this.i++]!;
      if (c === q) return void save.push(this.s.slice(start, this.i));
      if (q === '"' && c === '\n') return void (this.err = true);
      if (q === '"' && c === '\\') this.i++;
    }
  }
  importSpec(save: string[]): void {
    const c = this.peek(true);
    if (c === '.') this.i++;
    else if (isIdent(c)) this.ident();
    this.string(save);
  }
}

/** read.go ReadImports: the quoted import paths of a Go file (a syntax error ends the list, as Go tolerates it). */
export function readImports(text: string): string[] {
  const r = new ImportReader(text);
  const list: string[] = [];
  r.keyword('package');
  r.ident();
  while (!r.err && r.peek(true) === 'i') {
    r.keyword('import');
    if (r.peek(true) === '(') {
      r.next(false);
      while (!r.err && r.peek(true) !== ')' && !r.eof) r.importSpec(list);
      r.next(false);
    } else r.importSpec(list);
  }
  return list;
}

/** strconv.Unquote for import paths; null when the literal is malformed. */
function unquote(lit: string): string | null {
  if (lit.startsWith('`')) return lit.slice(1, -1);
  try {
    const v: unknown = JSON.parse(lit);
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** One Go source file of a package directory. */
export interface GoSourceFile {
  name: string;
  text: string;
}

/** A scanned package: imports of its non-test files and of its _test.go files. */
interface ScannedImports {
  imports: string[];
  testImports: string[];
}

/** scan.go ScanDir with AnyTags: null when no file is left (imports.ErrNoGo). */
export function scanPackage(files: GoSourceFile[]): ScannedImports | null {
  const imports = new Set<string>();
  const testImports = new Set<string>();
  let n = 0;
  for (const f of files) {
    if (f.name.startsWith('_') || f.name.startsWith('.') || !f.name.endsWith('.go')) continue;
    if (!shouldBuildAnyTags(f.text)) continue;
    n++;
    const into = f.name.endsWith('_test.go') ? testImports : imports;
    for (const lit of readImports(f.text)) {
      const p = unquote(lit);
      if (p !== null) into.add(p);
    }
  }
  return n === 0 ? null : { imports: [...imports].sort(), testImports: [...testImports].sort() };
}
