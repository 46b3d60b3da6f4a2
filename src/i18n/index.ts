/**
 * Typed zh-CN / en-US message catalogs. Each module defines its own catalog with `defineMessages`; the en-US half must
 * have exactly the keys and parameter shapes of the zh-CN half (checked by the compiler).
 */
export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

/** A message is a fixed string or a function of named parameters. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = string | ((p: any) => string);
export type MessageTable = Record<string, Message>;

export interface Catalog<M extends MessageTable> {
  'zh-CN': M;
  'en-US': { [K in keyof M]: M[K] };
}

export function defineMessages<M extends MessageTable>(zh: M, en: { [K in keyof M]: M[K] }): Catalog<M> {
  return { 'zh-CN': zh, 'en-US': en };
}

type ParamsOf<X> = X extends (p: infer P) => string ? P : undefined;

/** Render one message. */
export function t<M extends MessageTable, K extends keyof M & string>(
  catalog: Catalog<M>,
  lang: Lang,
  key: K,
  ...params: ParamsOf<M[K]> extends undefined ? [] : [ParamsOf<M[K]>]
): string {
  const m = catalog[lang][key] ?? catalog['zh-CN'][key];
  if (typeof m === 'function') return m(params[0]);
  return m as string;
}

/** Parse a --lang value or an environment locale into a supported language (zh-CN first). */
export function resolveLang(input?: string | null): Lang {
  if (!input) return 'zh-CN';
  const s = input.toLowerCase().replace('_', '-');
  if (s.startsWith('en')) return 'en-US';
  return 'zh-CN';
}

export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}
