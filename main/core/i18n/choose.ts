// Which language to speak: a tag from a menu, a system list or the POSIX environment, matched to
// one we ship. Plain data: the window bundles it.
import { LANGUAGES, type Lang, type Language } from './format';

/** "de_AT.UTF-8@euro" → "de-AT"; the C and POSIX locales (and empty) → null. */
function normalize(tag: string): string | null {
  const t = tag.trim().replace(/[.@].*$/, '').replace(/_/g, '-');
  if (!t || t === 'C' || t === 'POSIX') return null;
  return t;
}

/** The language we ship that a tag asks for: exact, then by its first subtag (pt-PT and pt read
 * Brazilian Portuguese better than English); `en-XA` is the pseudo-language. null: none. */
export function matchLanguage(tag: string): Lang | null {
  const t = normalize(tag);
  if (!t) return null;
  if (t.toLowerCase() === 'en-xa') return 'en-XA';
  const exact = LANGUAGES.find((l) => l.toLowerCase() === t.toLowerCase());
  if (exact) return exact;
  const base = t.split('-')[0].toLowerCase();
  return LANGUAGES.find((l) => l.split('-')[0].toLowerCase() === base) ?? null;
}

/** The first of a list of preferences we ship, else English (the window: the system's languages). */
export function firstLanguage(tags: readonly string[]): Lang {
  for (const t of tags) {
    const m = matchLanguage(t);
    if (m) return m;
  }
  return 'en';
}

export type LanguageSource = '--lang' | 'RC_LICENSE_LANG' | 'LANGUAGE' | 'LC_ALL' | 'LC_MESSAGES' | 'LANG' | 'default';

/**
 * The CLI's language: `--lang`, then RC_LICENSE_LANG, then gettext's order — LANGUAGE (a colon
 * list, ignored when the locale is C or POSIX), then the locale itself from LC_ALL, LC_MESSAGES,
 * LANG (the first one set) — then English.
 */
export function languageFromEnvironment(flag: string | undefined, env: NodeJS.ProcessEnv): { lang: Lang; source: LanguageSource } {
  if (flag) {
    const m = matchLanguage(flag);
    if (m) return { lang: m, source: '--lang' };
  }
  const own = env.RC_LICENSE_LANG && matchLanguage(env.RC_LICENSE_LANG);
  if (own) return { lang: own, source: 'RC_LICENSE_LANG' };
  const localeVar = (['LC_ALL', 'LC_MESSAGES', 'LANG'] as const).find((k) => env[k]);
  const locale = localeVar ? normalize(env[localeVar] as string) : null;
  if (locale && env.LANGUAGE) {
    for (const t of env.LANGUAGE.split(':')) {
      const m = matchLanguage(t);
      if (m) return { lang: m, source: 'LANGUAGE' };
    }
  }
  const fromLocale = localeVar && locale ? matchLanguage(locale) : null;
  if (fromLocale && localeVar) return { lang: fromLocale, source: localeVar };
  return { lang: 'en', source: 'default' };
}

export type { Language };
