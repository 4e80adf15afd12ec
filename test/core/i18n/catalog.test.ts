// Every message has an English and a Chinese text with the same placeholders: the compiler checks keys and
// placeholders per area (message.ts defineMessages); this test checks the same at run time over the single entry
// point, so that a cast or an `as any` cannot hide a gap, and that no text has a stray brace.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers/run-cli.js';
import { AREAS } from '../../../src/core/i18n/catalog.js';
import { type AreaTexts, type Entry, LANGS, PLACEHOLDER } from '../../../src/core/i18n/message.js';

/** The placeholder names of an entry (a plural entry takes `count` too), sorted. */
function placeholders(entry: Entry): string[] {
  const forms = typeof entry === 'string' ? [entry] : [entry.one, entry.other];
  const names = new Set(forms.flatMap((f) => [...f.matchAll(PLACEHOLDER)].map((m) => m[1]!)));
  if (typeof entry !== 'string') names.add('count');
  return [...names].sort();
}

/** Braces that are not a `{name}` placeholder. */
function strayBraces(entry: Entry): string[] {
  const forms = typeof entry === 'string' ? [entry] : [entry.one, entry.other];
  return forms.filter((f) => /[{}]/.test(f.replace(PLACEHOLDER, '')));
}

/** Every problem of one area, as sentences (empty when the area is complete). */
function problems(area: AreaTexts): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(area.en), ...Object.keys(area.zh)]);
  for (const key of keys) {
    const full = `${area.area}.${key}`;
    const en = area.en[key];
    const zh = area.zh[key];
    if (en === undefined) out.push(`${full}: no English text`);
    if (zh === undefined) out.push(`${full}: no Chinese text`);
    if (en === undefined || zh === undefined) continue;
    const want = placeholders(en).join(',');
    const got = placeholders(zh).join(',');
    if (want !== got) out.push(`${full}: Chinese placeholders {${got}} differ from English {${want}}`);
    for (const [lang, entry] of [['en', en] as const, ['zh', zh] as const]) {
      for (const form of strayBraces(entry)) out.push(`${full} (${lang}): a brace that is not a placeholder: ${form}`);
      const forms = typeof entry === 'string' ? [entry] : [entry.one, entry.other];
      if (forms.some((f) => f.trim() === '')) out.push(`${full} (${lang}): empty text`);
    }
  }
  return out;
}

describe('message catalogues', () => {
  it('every area is registered once, under the name of its file', () => {
    const names = AREAS.map((a) => a.area);
    expect(new Set(names).size).toBe(names.length);
    const files = readdirSync(join(ROOT, 'src', 'core', 'i18n', 'messages')).map((f) => f.replace(/\.ts$/, ''));
    expect([...names].sort()).toEqual(files.sort());
  });

  it.each(AREAS.map((a) => [a.area, a] as const))('%s: every key has both texts with the same placeholders', (_, a) => {
    expect(problems(a)).toEqual([]);
  });

  it('the check itself finds a missing text, a missing or extra placeholder and a stray brace', () => {
    const broken: AreaTexts = {
      area: 'x',
      en: { a: 'a {module}', b: 'b', c: 'c {status}', d: { one: '{count} x', other: '{count} xs' }, e: 'e' },
      zh: { a: 'a', c: 'c {status} {url}', d: '{count} 个', e: 'e {oops' },
    };
    expect(problems(broken)).toEqual([
      'x.a: Chinese placeholders {} differ from English {module}',
      'x.b: no Chinese text',
      'x.c: Chinese placeholders {status,url} differ from English {status}',
      'x.e (zh): a brace that is not a placeholder: e {oops',
    ]);
  });

  it('both languages are covered', () => {
    expect(LANGS).toEqual(['en', 'zh']);
  });
});
