// Messages as data. Whatever the core says to a technician it says as a code with parameters
// (`Msg`), beside the English text it has always had; each shell renders the code in the chosen
// language with a catalog, and a record read later in another language still renders (or, for a
// code an older version did not know, falls back to the English text stored with it).
//
// A catalog is an object of functions, one per code: `(params, fmt) => string`. English is the
// source; every other language is typed against it (`CatalogOf<typeof en>`), so a missing code or
// a parameter the English does not have is a type error. Plain data and Intl only: the window
// bundles this module.
import { fmtFor, type Fmt, type Lang } from './format';

export type MessageFn = (params: never, fmt: Fmt) => string;
export type Source = Record<string, MessageFn>;

type ParamsOf<F> = F extends (params: infer P, fmt: Fmt) => string ? (unknown extends P ? Record<never, never> : P) : never;

/** Another language's catalog for a source catalog: the same codes, the same parameters. */
export type CatalogOf<S extends Source> = { [K in keyof S]: (params: ParamsOf<S[K]>, fmt: Fmt) => string };

/** A parameter as the core passes it: a value (isolated in right-to-left text), a number, a
 * nested message (rendered in the same language) or a list of either (each rendered; the
 * catalog joins them, usually with fmt.list). */
export type Param = string | number | Msg | readonly (string | Msg)[];

export interface Msg {
  code: string;
  params?: Record<string, Param>;
}

/** What the core passes for each declared parameter: numbers stay numbers; text may be a value,
 * a nested message or a list. */
export type Inputs<P> = {
  [K in keyof P]: P[K] extends number ? number : P[K] extends readonly string[] ? readonly (string | Msg)[] : P[K] extends string ? string | Msg : P[K];
};

/** The parameters a code takes, as its caller passes them (none: no argument). */
export type ParamArgs<S extends Source, K extends keyof S> = keyof ParamsOf<S[K]> extends never ? [] : [Inputs<ParamsOf<S[K]>>];
/** Makes a message checked against a source catalog. */
export type Say<S extends Source> = <K extends keyof S & string>(code: K, ...params: ParamArgs<S, K>) => Msg;
/** Says a code at once, in some language. */
export type Tell<S extends Source> = <K extends keyof S & string>(code: K, ...params: ParamArgs<S, K>) => string;

/** A message maker bound to one source catalog, so `say('code', {…})` is checked against it. */
export function messagesOf<S extends Source>(_source: S): Say<S> {
  return (code, ...params) => (params[0] ? { code, params: params[0] as Record<string, Param> } : { code });
}

export function isMsg(value: unknown): value is Msg {
  return typeof value === 'object' && value !== null && typeof (value as Msg).code === 'string';
}

/** Renders a message with the first catalog that has its code; null when none does. */
export function renderMsg(catalogs: readonly Source[], lang: Lang, msg: Msg, fmt: Fmt = fmtFor(lang)): string | null {
  const fn = catalogs.find((c) => Object.hasOwn(c, msg.code))?.[msg.code] as ((p: Record<string, unknown>, f: Fmt) => string) | undefined;
  if (!fn) return null;
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(msg.params ?? {})) params[k] = renderParam(catalogs, lang, v, fmt);
  try {
    return fn(params, fmt);
  } catch {
    return null;
  }
}

function renderParam(catalogs: readonly Source[], lang: Lang, value: Param, fmt: Fmt): string | number | string[] {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return fmt.iso(value);
  if (isMsg(value)) return renderMsg(catalogs, lang, value, fmt) ?? value.code;
  return value.map((v) => String(renderParam(catalogs, lang, v, fmt)));
}
