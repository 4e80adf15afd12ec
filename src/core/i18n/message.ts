// Messages as data: a result carries a Message (area, key, typed parameters) or verbatim text (Go's own words, a URL),
// the human renderers pick the language, and JSON.stringify writes the English text, so every `--json` document is
// byte-identical whatever the locale. Each area (one file per command under messages/) declares its English and
// Chinese catalogues; the compiler checks that both have the same keys and the same {placeholders}.

/** A language gomodctl speaks. */
export type Lang = 'en' | 'zh';

/** Both languages, English first (English is the source every catalogue is checked against). */
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** A text that depends on the count: English needs one/other; Chinese writes one string (CLDR: no plural forms). */
interface Plural {
  readonly one: string;
  readonly other: string;
}

/** One catalogue entry: a template with `{name}` placeholders, or its plural forms (selected by `{count}`). */
export type Entry = string | Plural;

/** A command or another text to copy whole: a terminal renderer keeps it on one line; JSON gets it as it is. */
export class Code {
  constructor(readonly text: string) {}

  toJSON(): string {
    return this.text;
  }

  toString(): string {
    return this.text;
  }
}

/** Marks a parameter as a command to copy (`run: {command}`): never broken across lines in human output. */
export function code(text: string): Code {
  return new Code(text);
}

/**
 * A parameter value: numbers print as digits (no grouping, same in every language), messages in the same language,
 * code as it is (or as the renderer's `code` option makes it).
 */
type Param = string | number | Message | Code;

/** What a result or a renderer hands over: a Message to translate, or verbatim text that stays as it is. */
export type Text = Message | string;

/** The placeholder names of a template literal type ("{module} is {status}" → "module" | "status"). */
type Placeholders<S> = S extends `${string}{${infer P}}${infer R}` ? P | Placeholders<R> : never;

/** The placeholder names of an entry; a plural entry always takes `count`. */
type EntryParams<T> = T extends Plural ? Placeholders<T['one']> | Placeholders<T['other']> | 'count' : Placeholders<T>;

/** The parameters argument of a key: none when the entry has no placeholder, else an object with each of them. */
type ParamArgs<T> = [EntryParams<T>] extends [never]
  ? []
  : [params: { readonly [P in EntryParams<T>]: P extends 'count' ? number : Param }];

/** A translation of the English catalogue E: the same keys (checked with `satisfies`), any entry shape. */
export type Translation<E> = { readonly [K in keyof E]: Entry };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The keys whose translation does not use exactly the English placeholders. */
type Mismatched<E, Z> = {
  [K in keyof E]: K extends keyof Z ? (Same<EntryParams<E[K]>, EntryParams<Z[K]>> extends true ? never : K) : K;
}[keyof E];

/** The keys whose text is not a literal type (`'a' + 'b'` is a plain string: its placeholders would be unchecked). */
type NonLiteral<T> = {
  [K in keyof T]: string extends T[K]
    ? K
    : T[K] extends Plural
      ? string extends T[K]['one' | 'other']
        ? K
        : never
      : never;
}[keyof T];

/** The compile error a bad area gets, or nothing. */
type AreaError<E, Z> = [NonLiteral<E> | NonLiteral<Z>] extends [never]
  ? [Mismatched<E, Z>] extends [never]
    ? unknown
    : `placeholders differ from English in: ${Mismatched<E, Z> & string}`
  : `write each text as one string literal (no + concatenation): ${(NonLiteral<E> | NonLiteral<Z>) & string}`;

/** Both catalogues of one area. */
export interface AreaTexts {
  readonly area: string;
  readonly en: Readonly<Record<string, Entry>>;
  readonly zh: Readonly<Record<string, Entry>>;
}

/** A message: which entry of which area, with its parameters. Serialises to its English text. */
export class Message {
  readonly #texts: AreaTexts;

  constructor(
    texts: AreaTexts,
    /** The full key, `area.key`. */
    readonly key: string,
    readonly params: Readonly<Record<string, Param>>,
  ) {
    this.#texts = texts;
  }

  /** The entry of this message in a language (English when a catalogue lacks it, which the tests forbid). */
  entry(lang: Lang): Entry | undefined {
    const local = this.key.slice(this.#texts.area.length + 1);
    return this.#texts[lang][local] ?? this.#texts.en[local];
  }

  /** This message with `fn` applied to its string parameters (and to those of nested messages): e.g. redaction. */
  mapParams(fn: (s: string) => string): Message {
    const params: Record<string, Param> = {};
    for (const [k, v] of Object.entries(this.params))
      params[k] = typeof v === 'string' ? fn(v) : v instanceof Message ? v.mapParams(fn) : v;
    return new Message(this.#texts, this.key, params);
  }

  /** JSON documents carry the English text in every locale. */
  toJSON(): string {
    return render(this, 'en');
  }

  /** Interpolated into a string, a message reads as English (the text of errors, logs). */
  toString(): string {
    return render(this, 'en');
  }
}

/** A text with `fn` applied to its verbatim strings: the text itself, or every string parameter of a message. */
export function mapVerbatim(text: Text, fn: (s: string) => string): Text {
  return typeof text === 'string' ? fn(text) : text.mapParams(fn);
}

/** The message constructor of one area: `m('key', { params })` → Message, keys and parameters checked. */
interface MessageArea<E extends Readonly<Record<string, Entry>>> {
  <K extends keyof E & string>(key: K, ...params: ParamArgs<E[K]>): Message;
  readonly texts: AreaTexts;
}

/**
 * Declares an area's catalogues: `en` as const, `zh` as const satisfying Translation<typeof en> (same keys); a
 * translation whose placeholders differ, or a text that is not one literal, is a compile error naming the keys.
 */
export function defineMessages<const E extends Readonly<Record<string, Entry>>, const Z extends Translation<E>>(
  area: string,
  en: E,
  zh: Z & AreaError<E, Z>,
): MessageArea<E> {
  const texts: AreaTexts = { area, en, zh: zh as Translation<E> };
  const make = (key: string, params?: Readonly<Record<string, Param>>): Message =>
    new Message(texts, `${area}.${key}`, params ?? {});
  return Object.assign(make, { texts }) as MessageArea<E>;
}

/** `{name}` placeholders: an identifier in braces; any other brace is a mistake the catalogue test reports. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Picks the plural form: CLDR gives English "one" for exactly 1 (integers) and Chinese only "other". */
function pick(entry: Entry, lang: Lang, count: Param | undefined): string {
  if (typeof entry === 'string') return entry;
  return lang === 'en' && count === 1 ? entry.one : entry.other;
}

/** How a renderer shows code parameters (a terminal keeps them unbroken: core/text-width.ts noBreak). */
interface RenderOptions {
  code?: (text: string) => string;
}

/** A text in a language: a message is looked up and filled in (nested messages in the same language). */
export function render(text: Text, lang: Lang, opts: RenderOptions = {}): string {
  if (typeof text === 'string') return text;
  const entry = text.entry(lang);
  if (entry === undefined) return text.key; // unreachable for typed keys; keeps a renderer from crashing
  return pick(entry, lang, text.params.count).replace(PLACEHOLDER, (whole, name: string) => {
    const value = text.params[name];
    if (value === undefined) return whole;
    if (value instanceof Code) return opts.code ? opts.code(value.text) : value.text;
    return typeof value === 'object' ? render(value, lang, opts) : String(value);
  });
}

/** Renders texts in one language (what a renderer or the command line holds). */
export interface Translator {
  readonly lang: Lang;
  t(text: Text): string;
}

/** A translator for a language. */
export function translator(lang: Lang, opts: RenderOptions = {}): Translator {
  return { lang, t: (text) => render(text, lang, opts) };
}

/** English, plain: what JSON, JUnit and the defaults of the renderers use. */
export const ENGLISH: Translator = translator('en');
