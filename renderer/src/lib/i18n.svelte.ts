// The language the window speaks: the technician's choice (kept between runs), else the
// system's preferred languages (the shell's app.getPreferredSystemLanguages(), C/POSIX skipped),
// else English. Switching needs no restart: every word on screen reads `i18n.lang`, so it is
// said again in the new language at once. Every language, English too, is its own chunk loaded
// before the first paint (its window words, and for the others the core's sentences): the window's
// code carries codes, not sentences, and the first paint carries one language.
import { firstLanguage } from '../../../main/core/i18n/choose';
import { direction, fmtFor, isLang, LANGUAGE_NAME, type Lang, type Language } from '../../../main/core/i18n/format';
import { messagesOf, renderMsg, type Msg, type Source, type Tell } from '../../../main/core/i18n/messages';
import type { AppError } from '../../../main/core/contract';
import type { WindowSource } from '../i18n/en';

export const STORED = 'rc-license.language';

/** `core`: the core's sentences in this language; `coreEn`: in English, to tell an error's own
 * words (translated by its code) from words made for the occasion (kept as they are). */
type Loaded = { win: Source; core: Source | null; coreEn: Source | null };
const asSource = (c: object) => c as unknown as Source;

async function load(lang: Lang): Promise<Loaded> {
  if (lang === 'en') return { win: asSource((await import('../i18n/en')).default), core: null, coreEn: null };
  const coreEn = asSource((await import('../../../main/core/i18n/en')).default);
  const { win, core } = await loadOther(lang, coreEn);
  return { win, core, coreEn };
}

// Each language's two chunks: the window's words and the core's sentences (literal paths, so the
// bundler makes one chunk per language).
const LOADERS: Record<Exclude<Lang, 'en' | 'en-XA'>, () => Promise<[{ default: object }, { default: object }]>> = {
  'pt-BR': () => Promise.all([import('../i18n/pt-BR'), import('../../../main/core/i18n/pt-BR')]),
  de: () => Promise.all([import('../i18n/de'), import('../../../main/core/i18n/de')]),
  es: () => Promise.all([import('../i18n/es'), import('../../../main/core/i18n/es')]),
  fr: () => Promise.all([import('../i18n/fr'), import('../../../main/core/i18n/fr')]),
  ar: () => Promise.all([import('../i18n/ar'), import('../../../main/core/i18n/ar')]),
};

async function loadOther(lang: Exclude<Lang, 'en'>, coreEn: Source): Promise<{ win: Source; core: Source }> {
  if (lang === 'en-XA') {
    const [{ pseudoCatalog }, en] = await Promise.all([import('../../../main/core/i18n/pseudo'), import('../i18n/en')]);
    return { win: asSource(pseudoCatalog(en.default)), core: asSource(pseudoCatalog(coreEn)) };
  }
  const [win, core] = await LOADERS[lang]();
  return { win: asSource(win.default), core: asSource(core.default) };
}

// The maker only needs the English catalog's type; the catalog itself is loaded with the language.
const say = messagesOf<WindowSource>(null as unknown as WindowSource);

class I18n {
  lang = $state<Lang>('en');
  /** Chosen in About (kept between runs); null: the system's. */
  chosen = $state<Lang | null>(null);
  /** The system's language as we matched it. */
  system = $state<Lang>('en');
  #loaded = $state<Loaded>({ win: {}, core: null, coreEn: null });

  get dir(): 'ltr' | 'rtl' {
    return direction(this.lang);
  }

  /** One of the window's own sentences, in the language of the moment. */
  t: Tell<WindowSource> = (code, ...params) => {
    const msg = say(code, ...params);
    // Every language has every code (the parity test); before the first load there is only the code.
    return renderMsg([this.#loaded.win], this.lang, msg) ?? code;
  };

  /** A code known only at run time (a module's name): null when this language has none. */
  maybe = (code: string): string | null => renderMsg([this.#loaded.win], this.lang, { code });

  /** Something the core said: in English its own text; else its message in this language
   * (its English text when it carries none, or its code is not known here). */
  text = (o: { message: string; msg?: Msg | null }): string => {
    if (!o.msg || !this.#loaded.core) return o.message;
    return renderMsg([this.#loaded.core], this.lang, o.msg) ?? o.message;
  };

  /** A core word by its code ("status.active"), with its English beside it. */
  word = (code: string, english: string): string => this.text({ message: english, msg: { code } });

  /** An error's sentence and what to do: the code's own words when the message is the code's. */
  error = (e: Pick<AppError, 'code' | 'message' | 'fix'> | { code: string; message: string; fix?: string }): { message: string; fix: string | undefined } => {
    const own = (code: string, english: string | undefined) => {
      const l = this.#loaded;
      return english !== undefined && l.coreEn && renderMsg([l.coreEn], 'en', { code }) === english ? this.text({ message: english, msg: { code } }) : english;
    };
    return { message: own(`error.${e.code}`, e.message) ?? e.message, fix: own(`fix.${e.code}`, e.fix) };
  };

  /** Numbers, dates and lists in the language of the moment. */
  get fmt() {
    return fmtFor(this.lang);
  }

  /** Switches the whole window; `remember`: the technician chose it (kept between runs). */
  async use(lang: Lang, remember = false): Promise<void> {
    const loaded = await load(lang);
    this.#loaded = loaded;
    this.lang = lang;
    document.documentElement.lang = lang;
    document.documentElement.dir = direction(lang);
    if (remember) {
      this.chosen = lang;
      try {
        localStorage.setItem(STORED, lang);
      } catch {
        /* a locked-down profile without storage: the choice lasts this run */
      }
    }
  }

  /** Back to the system's language, and forget the choice. */
  async useSystem(): Promise<void> {
    this.chosen = null;
    try {
      localStorage.removeItem(STORED);
    } catch {
      /* nothing kept */
    }
    await this.use(this.system);
  }

  /** At start: the choice kept from before, else the system's preferred languages, else English. */
  async start(systemLanguages: () => Promise<readonly string[]>): Promise<void> {
    let stored: string | null;
    try {
      stored = localStorage.getItem(STORED);
    } catch {
      stored = null;
    }
    const kept = isLang(stored) ? stored : null;
    this.chosen = kept;
    this.system = firstLanguage(kept ? [] : await systemLanguages().catch(() => []));
    await this.use(kept ?? this.system);
  }
}

export const i18n = new I18n();
export const t: Tell<WindowSource> = (code, ...params) => i18n.t(code, ...params);

export function languageName(lang: Lang): string {
  return lang === 'en-XA' ? 'Pseudo' : LANGUAGE_NAME[lang as Language];
}
