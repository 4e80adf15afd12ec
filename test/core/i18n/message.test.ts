// Messages: rendering in each language, plural forms, nested messages, JSON always English; and the compile-time
// checks (unknown key, missing or misspelt parameter, a translation with other placeholders) as @ts-expect-error.
import { describe, expect, it } from 'vitest';
import { code, defineMessages, Message, render, translator, type Translation } from '../../../src/core/i18n/message.js';

const en = {
  plain: 'no placeholder',
  notServed: '{module} is not served by {proxy} (HTTP {status})',
  modules: { one: '{count} module fetched', other: '{count} modules fetched' },
  wrapped: 'checked: {inner}',
  run: 'run: {command}',
} as const;
const zh = {
  plain: '没有占位符',
  notServed: '{proxy} 不提供 {module}（HTTP {status}）',
  modules: '已获取 {count} 个模块',
  wrapped: '已检查：{inner}',
  run: '请运行：{command}',
} as const satisfies Translation<typeof en>;
const m = defineMessages('demo', en, zh);

describe('messages', () => {
  it('render in English and Chinese, parameters in the order each language needs', () => {
    const msg = m('notServed', { module: 'example.com/m', proxy: 'https://goproxy.cn', status: 404 });
    expect(msg.key).toBe('demo.notServed');
    expect(render(msg, 'en')).toBe('example.com/m is not served by https://goproxy.cn (HTTP 404)');
    expect(render(msg, 'zh')).toBe('https://goproxy.cn 不提供 example.com/m（HTTP 404）');
  });

  it('plural forms: English one/other by count, Chinese one form', () => {
    expect(render(m('modules', { count: 1 }), 'en')).toBe('1 module fetched');
    expect(render(m('modules', { count: 0 }), 'en')).toBe('0 modules fetched');
    expect(render(m('modules', { count: 2 }), 'en')).toBe('2 modules fetched');
    expect(render(m('modules', { count: 1 }), 'zh')).toBe('已获取 1 个模块');
  });

  it('a message parameter renders in the same language; verbatim text stays as it is', () => {
    const inner = m('modules', { count: 3 });
    expect(render(m('wrapped', { inner }), 'zh')).toBe('已检查：已获取 3 个模块');
    expect(render(m('wrapped', { inner: 'go: verifying module: checksum mismatch' }), 'zh')).toBe(
      '已检查：go: verifying module: checksum mismatch',
    );
    expect(render('verbatim', 'zh')).toBe('verbatim');
  });

  it('JSON and string interpolation carry the English text in every locale', () => {
    const result = { status: 'fail', message: m('notServed', { module: 'a.example/m', proxy: 'p', status: 410 }) };
    expect(JSON.stringify(result)).toBe('{"status":"fail","message":"a.example/m is not served by p (HTTP 410)"}');
    expect(`${m('plain')}`).toBe('no placeholder');
  });

  it('results compare by key and parameters (the catalogue reference is private)', () => {
    expect(m('modules', { count: 2 })).toEqual(m('modules', { count: 2 }));
    expect(m('modules', { count: 2 })).not.toEqual(m('modules', { count: 3 }));
    expect(m('plain')).toBeInstanceOf(Message);
  });

  it('a code parameter is rendered by the renderer (a terminal keeps it unbroken), and verbatim in JSON', () => {
    const m2 = m('run', { command: code('go env -w GOPRIVATE=corp.example.com') });
    expect(render(m2, 'zh', { code: (c) => `<${c}>` })).toBe('请运行：<go env -w GOPRIVATE=corp.example.com>');
    expect(JSON.stringify({ m: m2 })).toBe('{"m":"run: go env -w GOPRIVATE=corp.example.com"}');
  });

  it('a translator renders in its language', () => {
    const tr = translator('zh');
    expect(tr.lang).toBe('zh');
    expect(tr.t(m('plain'))).toBe('没有占位符');
  });
});

describe('compile-time checks (npm run typecheck)', () => {
  it('are enforced by the compiler', () => {
    // @ts-expect-error an unknown key
    m('nope');
    // @ts-expect-error the parameters are missing
    m('notServed');
    // @ts-expect-error a misspelt parameter
    m('notServed', { modul: 'x', proxy: 'p', status: 1 });
    // @ts-expect-error count must be a number
    m('modules', { count: '2' });
    // @ts-expect-error a key without placeholders takes no parameters
    m('plain', { x: 1 });
    const en2 = { a: 'hello {name}' } as const;
    // @ts-expect-error a translation with another placeholder: "placeholders differ from English in: a"
    defineMessages('bad', en2, { a: '你好 {nom}' } as const);
    // @ts-expect-error a translation without the key
    const missing = {} as const satisfies Translation<typeof en2>;
    expect(missing).toEqual({});
    const joined = { a: 'hello ' + '{name}' } as const;
    // @ts-expect-error "write each text as one string literal (no + concatenation): a"
    defineMessages('joined', joined, { a: '你好 {name}' } as const);
  });
});
