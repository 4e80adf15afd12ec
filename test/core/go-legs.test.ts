// test/go-legs.txt decides which test files .ci/run runs again with Go 1.19 and Go 1.27: every file of the leg folders
// is in exactly one section, so a new end-to-end test is never silently left out of (or added to) the version legs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

const LEG_DIRS = ['test/e2e', 'test/helpers', 'test/probes'];

function sections(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let current = '';
  for (const raw of readFileSync(join(ROOT, 'test/go-legs.txt'), 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) current = header[1]!;
    else (out[current] ??= []).push(line);
  }
  return out;
}

describe('test/go-legs.txt', () => {
  it('lists every test file of the leg folders once, as sensitive or independent (with a reason)', () => {
    const { sensitive = [], independent = [], ...other } = sections();
    expect(Object.keys(other)).toEqual([]);
    const onDisk = [
      ...LEG_DIRS.flatMap((d) =>
        readdirSync(join(ROOT, d))
          .filter((f) => f.endsWith('.test.ts'))
          .map((f) => `${d}/${f}`),
      ),
      'test/core/http-proxy-env.test.ts',
    ].sort();
    expect([...sensitive, ...independent].sort()).toEqual(onDisk);
    const text = readFileSync(join(ROOT, 'test/go-legs.txt'), 'utf8');
    for (const f of independent) expect(text, f).toMatch(new RegExp(`^${f.replace(/\./g, '\\.')} +# \\S`, 'm'));
  });
});
