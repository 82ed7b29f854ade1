/** Looks up a message and fills its `{placeholders}`. Placeholder names are checked by the type system. */
import { DEFAULT_LOCALE, catalogues, da, type Locale, type MessageKey } from './messages';

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type ParamsOf<K extends MessageKey> = Placeholders<(typeof da)[K]>;
export type MessageArgs<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, string | number>];

/** Keys of messages without placeholders (usable where the key is only known as a variable). */
export type PlainMessageKey = { [K in MessageKey]: MessageArgs<K> extends [] ? K : never }[MessageKey];

export type Translate = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(da, key);
}

function fill(template: string, params: Record<string, string | number> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export function translator(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, ...args) => fill(messages[key], args[0] as Record<string, string | number> | undefined);
}

/** Danish (the default locale). */
export const t: Translate = translator(DEFAULT_LOCALE);

/** The message for an API error code (`error.<code>`), or the generic one for codes without a message. */
export function errorMessage(translate: Translate, code: string): string {
  const key = `error.${code}`;
  // Every `error.*` message is a plain sentence without placeholders.
  return isMessageKey(key) ? (translate as (key: MessageKey) => string)(key) : translate('error.internal');
}
