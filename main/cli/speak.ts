// The language rc-license speaks: chosen once per run (--lang, RC_LICENSE_LANG, then gettext's
// order: core/i18n/choose.ts), with that language's catalogs loaded on demand. --json never goes
// through here: its codes, dates and English messages are the same in every language.
import { ERROR_TEXT, type AppError } from '../core/errors';
import coreEn, { type CoreSource } from '../core/i18n/en';
import { direction, fmtFor, type Lang } from '../core/i18n/format';
import { messagesOf, renderMsg, type CatalogOf, type Msg, type Source, type Tell } from '../core/i18n/messages';
import { pseudoCatalog } from '../core/i18n/pseudo';
import cliEn, { type CliSource } from './i18n/en';

type Catalogs = [CatalogOf<CoreSource>, CatalogOf<CliSource>];

// Each language's catalogs, loaded when it is chosen (literal paths: one chunk each in the build).
const LOADERS: Record<Exclude<Lang, 'en' | 'en-XA'>, () => Promise<[{ default: object }, { default: object }]>> = {
  'pt-BR': () => Promise.all([import('../core/i18n/pt-BR'), import('./i18n/pt-BR')]),
  de: () => Promise.all([import('../core/i18n/de'), import('./i18n/de')]),
  es: () => Promise.all([import('../core/i18n/es'), import('./i18n/es')]),
  fr: () => Promise.all([import('../core/i18n/fr'), import('./i18n/fr')]),
  ar: () => Promise.all([import('../core/i18n/ar'), import('./i18n/ar')]),
};

async function catalogsFor(lang: Lang): Promise<Catalogs> {
  if (lang === 'en') return [coreEn, cliEn];
  if (lang === 'en-XA') return [pseudoCatalog(coreEn), pseudoCatalog(cliEn)];
  const [core, cli] = await LOADERS[lang]();
  return [core.default, cli.default] as unknown as Catalogs;
}

const cli = messagesOf(cliEn);
const core = messagesOf(coreEn);

export interface Speaker {
  readonly lang: Lang;
  readonly rtl: boolean;
  /** One of rc-license's own sentences. */
  t: Tell<CliSource>;
  /** One of the core's sentences by its code. */
  c: Tell<CoreSource>;
  /** A message the core made; English is its own text. */
  msg(m: Msg): string;
  /** Something the core said, with its English text: in English that text, else its message. */
  text(o: { message: string; msg?: Msg }): string;
  /** An error's sentence and what to do, in this language when it has the code's own words. */
  error(e: AppError): { message: string; fix: string | undefined };
  /** A value kept whole in a right-to-left line (FSI … PDI). */
  iso(value: string): string;
}

export function speakerWith(lang: Lang, catalogs: Catalogs): Speaker {
  const sources = catalogs as unknown as Source[];
  const fmt = fmtFor(lang);
  const render = (m: Msg) => renderMsg(sources, lang, m, fmt) ?? renderMsg([coreEn, cliEn] as unknown as Source[], 'en', m) ?? m.code;
  return {
    lang,
    rtl: direction(lang) === 'rtl',
    t: (code, ...params) => render(cli(code, ...params)),
    c: (code, ...params) => render(core(code, ...params)),
    msg: render,
    text: (o) => (lang === 'en' || !o.msg ? o.message : render(o.msg)),
    error: (e) => ({
      message: lang !== 'en' && e.message === ERROR_TEXT[e.code]?.message ? render({ code: `error.${e.code}` }) : e.message,
      fix: e.fix === undefined ? undefined : lang !== 'en' && e.fix === ERROR_TEXT[e.code]?.fix ? render({ code: `fix.${e.code}` }) : e.fix,
    }),
    iso: (value) => (direction(lang) === 'rtl' ? fmt.iso(value) : value),
  };
}

export async function speaker(lang: Lang): Promise<Speaker> {
  return speakerWith(lang, await catalogsFor(lang));
}

/** English, ready at once: for words printed before the language is known. */
export const ENGLISH: Speaker = speakerWith('en', [coreEn, cliEn]);
