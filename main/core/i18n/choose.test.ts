import { describe, expect, it } from 'vitest';
import { firstLanguage, languageFromEnvironment, matchLanguage } from './choose';
import { englishList, englishPlural } from './format';

describe('matchLanguage', () => {
  it('matches what we ship, by region then by language, and refuses C and POSIX', () => {
    expect(matchLanguage('de_DE.UTF-8')).toBe('de');
    expect(matchLanguage('de_AT.UTF-8@euro')).toBe('de');
    expect(matchLanguage('pt_BR')).toBe('pt-BR');
    expect(matchLanguage('pt-PT')).toBe('pt-BR');
    expect(matchLanguage('es-419')).toBe('es');
    expect(matchLanguage('fr-CA')).toBe('fr');
    expect(matchLanguage('ar-EG')).toBe('ar');
    expect(matchLanguage('EN-us')).toBe('en');
    expect(matchLanguage('en-XA')).toBe('en-XA');
    expect(matchLanguage('C')).toBeNull();
    expect(matchLanguage('C.UTF-8')).toBeNull();
    expect(matchLanguage('POSIX')).toBeNull();
    expect(matchLanguage('ja_JP.UTF-8')).toBeNull();
    expect(matchLanguage('')).toBeNull();
  });
  it('takes the first preference we ship, else English', () => {
    expect(firstLanguage(['ja-JP', 'fr-FR', 'de'])).toBe('fr');
    expect(firstLanguage(['C', 'ja'])).toBe('en');
    expect(firstLanguage([])).toBe('en');
  });
});

describe('languageFromEnvironment (gettext order)', () => {
  const env = (e: Record<string, string>) => e as NodeJS.ProcessEnv;
  it('--lang, then RC_LICENSE_LANG, then LANGUAGE, then LC_ALL, LC_MESSAGES, LANG', () => {
    expect(languageFromEnvironment('fr', env({ RC_LICENSE_LANG: 'de', LANG: 'es_ES.UTF-8' }))).toEqual({ lang: 'fr', source: '--lang' });
    expect(languageFromEnvironment(undefined, env({ RC_LICENSE_LANG: 'de', LANG: 'es_ES.UTF-8' }))).toEqual({ lang: 'de', source: 'RC_LICENSE_LANG' });
    expect(languageFromEnvironment(undefined, env({ LANGUAGE: 'es', LANG: 'de_DE.UTF-8' }))).toEqual({ lang: 'es', source: 'LANGUAGE' });
    expect(languageFromEnvironment(undefined, env({ LANGUAGE: 'ja:pt_BR', LANG: 'de_DE.UTF-8' }))).toEqual({ lang: 'pt-BR', source: 'LANGUAGE' });
    expect(languageFromEnvironment(undefined, env({ LC_ALL: 'fr_FR.UTF-8', LC_MESSAGES: 'de_DE', LANG: 'es_ES' }))).toEqual({ lang: 'fr', source: 'LC_ALL' });
    expect(languageFromEnvironment(undefined, env({ LC_MESSAGES: 'de_DE', LANG: 'es_ES' }))).toEqual({ lang: 'de', source: 'LC_MESSAGES' });
    expect(languageFromEnvironment(undefined, env({ LANG: 'ar_EG.UTF-8' }))).toEqual({ lang: 'ar', source: 'LANG' });
  });
  it('the C locale means English, and makes LANGUAGE be ignored (as gettext does)', () => {
    expect(languageFromEnvironment(undefined, env({ LC_ALL: 'C', LANG: 'de_DE.UTF-8' }))).toEqual({ lang: 'en', source: 'default' });
    expect(languageFromEnvironment(undefined, env({ LANGUAGE: 'es', LC_ALL: 'C' }))).toEqual({ lang: 'en', source: 'default' });
    expect(languageFromEnvironment(undefined, env({ LANGUAGE: 'es' }))).toEqual({ lang: 'en', source: 'default' });
    expect(languageFromEnvironment(undefined, env({}))).toEqual({ lang: 'en', source: 'default' });
  });
  it('a language we do not ship falls through to the next source', () => {
    expect(languageFromEnvironment(undefined, env({ RC_LICENSE_LANG: 'ja', LANG: 'de_DE.UTF-8' }))).toEqual({ lang: 'de', source: 'LANG' });
    expect(languageFromEnvironment(undefined, env({ LANG: 'ja_JP.UTF-8' }))).toEqual({ lang: 'en', source: 'default' });
  });
});

describe('English without Intl', () => {
  it("says plurals and lists exactly as Intl's English does", () => {
    const rules = new Intl.PluralRules('en');
    for (const n of [0, 1, 2, 3, 11, 21, 100, 1.5]) expect(englishPlural(n)).toBe(rules.select(n));
    for (const kind of ['and', 'or', 'unit'] as const) {
      const intl = new Intl.ListFormat('en', { type: kind === 'and' ? 'conjunction' : kind === 'or' ? 'disjunction' : 'unit', style: kind === 'unit' ? 'short' : 'long' });
      for (const items of [[], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd']]) expect(englishList(items, kind)).toBe(intl.format(items));
    }
  });
});
