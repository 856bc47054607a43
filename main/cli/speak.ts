// The language rc-license speaks: chosen once per run (--lang, RC_LICENSE_LANG, then gettext's
// order: core/i18n/choose.ts), with that language's catalogs loaded on demand. --json never goes
// through here: its codes, dates and English messages are the same in every language.
import { isOwnErrorText, type AppError } from '../core/errors';
import type { CoreSource } from '../core/i18n/en';
import { direction, fmtFor, type Lang } from '../core/i18n/format';
import { messagesOf, renderMsg, type CatalogOf, type Msg, type Source, type Tell } from '../core/i18n/messages';
import cliEn, { type CliSource } from './i18n/en';

/** A language's catalogs. English needs only rc-license's own words: the core's sentences come
 * with their English text, so `rc-license --help` and every English run load no core catalog. */
interface Catalogs {
  core: CatalogOf<CoreSource> | null;
  cli: CatalogOf<CliSource>;
  /** The core's English, to fall back on for a code a language lacks. */
  coreEn: CoreSource | null;
}

// Each language's catalogs, loaded when it is chosen (literal paths: one chunk each in the build).
const LOADERS: Record<Exclude<Lang, 'en' | 'en-XA'>, () => Promise<[{ default: object }, { default: object }]>> = {
  'pt-BR': () => Promise.all([import('../core/i18n/pt-BR'), import('./i18n/pt-BR')]),
  de: () => Promise.all([import('../core/i18n/de'), import('./i18n/de')]),
  es: () => Promise.all([import('../core/i18n/es'), import('./i18n/es')]),
  fr: () => Promise.all([import('../core/i18n/fr'), import('./i18n/fr')]),
  ar: () => Promise.all([import('../core/i18n/ar'), import('./i18n/ar')]),
};

async function catalogsFor(lang: Lang): Promise<Catalogs> {
  if (lang === 'en') return { core: null, cli: cliEn, coreEn: null };
  const coreEn = (await import('../core/i18n/en')).default;
  if (lang === 'en-XA') {
    const { pseudoCatalog } = await import('../core/i18n/pseudo');
    return { core: pseudoCatalog(coreEn), cli: pseudoCatalog(cliEn), coreEn };
  }
  const [core, cli] = await LOADERS[lang]();
  return { core: core.default as CatalogOf<CoreSource>, cli: cli.default as CatalogOf<CliSource>, coreEn };
}

const cli = messagesOf(cliEn);

export interface Speaker {
  readonly lang: Lang;
  readonly rtl: boolean;
  /** One of rc-license's own sentences. */
  t: Tell<CliSource>;
  /** A message the core made. */
  msg(m: Msg): string;
  /** Something the core said, with its English text: in English that text, else its message. */
  text(o: { message: string; msg?: Msg }): string;
  /** An error's sentence and what to do, in this language when it has the code's own words. */
  error(e: AppError): { message: string; fix: string | undefined };
  /** A value kept whole in a right-to-left line (FSI … PDI). */
  iso(value: string): string;
}

export function speakerWith(lang: Lang, catalogs: Catalogs): Speaker {
  const own = [catalogs.core, catalogs.cli].filter(Boolean) as unknown as Source[];
  const english = [catalogs.coreEn, cliEn].filter(Boolean) as unknown as Source[];
  const fmt = fmtFor(lang);
  const render = (m: Msg) => renderMsg(own, lang, m, fmt) ?? renderMsg(english, 'en', m) ?? m.code;
  const text = (o: { message: string; msg?: Msg }) => (lang === 'en' || !o.msg ? o.message : render(o.msg));
  return {
    lang,
    rtl: direction(lang) === 'rtl',
    t: (code, ...params) => render(cli(code, ...params)),
    msg: render,
    text,
    error: (e) => {
      const mine = isOwnErrorText(e);
      return {
        message: text({ message: e.message, msg: mine ? { code: `error.${e.code}` } : undefined }),
        fix: e.fix === undefined ? undefined : text({ message: e.fix, msg: mine ? { code: `fix.${e.code}` } : undefined }),
      };
    },
    iso: (value) => (direction(lang) === 'rtl' ? fmt.iso(value) : value),
  };
}

export async function speaker(lang: Lang): Promise<Speaker> {
  return speakerWith(lang, await catalogsFor(lang));
}

/** English, ready at once: for words printed before the language is known. */
export const ENGLISH: Speaker = speakerWith('en', { core: null, cli: cliEn, coreEn: null });
