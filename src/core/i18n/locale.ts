// Which language to speak, decided as a gettext program (git among them) decides on the same machine: --lang, then
// GOMODCTL_LANG, then the POSIX locale of messages (LC_ALL, else LC_MESSAGES, else LANG), refined by GNU LANGUAGE
// unless that locale is C/POSIX; on Windows, where these are usually unset, the user's locale as ICU reports it.
import type { Lang } from './message.js';

/** Where the choice came from (for tests and a future `gomodctl env` line). */
type LangSource = 'flag' | 'GOMODCTL_LANG' | 'LANGUAGE' | 'LC_ALL' | 'LC_MESSAGES' | 'LANG' | 'system' | 'default';

/** The language and the setting that chose it. */
interface LangChoice {
  lang: Lang;
  source: LangSource;
}

/** What the choice depends on; `systemLocale` is Intl's default locale (a BCP 47 tag such as zh-CN). */
export interface LangInput {
  flag?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  systemLocale?: string | undefined;
}

/** The language part of a POSIX locale name or a BCP 47 tag: zh_CN.UTF-8@x, zh-Hant-TW → zh. */
function languageOf(name: string): string {
  return (/^[A-Za-z]+/.exec(name)?.[0] ?? '').toLowerCase();
}

/** zh_CN, zh_SG, zh_TW, zh_HK, zh-Hans, zh-Hant: Chinese (Traditional is served Simplified); else English (C too). */
export function langOf(name: string): Lang {
  return languageOf(name) === 'zh' ? 'zh' : 'en';
}

/**
 * The locale in which gettext ignores LANGUAGE: exactly "C" (glibc's setlocale reports POSIX as C); C.UTF-8 is not
 * (gettext-runtime dcigettext.c guess_category_value: `strcmp (retval, "C") != 0 ? language : retval`; git 2.39 on
 * glibc 2.36 with LC_ALL=C.UTF-8 LANGUAGE=zh_CN prints Chinese).
 */
function isPlainC(name: string): boolean {
  return name === 'C' || name === 'POSIX';
}

/**
 * GNU LANGUAGE: a colon-separated priority list; the first language with a catalogue wins (gettext skips the
 * others), so `ja:zh_CN` is Chinese and `fr` alone is English, our untranslated text.
 */
function fromLanguageList(list: string): Lang {
  for (const item of list.split(':')) {
    const language = languageOf(item);
    if (language === 'zh' || language === 'en') return language;
  }
  return 'en';
}

/** The POSIX locale category LC_MESSAGES: LC_ALL overrides it, LANG is its default (POSIX Base Definitions 8.2). */
function messagesLocale(env: LangInput['env']): { name: string; source: 'LC_ALL' | 'LC_MESSAGES' | 'LANG' } | null {
  for (const source of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const name = env[source];
    if (name) return { name, source };
  }
  return null;
}

/** The locale of the character set (LC_CTYPE, overridden by LC_ALL, defaulting to LANG), or '' when none is set. */
export function charsetLocale(env: LangInput['env']): string {
  return env.LC_ALL || env.LC_CTYPE || env.LANG || '';
}

/** A locale naming a codeset other than UTF-8 (zh_CN.GB18030, zh_TW.Big5): the terminal expects those bytes. */
export function hasLegacyCodeset(name: string): boolean {
  const codeset = /\.([^@]+)/.exec(name)?.[1];
  return codeset !== undefined && !/^utf-?8$/i.test(codeset);
}

/** Decides the language of human output; pure (the edge passes process.env, platform and Intl's locale). */
export function chooseLang(input: LangInput): LangChoice {
  if (input.flag) return { lang: langOf(input.flag), source: 'flag' };
  const own = input.env.GOMODCTL_LANG;
  if (own) return { lang: langOf(own), source: 'GOMODCTL_LANG' };
  const choice = fromEnvironment(input);
  // We write UTF-8 only: Chinese in a GB18030 or Big5 terminal would be unreadable, English is not.
  const legacy = input.platform !== 'win32' && hasLegacyCodeset(charsetLocale(input.env));
  return choice.lang === 'zh' && legacy ? { lang: 'en', source: choice.source } : choice;
}

function fromEnvironment(input: LangInput): LangChoice {
  const locale = messagesLocale(input.env);
  const language = input.env.LANGUAGE;
  // gettext ignores LANGUAGE in the C locale (output meant to be parsed), which is also what an unset locale is on
  // POSIX; on Windows gettext's locale is the user's, so LANGUAGE applies there.
  const honoursLanguage = locale ? !isPlainC(locale.name) : input.platform === 'win32';
  if (language && honoursLanguage) return { lang: fromLanguageList(language), source: 'LANGUAGE' };
  if (locale) return { lang: langOf(locale.name), source: locale.source };
  if (input.platform === 'win32' && input.systemLocale) return { lang: langOf(input.systemLocale), source: 'system' };
  return { lang: 'en', source: 'default' };
}
