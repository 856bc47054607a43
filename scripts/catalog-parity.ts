// What "every language says everything" means, checked on any catalog set: every code in every
// language, the same parameters as English, every plural form the language's rules need
// (Intl.PluralRules), and words of its own (a translation identical to English is a copy).
import { fmtFor, type Fmt, type Lang } from '../main/core/i18n/format';
import type { Source } from '../main/core/i18n/messages';

export interface ParityProblem {
  lang: string;
  code: string;
  problem: string;
}

/** A parameter that works as a value, a number, a date and a list: what each was used as is recorded. */
function probe(): { params: Record<string, unknown>; read: Set<string> } {
  const read = new Set<string>();
  const value = () =>
    Object.assign(['7'], { replace: (a: RegExp, b: string) => '7'.replace(a, b), toLowerCase: () => '7', toUpperCase: () => '7', valueOf: () => 7, toString: () => '7' });
  const params = new Proxy({} as Record<string, unknown>, {
    get: (_t, key) => {
      if (typeof key === 'string') read.add(key);
      return value();
    },
  });
  return { params, read };
}

function run(fn: Source[string], lang: Lang, counts: number[]): { read: Set<string>; forms: string[][]; text: string } {
  const forms: string[][] = [];
  const base = fmtFor(lang);
  const fmt: Fmt = { ...base, plural: (n, f) => (forms.push(Object.keys(f)), base.plural(n, f)) };
  const { params, read } = probe();
  let text = '';
  for (const n of counts) {
    // The same call with each count, so each plural branch a message has is reached.
    const p = new Proxy(params, { get: (t, k) => (typeof k === 'string' && /^(n|days|count|seconds|h|min|max|value|total)$/.test(k) ? (read.add(k), n) : Reflect.get(t, k)) });
    text = (fn as unknown as (p: unknown, f: Fmt) => string)(p, fmt);
  }
  return { read, forms, text };
}

export function checkParity(english: Source, catalogs: Partial<Record<Lang, Source>>): ParityProblem[] {
  const problems: ParityProblem[] = [];
  for (const [lang, catalog] of Object.entries(catalogs) as Array<[Lang, Source]>) {
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    let same = 0;
    let worded = 0;
    for (const code of Object.keys(english)) {
      if (!Object.hasOwn(catalog, code)) {
        problems.push({ lang, code, problem: 'missing' });
        continue;
      }
      const en = run(english[code], 'en', [0, 1, 2, 3, 11, 100]);
      const it = run(catalog[code], lang, [0, 1, 2, 3, 11, 100]);
      const a = [...en.read].sort().join(',');
      const b = [...it.read].sort().join(',');
      if (a !== b) problems.push({ lang, code, problem: `parameters {${b}} but English has {${a}}` });
      const missing = new Set(it.forms.flatMap((forms) => needed.filter((c) => !forms.includes(c))));
      if (missing.size) problems.push({ lang, code, problem: `plural forms ${[...missing].join(', ')} missing (${lang} needs ${needed.join(', ')})` });
      if (/\p{L}{3,}/u.test(en.text)) {
        worded++;
        if (it.text === en.text) same++;
      }
    }
    for (const code of Object.keys(catalog)) if (!Object.hasOwn(english, code)) problems.push({ lang, code, problem: 'not in English (a stale code)' });
    // Names such as "Server" or "Signature" may be the same word; most sentences may not.
    if (worded && same / worded > 0.15) problems.push({ lang, code: '*', problem: `${same} of ${worded} messages are the English text` });
  }
  return problems;
}
