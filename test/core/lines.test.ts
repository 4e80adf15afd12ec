// core/lines.ts splits as node:readline does (crlfDelay: Infinity), checked against readline itself on random text
// cut into random chunks, and on go's real captured stderr.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { createLineSplitter } from '../../src/core/lines.js';

/** The lines readline gives for these chunks. */
async function readlineLines(chunks: string[]): Promise<string[]> {
  const input = new PassThrough({ encoding: 'utf8' });
  const rl = createInterface({ input, crlfDelay: Infinity });
  const got: string[] = [];
  rl.on('line', (l) => got.push(l));
  const closed = new Promise((r) => rl.once('close', r));
  for (const c of chunks) input.write(c);
  input.end();
  await closed;
  return got;
}

function splitterLines(chunks: string[]): string[] {
  const got: string[] = [];
  const s = createLineSplitter((l) => got.push(l));
  for (const c of chunks) s.push(c);
  s.end();
  return got;
}

/** Cuts text at the given offsets. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((n) => n % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

describe('createLineSplitter', () => {
  it.each([
    ['a\nb\n', ['a\nb\n']],
    ['a\r\nb', ['a\r', '\nb']],
    ['a\rb\r', ['a', '\rb', '\r']],
    ['\n\n\r\r\n', ['\n', '\n\r', '\r', '\n']],
    ['', ['']],
    ['no end', ['no ', 'end']],
  ])('%j', async (text, chunks) => {
    expect(splitterLines(chunks)).toEqual(await readlineLines(chunks));
    expect(splitterLines([text])).toEqual(await readlineLines([text]));
  });

  it('agrees with readline on random text in random chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('a', 'é', '中', ' ', '\n', '\r', '\r\n', 'go: x'), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (parts, at) => {
          const chunks = cut(parts.join(''), at);
          expect(splitterLines(chunks)).toEqual(await readlineLines(chunks));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same lines as readline for every captured go stderr', async () => {
    const root = join(import.meta.dirname, '..', 'fixtures', 'tidy');
    for (const dir of readdirSync(root).filter((d) => d.startsWith('go1.'))) {
      for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith('.txt'))) {
        const text = readFileSync(join(root, dir, f), 'utf8');
        const chunks = cut(text, [17, 4096, 4097, 9000]);
        expect(splitterLines(chunks), `${dir}/${f}`).toEqual(await readlineLines(chunks));
      }
    }
  });
});
