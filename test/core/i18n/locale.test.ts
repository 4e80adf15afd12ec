// The language choice: --lang, GOMODCTL_LANG, then the locale as gettext reads it (git decides the same way on the
// same machine: see the LANGUAGE cases), and on Windows the system locale.
import { describe, expect, it } from 'vitest';
import { chooseLang, langOf, type LangInput } from '../../../src/core/i18n/locale.js';

const linux = (env: LangInput['env'], flag?: string): LangInput => ({ env, platform: 'linux', flag });

describe('chooseLang', () => {
  it.each([
    ['LANG=zh_CN.UTF-8', { LANG: 'zh_CN.UTF-8' }, 'zh', 'LANG'],
    ['LANG=zh_SG.UTF-8', { LANG: 'zh_SG.UTF-8' }, 'zh', 'LANG'],
    ['LANG=zh_TW.UTF-8 (Traditional: served Simplified)', { LANG: 'zh_TW.UTF-8' }, 'zh', 'LANG'],
    ['LANG=zh_HK.UTF-8', { LANG: 'zh_HK.UTF-8' }, 'zh', 'LANG'],
    ['LANG=zh_CN (no codeset)', { LANG: 'zh_CN' }, 'zh', 'LANG'],
    ['LANG=zh_CN.utf8', { LANG: 'zh_CN.utf8' }, 'zh', 'LANG'],
    ['LANG=en_US.UTF-8', { LANG: 'en_US.UTF-8' }, 'en', 'LANG'],
    ['LANG=fr_FR.UTF-8 (no French catalogue)', { LANG: 'fr_FR.UTF-8' }, 'en', 'LANG'],
    ['LANG=C', { LANG: 'C' }, 'en', 'LANG'],
    ['LANG=POSIX', { LANG: 'POSIX' }, 'en', 'LANG'],
    ['LANG=C.UTF-8', { LANG: 'C.UTF-8' }, 'en', 'LANG'],
    ['nothing set', {}, 'en', 'default'],
    ['empty values are unset', { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' }, 'zh', 'LANG'],
  ] as const)('%s', (_, env, lang, source) => {
    expect(chooseLang(linux(env))).toEqual({ lang, source });
  });

  it('POSIX precedence: LC_ALL over LC_MESSAGES over LANG; LC_CTYPE does not choose the language', () => {
    expect(chooseLang(linux({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' }))).toEqual({
      lang: 'en',
      source: 'LC_ALL',
    });
    expect(chooseLang(linux({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }))).toEqual({
      lang: 'zh',
      source: 'LC_MESSAGES',
    });
    expect(chooseLang(linux({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }))).toEqual({ lang: 'en', source: 'LC_ALL' });
    expect(chooseLang(linux({ LC_CTYPE: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).lang).toBe('en');
  });

  it('GNU LANGUAGE refines a locale that is not C, first language with a catalogue wins', () => {
    expect(chooseLang(linux({ LANG: 'en_US.UTF-8', LANGUAGE: 'zh_CN:en' }))).toEqual({
      lang: 'zh',
      source: 'LANGUAGE',
    });
    expect(chooseLang(linux({ LANG: 'zh_CN.UTF-8', LANGUAGE: 'ja:zh_TW' })).lang).toBe('zh');
    expect(chooseLang(linux({ LANG: 'zh_CN.UTF-8', LANGUAGE: 'en_GB:zh' })).lang).toBe('en');
    expect(chooseLang(linux({ LANG: 'zh_CN.UTF-8', LANGUAGE: 'fr' })).lang).toBe('en'); // gettext: untranslated
    // C.UTF-8 is not "C" for gettext: git 2.39 prints Chinese with LC_ALL=C.UTF-8 LANGUAGE=zh_CN.
    expect(chooseLang(linux({ LC_ALL: 'C.UTF-8', LANGUAGE: 'zh_CN' })).lang).toBe('zh');
  });

  it('LANGUAGE is ignored in the C locale and when no locale is set (the C locale on POSIX)', () => {
    expect(chooseLang(linux({ LC_ALL: 'C', LANGUAGE: 'zh_CN' }))).toEqual({ lang: 'en', source: 'LC_ALL' });
    expect(chooseLang(linux({ LANG: 'POSIX', LANGUAGE: 'zh_CN' }))).toEqual({ lang: 'en', source: 'LANG' });
    expect(chooseLang(linux({ LANGUAGE: 'zh_CN' }))).toEqual({ lang: 'en', source: 'default' });
  });

  it('--lang wins over everything, then GOMODCTL_LANG', () => {
    expect(chooseLang(linux({ GOMODCTL_LANG: 'en', LC_ALL: 'zh_CN.UTF-8' }, 'zh'))).toEqual({
      lang: 'zh',
      source: 'flag',
    });
    expect(chooseLang(linux({ GOMODCTL_LANG: 'zh', LC_ALL: 'C' }))).toEqual({ lang: 'zh', source: 'GOMODCTL_LANG' });
    expect(chooseLang(linux({ GOMODCTL_LANG: 'zh_CN.UTF-8' })).lang).toBe('zh');
    expect(chooseLang(linux({ GOMODCTL_LANG: 'en', LANG: 'zh_CN.UTF-8' })).lang).toBe('en');
    expect(chooseLang(linux({ GOMODCTL_LANG: '', LANG: 'zh_CN.UTF-8' })).source).toBe('LANG');
  });

  it('a Chinese locale with a legacy codeset gets English (we write UTF-8 only); an explicit choice is obeyed', () => {
    expect(chooseLang(linux({ LANG: 'zh_CN.GB18030' }))).toEqual({ lang: 'en', source: 'LANG' });
    expect(chooseLang(linux({ LANG: 'zh_CN.GBK' })).lang).toBe('en');
    expect(chooseLang(linux({ LANG: 'zh_TW.Big5' })).lang).toBe('en');
    expect(chooseLang(linux({ LC_MESSAGES: 'zh_CN.UTF-8', LC_CTYPE: 'zh_CN.GB2312' })).lang).toBe('en');
    expect(chooseLang(linux({ LANG: 'zh_CN.GB18030' }, 'zh')).lang).toBe('zh');
    expect(chooseLang(linux({ LANG: 'zh_CN.GB18030', GOMODCTL_LANG: 'zh' })).lang).toBe('zh');
  });

  it('Windows: the environment if set (Git Bash, MSYS), else the system locale from Intl', () => {
    const win = (env: LangInput['env'], systemLocale?: string): LangInput => ({ env, platform: 'win32', systemLocale });
    expect(chooseLang(win({}, 'zh-CN'))).toEqual({ lang: 'zh', source: 'system' });
    expect(chooseLang(win({}, 'zh-Hans-CN'))).toEqual({ lang: 'zh', source: 'system' });
    expect(chooseLang(win({}, 'zh-TW'))).toEqual({ lang: 'zh', source: 'system' });
    expect(chooseLang(win({}, 'en-US'))).toEqual({ lang: 'en', source: 'system' });
    expect(chooseLang(win({}))).toEqual({ lang: 'en', source: 'default' });
    expect(chooseLang(win({ LANG: 'en_US.UTF-8' }, 'zh-CN'))).toEqual({ lang: 'en', source: 'LANG' });
    expect(chooseLang(win({ LANGUAGE: 'zh_CN' }, 'en-US'))).toEqual({ lang: 'zh', source: 'LANGUAGE' });
    // Code page 936 is not a locale codeset: Node writes the console in UTF-16, Chinese shows.
    expect(chooseLang(win({}, 'zh-CN')).lang).toBe('zh');
  });

  it('the system locale is only used on Windows (elsewhere ICU reads the same variables)', () => {
    expect(chooseLang({ env: {}, platform: 'darwin', systemLocale: 'zh-CN' })).toEqual({
      lang: 'en',
      source: 'default',
    });
  });
});

describe('langOf', () => {
  it.each([
    ['zh', 'zh'],
    ['zh-Hant-TW', 'zh'],
    ['ZH_cn', 'zh'],
    ['zh_CN.UTF-8@pinyin', 'zh'],
    ['zhx', 'en'],
    ['en', 'en'],
    ['C', 'en'],
    ['', 'en'],
  ])('%s → %s', (name, lang) => {
    expect(langOf(name)).toBe(lang);
  });
});
