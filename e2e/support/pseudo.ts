// What the pseudo-language run looks for: words a technician would read that stayed plain
// English. In en-XA every catalog message is accented and bracketed (⟦…⟧); what is left outside
// the brackets is values (URLs, versions, names, numbers) and symbols — or a hard-coded string.
import coreEn from '../../main/core/i18n/en';
import cliEn from '../../main/cli/i18n/en';

/** The English words our own messages use (4 letters or more): the words a hard-coded string would have. */
function vocabulary(...catalogs: object[]): Set<string> {
  const words = new Set<string>();
  const probe = new Proxy({}, { get: () => Object.assign(['x'], { replace: () => 'x', toLowerCase: () => 'x', valueOf: () => 2, toString: () => 'x' }) });
  const fmt = { plural: (_n: number, f: { other: string }) => f.other, num: String, list: (i: string[]) => i.join(', '), day: String, time: String, second: String, iso: String, lang: 'en' };
  for (const c of catalogs)
    for (const fn of Object.values(c) as Array<(p: unknown, f: unknown) => string>) {
      for (const w of String(fn(probe, fmt)).match(/[A-Za-z]{4,}/g) ?? []) words.add(w.toLowerCase());
    }
  return words;
}

let known: Set<string> | null = null;
export function englishWords(extra: object[] = []): Set<string> {
  known ??= vocabulary(coreEn, cliEn, ...extra);
  return known;
}

/**
 * The plain English left in a pseudo-language text: words outside ⟦…⟧ that our English catalogs
 * use, skipping tokens that are values (with a dot, slash, colon, @, _ or digit in them).
 */
export function plainEnglish(text: string, words: Set<string> = englishWords()): string[] {
  let outside = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '⟦') depth++;
    else if (ch === '⟧') depth = Math.max(0, depth - 1);
    else if (depth === 0) outside += ch;
  }
  return outside
    .split(/\s+/)
    .filter((token) => !/[./:@_\d]/.test(token))
    .flatMap((token) => token.match(/[A-Za-z]{4,}/g) ?? [])
    .filter((w) => words.has(w.toLowerCase()));
}
