// GitHub's per-step limits: annotations packed per level with a pointer to the summary, messages cut like the runner
// cuts them, the step summary kept under 1 MiB (property-tested on arbitrary input).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  GITHUB_LIMITS,
  fitStepSummary,
  packAnnotations,
  truncateChars,
  utf8Bytes,
  type AnnotationInput,
  type AnnotationLevel,
} from '../../src/core/ci-limits.js';
import type { TidyProblem } from '../../src/core/tidy/report-model.js';

const problem = (i: number): TidyProblem => ({
  rule: 'not-found',
  module: `example.com/m${i}`,
  cause: 'not-found',
  message: `module example.com/m${i}: 404 Not Found`,
  fix: [],
});
const input = (level: AnnotationLevel, i: number): AnnotationInput<TidyProblem> => ({
  level,
  title: `gomodctl tidy: not-found example.com/m${i}`,
  message: String(problem(i).message),
  item: problem(i),
});

describe('packAnnotations', () => {
  it('keeps everything when it fits, in order, without a pointer', () => {
    const items = [input('error', 1), input('warning', 2), input('error', 3)];
    const r = packAnnotations(items);
    expect(r.overflow).toEqual([]);
    expect(r.annotations.map((a) => a.item?.module)).toEqual(['example.com/m1', 'example.com/m2', 'example.com/m3']);
  });

  it('25 errors: the first 10 as annotations, a notice pointing to the summary, 15 in the summary', () => {
    const items = Array.from({ length: 25 }, (_, i) => input('error', i));
    const r = packAnnotations(items);
    const errors = r.annotations.filter((a) => a.level === 'error');
    expect(errors.map((a) => a.item?.module)).toEqual(items.slice(0, 10).map((x) => x.item.module));
    expect(r.overflow.map((p) => p.module)).toEqual(items.slice(10).map((x) => x.item.module));
    const notice = r.annotations.filter((a) => a.level === 'notice');
    expect(notice.map((a) => String(a.title))).toEqual(['15 more not shown as annotations']);
    expect(notice[0]!.item).toBeUndefined();
    expect(String(notice[0]!.message)).toMatch(/15 more are in the job summary/);
  });

  it('levels have separate budgets; the pointer takes the last notice slot', () => {
    const items = [
      ...Array.from({ length: 12 }, (_, i) => input('warning', i)),
      ...Array.from({ length: 10 }, (_, i) => input('notice', 100 + i)),
      input('error', 200),
    ];
    const r = packAnnotations(items);
    const count = (l: AnnotationLevel) => r.annotations.filter((a) => a.level === l).length;
    expect([count('error'), count('warning'), count('notice')]).toEqual([1, 10, 10]); // 9 notices + the pointer
    expect(r.overflow.map((p) => p.module)).toEqual([
      'example.com/m10',
      'example.com/m11',
      'example.com/m109', // the 10th notice gave its slot to the pointer
    ]);
  });

  it('the job budget (50, less what earlier steps used) bounds the total, pointer included', () => {
    const items = (['error', 'warning', 'notice'] as const).flatMap((l, j) =>
      Array.from({ length: 10 }, (_, i) => input(l, j * 10 + i)),
    );
    const r = packAnnotations(items, { usedInJob: 45 });
    expect(r.annotations).toHaveLength(5);
    expect(String(r.annotations[4]!.title)).toBe('26 more not shown as annotations');
    expect(packAnnotations(items, { usedInJob: 50 })).toEqual({ annotations: [], overflow: items.map((x) => x.item) });
  });

  it('cuts a long message to the runner limit (4096 UTF-16 units) and says so', () => {
    const long = { ...input('error', 1), message: `${'x'.repeat(4095)}😀tail` };
    const [a] = packAnnotations([long]).annotations;
    expect(a!.truncated).toBe(true);
    expect(String(a!.message).length).toBeLessThanOrEqual(GITHUB_LIMITS.messageChars);
    expect(String(a!.message).endsWith('…')).toBe(true);
    expect(truncateChars('ab😀', 3)).toEqual({ text: 'ab…', truncated: true }); // never half a surrogate pair
    expect(truncateChars('short', 4096)).toEqual({ text: 'short', truncated: false });
  });

  it('never exceeds any limit, never loses an item (arbitrary input)', () => {
    const level = fc.constantFrom<AnnotationLevel>('error', 'warning', 'notice');
    fc.assert(
      fc.property(
        fc.array(fc.record({ level, message: fc.string({ maxLength: 50 }) }), { maxLength: 80 }),
        fc.integer({ min: 0, max: 60 }),
        (xs, usedInJob) => {
          const items = xs.map((x, i) => ({ ...x, title: String(i), item: i }));
          const r = packAnnotations(items, { usedInJob });
          for (const l of ['error', 'warning', 'notice'] as const)
            expect(r.annotations.filter((a) => a.level === l).length).toBeLessThanOrEqual(10);
          expect(r.annotations.length).toBeLessThanOrEqual(Math.max(0, 50 - usedInJob));
          const shown = r.annotations.flatMap((a) => (a.item === undefined ? [] : [a.item]));
          expect([...shown, ...r.overflow].sort((a, b) => a - b)).toEqual(items.map((x) => x.item));
          expect(r.annotations.some((a) => a.item === undefined)).toBe(r.overflow.length > 0 && usedInJob < 50);
        },
      ),
    );
  });
});

describe('fitStepSummary', () => {
  const tail = (n: number) => (n ? `\n${n} more problems: see the JSON report.\n` : '');

  it('keeps every row when it fits', () => {
    const r = fitStepSummary({ head: '### gomodctl tidy\n', rows: ['| a |', '| b |'], tail });
    expect(r).toEqual({ text: '### gomodctl tidy\n| a |\n| b |\n', omitted: 0 });
  });

  it('stays within 1 MiB with what the step already wrote, saying how many rows were left out', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `| not-found | example.com/m${i} | ${'é'.repeat(40)} |`);
    const used = 300_000;
    const r = fitStepSummary({ head: '### gomodctl tidy\n', rows, tail }, { usedBytes: used });
    expect(r.omitted).toBeGreaterThan(0);
    expect(utf8Bytes(r.text) + used).toBeLessThanOrEqual(GITHUB_LIMITS.stepSummaryBytes);
    expect(r.text.endsWith(`${r.omitted} more problems: see the JSON report.\n`)).toBe(true);
    // One more row would not have fitted.
    const next = `${rows[rows.length - r.omitted]}\n`;
    expect(utf8Bytes(r.text) + utf8Bytes(next) + used).toBeGreaterThan(GITHUB_LIMITS.stepSummaryBytes - 60);
  });

  it('gives up (empty text) when not even the head fits', () => {
    expect(fitStepSummary({ head: 'x'.repeat(10), rows: ['a'], tail }, { limitBytes: 5 })).toEqual({
      text: '',
      omitted: 1,
    });
  });

  it('counts UTF-8 bytes as the file holds them', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a\ud800b', '\udc00'])
      expect(utf8Bytes(s), JSON.stringify(s)).toBe(Buffer.byteLength(s, 'utf8'));
  });
});
