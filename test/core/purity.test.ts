// The layering rule of STYLE.md: src/core is pure (no file system, network, child processes or terminal output),
// and nothing in core imports the edge (go, probes, report, cli).
import { expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

// Static and dynamic imports, either quote style, with or without the node: prefix.
const FORBIDDEN =
  /(from|import\()\s*['"]((node:)?(fs|fs\/promises|net|tls|http|https|http2|child_process|dns|os|readline)|execa|undici|chalk|ora|@inquirer\/[a-z]+|commander)['"]|(from|import\()\s*['"](\.\.\/)+(go|probes|report|cli)\/|\brequire\(/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

it('src/core imports nothing from the edge', () => {
  const offenders = files(join(ROOT, 'src', 'core')).flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => FORBIDDEN.test(l))
      .map((l) => `${relative(ROOT, f)}: ${l.trim()}`),
  );
  expect(offenders).toEqual([]);
});
