// The layering rule of STYLE.md: cli → app → {go, probes, report} → core. src/core is pure (no file system, network,
// child processes or terminal output); go, probes and report import only core (never each other); only app combines
// them; cli is commander wiring that lazily imports its app. Zero exceptions.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

const SRC = join(ROOT, 'src');

// Static and dynamic imports (and process.getBuiltinModule), either quote style, with or without the node: prefix.
const IMPURE =
  /(from|import\(|getBuiltinModule\()\s*['"]((node:)?(fs|fs\/promises|net|tls|http|https|http2|child_process|dns|os|readline)|execa|undici|chalk|ora|@inquirer\/[a-z]+|commander)['"]|\brequire\(/;

/** Which top-level folders of src each folder may import from. */
const ALLOWED: Record<string, readonly string[]> = {
  cli: ['cli', 'app', 'core'],
  app: ['app', 'go', 'probes', 'report', 'core'],
  go: ['go', 'core'],
  probes: ['probes', 'core'],
  report: ['report', 'core'],
  core: ['core'],
};

// Every relative specifier: `import … from`, `export … from`, `import type`, side-effect `import '…'`, `import('…')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** "folder/file.ts: spec" for each import in `text` (a file at `path` under src) that the layering forbids. */
function layerViolations(path: string, text: string): string[] {
  const from = relative(SRC, path).split(sep)[0]!;
  const allowed = ALLOWED[from];
  if (!allowed) return [`${relative(SRC, path)}: folder "${from}" is not in the layering rule`];
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const target = relative(SRC, resolve(dirname(path), m[1]!)).split(sep)[0]!;
    if (!allowed.includes(target)) out.push(`${relative(SRC, path)}: ${m[1]}`);
  }
  return out;
}

describe('layering', () => {
  it('src/core imports nothing impure (fs, network, processes, terminal)', () => {
    const offenders = files(join(SRC, 'core')).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => IMPURE.test(l))
        .map((l) => `${relative(ROOT, f)}: ${l.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it('every import follows cli → app → {go, probes, report} → core', () => {
    const offenders = files(SRC).flatMap((f) => layerViolations(f, readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the rule catches every import form (positive control)', () => {
    const at = (folder: string) => join(SRC, folder, 'x.ts');
    const cases: Array<[string, string]> = [
      [at('go'), "import { a } from '../probes/http-probe.js';"],
      [at('probes'), "import type { A } from '../go/load-config.js';"],
      [at('report'), "export { b } from '../app/doctor.js';"],
      [at('core'), "const m = await import('../report/output.js');"],
      [at('core/doctor'), "import '../../go/run-go.js';"],
      [at('cli'), "import { c } from '../report/output.js';"],
      [at('cli'), 'const { d } = await import("../go/run-go.js");'],
    ];
    for (const [path, line] of cases) expect(layerViolations(path, line), line).toHaveLength(1);
    expect(layerViolations(at('app'), "import { e } from '../go/run-go.js';")).toEqual([]);
    expect(layerViolations(at('cli'), "await import('../app/doctor.js');")).toEqual([]);
  });
});
