// Every language's core sentences at once, for what the main process writes in a language the
// technician chose (the receipt). Shells that only speak (the window, the CLI) load one language.
import ar from './ar';
import de from './de';
import en from './en';
import es from './es';
import fr from './fr';
import ptBR from './pt-BR';
import type { Lang } from './format';
import type { Source } from './messages';
import { pseudoCatalog } from './pseudo';

const s = (c: object) => c as unknown as Source;
let pseudo: Source | null = null;

export function coreCatalog(lang: Lang): Source {
  switch (lang) {
    case 'en':
      return s(en);
    case 'en-XA':
      return (pseudo ??= s(pseudoCatalog(en)));
    case 'pt-BR':
      return s(ptBR);
    case 'de':
      return s(de);
    case 'es':
      return s(es);
    case 'fr':
      return s(fr);
    case 'ar':
      return s(ar);
  }
}
