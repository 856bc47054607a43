// The pseudo-language `en-XA`: English with every letter accented, vowels doubled (about 40 %
// longer, as German and French run) and each message in ⟦ ⟧. Tests run the window and the CLI in
// it: a word that stays plain English was never translated, and text cut off at the brackets
// shows a layout that does not stretch. Values (URLs, versions, names) are left as they are.
import { VALUE_END, VALUE_START, type Fmt } from './format';
import type { CatalogOf, Source } from './messages';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'áƀçđéƒĝĥíĵķĺɱñóþǫŕšŧúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŦÚṼŴẊÝŽ'][i]]),
);
const VOWEL = /[aeiouAEIOU]/;

export function pseudoText(english: string): string {
  let out = '';
  let inValue = false;
  // A nested message arrives already made pseudo (in its own brackets): it is left as it is.
  let nested = 0;
  for (const ch of english) {
    if (ch === VALUE_START) inValue = true;
    else if (ch === VALUE_END) inValue = false;
    else if (inValue) out += ch;
    else if (ch === '⟦' || ch === '⟧') {
      nested += ch === '⟦' ? 1 : -1;
      out += ch;
    } else out += nested > 0 ? ch : VOWEL.test(ch) ? ACCENTED[ch] + ACCENTED[ch] : (ACCENTED[ch] ?? ch);
  }
  return `⟦${out}⟧`;
}

/** The pseudo-language's catalog for an English one: each message rendered in English, then
 * accented outside its values. */
export function pseudoCatalog<S extends Source>(english: S): CatalogOf<S> {
  const out: Record<string, (p: never, f: Fmt) => string> = {};
  for (const [code, fn] of Object.entries(english)) out[code] = (p, f) => pseudoText(fn(p, f));
  return out as CatalogOf<S>;
}
