// The parity test of the issue "The technician's language": every catalog against its English
// source — the core's sentences, rc-license's own and the window's.
import { describe, expect, it } from 'vitest';
import coreEn from '../main/core/i18n/en';
import coreAr from '../main/core/i18n/ar';
import coreDe from '../main/core/i18n/de';
import coreEs from '../main/core/i18n/es';
import coreFr from '../main/core/i18n/fr';
import corePt from '../main/core/i18n/pt-BR';
import cliEn from '../main/cli/i18n/en';
import cliAr from '../main/cli/i18n/ar';
import cliDe from '../main/cli/i18n/de';
import cliEs from '../main/cli/i18n/es';
import cliFr from '../main/cli/i18n/fr';
import cliPt from '../main/cli/i18n/pt-BR';
import winEn from '../renderer/src/i18n/en';
import winAr from '../renderer/src/i18n/ar';
import winDe from '../renderer/src/i18n/de';
import winEs from '../renderer/src/i18n/es';
import winFr from '../renderer/src/i18n/fr';
import winPt from '../renderer/src/i18n/pt-BR';
import { checkParity } from './catalog-parity';
import { helpSource } from '../main/cli/help-words';
import { COMMANDS } from '../main/cli/registry';
import helpAr from '../main/cli/i18n/help-ar';
import helpDe from '../main/cli/i18n/help-de';
import helpEs from '../main/cli/i18n/help-es';
import helpFr from '../main/cli/i18n/help-fr';
import helpPt from '../main/cli/i18n/help-pt-BR';
import { CHECK_NAME, EVIDENCE_SAYS, EVIDENCE_SOURCE, STATUS_WORD, STEP_NAME } from '../main/core/vocabulary';
import type { Source } from '../main/core/i18n/messages';

const s = (c: object) => c as unknown as Source;

describe('catalog parity', () => {
  it("the core's sentences: every code, the same parameters, every plural form, in every language", () => {
    expect(checkParity(s(coreEn), { 'pt-BR': s(corePt), de: s(coreDe), es: s(coreEs), fr: s(coreFr), ar: s(coreAr) })).toEqual([]);
  });

  it("rc-license's own words: every code, the same parameters, every plural form, in every language", () => {
    expect(checkParity(s(cliEn), { 'pt-BR': s(cliPt), de: s(cliDe), es: s(cliEs), fr: s(cliFr), ar: s(cliAr) })).toEqual([]);
  });

  it("the window's own words: every code, the same parameters, every plural form, in every language", () => {
    expect(checkParity(s(winEn), { 'pt-BR': s(winPt), de: s(winDe), es: s(winEs), fr: s(winFr), ar: s(winAr) })).toEqual([]);
  });

  it("rc-license's help: every command, option and exit code in every language, and no stale key", () => {
    const asSource = (words: Record<string, string>) => Object.fromEntries(Object.entries(words).map(([k, v]) => [k, () => v])) as unknown as Source;
    const en = asSource(helpSource(COMMANDS));
    expect(checkParity(en, { 'pt-BR': asSource(helpPt), de: asSource(helpDe), es: asSource(helpEs), fr: asSource(helpFr), ar: asSource(helpAr) })).toEqual([]);
  });

  it("the English catalog says the vocabulary's own words (no sentence took a word's code)", () => {
    const tables = { 'status.': STATUS_WORD, 'check.': CHECK_NAME, 'step.': STEP_NAME, 'evidence.': EVIDENCE_SOURCE, 'says.': EVIDENCE_SAYS };
    const en = coreEn as unknown as Record<string, () => string>;
    const wrong = Object.entries(tables).flatMap(([prefix, table]) =>
      Object.entries(table as Record<string, string>).filter(([k, word]) => en[prefix + k]?.() !== word).map(([k]) => prefix + k),
    );
    expect(wrong).toEqual([]);
  });

  it('finds what a careless translation does (the checker can fail)', () => {
    const en = s({ a: (p: { url: string }) => `at ${p.url}`, b: (p: { n: number }, f: { plural: (n: number, o: object) => string }) => f.plural(p.n, { one: '# day', other: '# days' }), c: () => 'Hello there' });
    const broken = s({ a: () => 'bei', b: (p: { n: number }, f: { plural: (n: number, o: object) => string }) => f.plural(p.n, { one: '# يوم', other: '# يوم' }), c: () => 'Hello there', d: () => 'x' });
    const problems = checkParity(en, { ar: broken }).map((p) => `${p.code}: ${p.problem}`);
    expect(problems).toEqual([
      'a: parameters {} but English has {url}',
      'b: plural forms few, many, two, zero missing (ar needs few, many, one, two, zero, other)',
      'd: not in English (a stale code)',
      '*: 1 of 2 messages are the English text',
    ]);
  });
});
