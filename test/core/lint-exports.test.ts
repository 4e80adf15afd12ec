// Lint rules Biome does not have, over src/ (part of `npm run lint`): every exported declaration carries a doc
// comment, and every export is imported by another file of src/ (or by bin/ or bench/, which load the built dist/).
// An export that only tests import is test-only code living in src; one that nobody imports is dead or should not be
// exported. The parse is textual (TypeScript 7 ships no compiler API); the positive controls below keep it honest.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

const SRC = join(ROOT, 'src');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(p) ? [p] : [];
  });
}

const DECL =
  /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/;

/** One exported declaration: its name and line (1-based). */
interface Exported {
  name: string;
  line: number;
  documented: boolean;
}

/** The exported declarations of a source text, with whether a `/** … *\/` comment stands right above each. */
function exportsOf(text: string): Exported[] {
  const lines = text.split('\n');
  const out: Exported[] = [];
  lines.forEach((l, i) => {
    const m = DECL.exec(l);
    if (m) out.push({ name: m[1]!, line: i + 1, documented: hasDocAbove(lines, i) });
    const re = /^export\s+(?:type\s+)?\{([^{}]*)\}\s*(?:from\s*['"][^'"]+['"])?/.exec(l);
    if (re) for (const n of namesIn(re[1]!, 'exported')) out.push({ name: n, line: i + 1, documented: true });
  });
  return out;
}

function hasDocAbove(lines: string[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && /^\s*@/.test(lines[j]!)) j--; // decorators
  if (j < 0 || !lines[j]!.trimEnd().endsWith('*/')) return false;
  while (j >= 0 && !lines[j]!.includes('/*')) j--;
  return j >= 0 && lines[j]!.includes('/**');
}

/** Names in an import/export list `a, type b, c as d`: the imported (left) or exported (right) side. */
function namesIn(list: string, side: 'imported' | 'exported'): string[] {
  return list
    .split(',')
    .map((s) => s.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((s) => {
      const [a, b] = s.split(/\s+as\s+/);
      return (side === 'exported' ? (b ?? a) : a)!.trim();
    });
}

const IMPORT_FORMS = [
  /\b(?:import|export)\s+(?:type\s+)?\{([^{}]*)\}\s*from\s*['"]([^'"]+)['"]/g,
  /\{([^{}]*)\}\s*=\s*await\s+import(?:Dist)?\(\s*['"]([^'"]+)['"]\s*\)/g,
  /import(?:Dist)?\(\s*['"]([^'"]+)['"]\s*\)\.then\(\s*\(\s*\{([^{}]*)\}/g,
];

/** `module specifier → imported names` for every named import in a text; `*` for a namespace or side-effect import. */
function importsOf(text: string): Array<{ spec: string; names: string[] }> {
  const out: Array<{ spec: string; names: string[] }> = [];
  for (const [k, re] of IMPORT_FORMS.entries())
    for (const m of text.matchAll(re)) {
      const [list, spec] = k === 2 ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
      out.push({ spec, names: namesIn(list.replace(/:\s*[\w$]+/g, ''), 'imported') });
    }
  for (const m of text.matchAll(/\bimport\s+\*\s+as\s+\w+\s+from\s*['"]([^'"]+)['"]/g))
    out.push({ spec: m[1]!, names: ['*'] });
  // bin/gomodctl.js loads the CommonJS bundle of cli/tidy-fast.ts (npm run bundle) and calls `start.exports.name(`.
  for (const m of text.matchAll(/\bstart\.exports\.(\w+)\(/g))
    out.push({ spec: 'dist/fast/tidy-fast.js', names: [m[1]!] });
  // `const loadRest = () => import('./tidy-rest.js')`: the whole module is used (app/tidy.ts reads R.name).
  for (const m of text.matchAll(/=>\s*import\(\s*['"]([^'"]+)['"]\s*\)\s*;/g)) out.push({ spec: m[1]!, names: ['*'] });
  return out;
}

/** The src file a specifier in `from` names (`./x.js` → src/…/x.ts; bench/bin specifiers name dist/ paths). */
function targetOf(from: string, spec: string): string | null {
  if (from.startsWith(SRC)) return spec.startsWith('.') ? resolve(dirname(from), spec).replace(/\.js$/, '.ts') : null;
  if (/(?:^|\/)dist\/fast\/tidy-fast\.js$/.test(spec)) return join(SRC, 'cli/tidy-fast.ts'); // npm run bundle
  const dist = /(?:^|\/)dist\/(.+)\.js$/.exec(spec) ?? /^([a-z-]+\/.+)\.js$/.exec(spec);
  return dist ? join(SRC, `${dist[1]}.ts`) : null;
}

function usedNames(users: string[]): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const f of users)
    for (const { spec, names } of importsOf(readFileSync(f, 'utf8'))) {
      const target = targetOf(f, spec.replace(/^\.\.\/dist\//, 'dist/'));
      if (!target || target === f) continue;
      const set = used.get(target) ?? new Set<string>();
      for (const n of names) set.add(n);
      used.set(target, set);
    }
  return used;
}

describe('lint: exports of src/', () => {
  const sources = files(SRC, /\.ts$/);

  it('every exported declaration has a doc comment', () => {
    const missing = sources.flatMap((f) =>
      exportsOf(readFileSync(f, 'utf8'))
        .filter((e) => !e.documented)
        .map((e) => `${relative(ROOT, f)}:${e.line} ${e.name}`),
    );
    expect(missing).toEqual([]);
  });

  it('every export is imported by src/, bin/ or bench/ (none only by tests, none by nobody)', () => {
    const users = [...sources, ...files(join(ROOT, 'bin'), /\.js$/), ...files(join(ROOT, 'bench'), /\.js$/)];
    const used = usedNames(users);
    const unused = sources.flatMap((f) => {
      const names = used.get(f);
      if (names?.has('*')) return [];
      return exportsOf(readFileSync(f, 'utf8'))
        .filter((e) => !names?.has(e.name))
        .map((e) => `${relative(ROOT, f)} ${e.name}`);
    });
    const pending = readFileSync(join(ROOT, 'test/core/lint-exports.pending.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(
      unused.filter((u) => !pending.includes(u)),
      'exports that only tests import, or nobody: un-export, delete or use them',
    ).toEqual([]);
    expect(
      pending.filter((p) => !unused.includes(p)),
      'no longer only test-imported: remove from lint-exports.pending.txt',
    ).toEqual([]);
  });

  it('the parse sees each export and import form (positive control)', () => {
    const text = [
      '/** Doc. */',
      'export function a() {}',
      'export const b = 1;',
      '/**',
      ' * Doc.',
      ' */',
      'export async function c() {}',
      '// not a doc comment',
      'export interface D {}',
      'export { e, f as g } from "./x.js";',
    ].join('\n');
    expect(exportsOf(text).map((e) => `${e.name}:${e.documented}`)).toEqual([
      'a:true',
      'b:false',
      'c:true',
      'D:false',
      'e:true',
      'g:true',
    ]);
    const imports = importsOf(
      [
        "import { a, type B, c as d } from './x.js';",
        "import type {\n  E,\n} from '../y.js';",
        "const { f } = await import('./z.js');",
        "import('./w.js').then(({ g }) => g);",
        "import * as ns from './v.js';",
      ].join('\n'),
    );
    expect(imports).toEqual([
      { spec: './x.js', names: ['a', 'B', 'c'] },
      { spec: '../y.js', names: ['E'] },
      { spec: './z.js', names: ['f'] },
      { spec: './w.js', names: ['g'] },
      { spec: './v.js', names: ['*'] },
    ]);
  });
});
