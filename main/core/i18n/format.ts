// The language-dependent pieces a message needs besides its words: plurals, numbers, lists,
// dates and sizes, all from Intl for the chosen language, and the isolation of values (URLs,
// fingerprints, versions, file names) so they read intact inside a right-to-left sentence.
// Plain data and Intl only: the window bundles this module.

export const LANGUAGES = ['en', 'pt-BR', 'de', 'es', 'fr', 'ar'] as const;
/** A language the technician can choose. */
export type Language = (typeof LANGUAGES)[number];
/** `en-XA` is the pseudo-language (accented English, longer): tests run in it to find words
 * that escaped translation and layouts that do not stretch. Never offered to a technician. */
export type Lang = Language | 'en-XA';

/** Each language's name in itself, as a language menu shows it. */
export const LANGUAGE_NAME: Record<Language, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  de: 'Deutsch',
  es: 'Español',
  fr: 'Français',
  ar: 'العربية',
};

export function isLang(value: unknown): value is Lang {
  return value === 'en-XA' || (LANGUAGES as readonly unknown[]).includes(value);
}

export function direction(lang: Lang): 'ltr' | 'rtl' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** The plural forms a message gives: `other` always, the rest as the language needs
 * (Arabic all six; the parity test checks each language against Intl.PluralRules). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Fmt {
  readonly lang: Lang;
  /** The form for n, with `#` replaced by n written the language's way. */
  plural(n: number, forms: PluralForms): string;
  num(n: number, fractionDigits?: number): string;
  /** "a, b and c" (or "a, b or c") in the language. */
  list(items: readonly string[], kind?: 'and' | 'or' | 'unit'): string;
  /** A calendar day (YYYY-MM-DD in English, the language's own date otherwise). */
  day(iso: string): string;
  /** A moment in UTC, to the minute. */
  time(iso: string): string;
  /** A moment in UTC, to the second (a log line's time). */
  second(iso: string): string;
  /** A value kept whole inside a sentence (FSI … PDI when the language reads right to left). */
  iso(value: string | number): string;
}

/** The pseudo-language marks values so that its accents leave them alone (see pseudo.ts). */
export const VALUE_START = '\uE000';
export const VALUE_END = '\uE001';
const FSI = '\u2068';
const PDI = '\u2069';

/** Intl understands every language we ship; the pseudo-language formats as English. */
function intlLocale(lang: Lang): string {
  return lang === 'en-XA' ? 'en' : lang;
}

// English, the language of every default run, is said without Intl: its plural rule and its lists
// are Intl's own ("a, b, and c"; "a, b, c"), and loading ICU's data for them cost rc-license
// inspect ~10 ms of its start-up budget. The catalogs test compares them with Intl.
export function englishPlural(n: number): Intl.LDMLPluralRule {
  return n === 1 ? 'one' : 'other';
}
export function englishList(items: readonly string[], kind: 'and' | 'or' | 'unit' = 'and'): string {
  if (kind === 'unit' || items.length < 2) return items.join(', ');
  const word = kind === 'and' ? 'and' : 'or';
  return items.length === 2 ? `${items[0]} ${word} ${items[1]}` : `${items.slice(0, -1).join(', ')}, ${word} ${items[items.length - 1]}`;
}

const bare = (s: string) => s.replace(/[\u2068\u2069\uE000\uE001]/g, '');

const cache = new Map<Lang, Fmt>();

export function fmtFor(lang: Lang): Fmt {
  const hit = cache.get(lang);
  if (hit) return hit;
  const locale = intlLocale(lang);
  const rtl = direction(lang) === 'rtl';
  const english = locale === 'en';
  // Intl's objects are made at first use: each loads locale data, and most commands print
  // without a plural, a list or a date (rc-license --help starts in the time budget).
  const once = <T>(make: () => T) => {
    let made: T | undefined;
    return () => (made ??= make());
  };
  const rules = once(() => new Intl.PluralRules(locale));
  const lists = {
    and: once(() => new Intl.ListFormat(locale, { type: 'conjunction' })),
    or: once(() => new Intl.ListFormat(locale, { type: 'disjunction' })),
    unit: once(() => new Intl.ListFormat(locale, { type: 'unit', style: 'short' })),
  };
  const dayFormat = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  const timeFormat = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }));
  const secondFormat = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }));
  const num = (n: number, digits?: number) =>
    english && digits === undefined ? String(n) : n.toLocaleString(locale, digits === undefined ? { useGrouping: false } : { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
  const fmt: Fmt = {
    lang,
    plural: (n, forms) => (forms[english ? englishPlural(n) : rules().select(n)] ?? forms.other).replace(/#/g, num(n)),
    num,
    list: (items, kind = 'and') => (english ? englishList(items, kind) : lists[kind]().format(items)),
    // English keeps the ISO day it has always printed (a technician compares it with the license file).
    // A date arrives isolated like any value: the marks come off before it is read.
    day: (iso) => {
      const d = bare(iso);
      return Number.isNaN(Date.parse(d)) ? d : english ? d.slice(0, 10) : dayFormat().format(new Date(d));
    },
    time: (iso) => {
      const d = bare(iso);
      return Number.isNaN(Date.parse(d)) ? d : english ? new Date(d).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : `${timeFormat().format(new Date(d))} UTC`;
    },
    second: (iso) => {
      const d = bare(iso);
      return Number.isNaN(Date.parse(d)) ? d : english ? `${new Date(d).toISOString().slice(0, 19).replace('T', ' ')} UTC` : `${secondFormat().format(new Date(d))} UTC`;
    },
    iso: (value) => (rtl ? `${FSI}${value}${PDI}` : lang === 'en-XA' ? `${VALUE_START}${value}${VALUE_END}` : String(value)),
  };
  cache.set(lang, fmt);
  return fmt;
}
