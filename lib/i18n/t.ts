/**
 * Looks up a message and fills its `{placeholders}`. Placeholder names are checked by the type
 * system. Safe for the browser: it holds no catalogue (the one in use comes from LocaleProvider
 * there, from lib/i18n/translator.ts on the server), so a page ships only its own language.
 */
import type { da } from './da';
import type { MessageKey, Messages } from './messageTypes';

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type ParamsOf<K extends MessageKey> = Placeholders<(typeof da)[K]>;
export type MessageArgs<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, string | number>];

/** Keys of messages without placeholders (usable where the key is only known as a variable). */
export type PlainMessageKey = { [K in MessageKey]: MessageArgs<K> extends [] ? K : never }[MessageKey];

export type Translate = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

function fill(template: string, params: Record<string, string | number> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

const translators = new WeakMap<Messages, Translate>();
const cataloguesOf = new WeakMap<Translate, Messages>();

/** The translator over one catalogue (one per catalogue, so it is stable across renders). */
export function translatorFor(messages: Messages): Translate {
  const known = translators.get(messages);
  if (known) return known;
  const translate: Translate = (key, ...args) =>
    fill(Object.hasOwn(messages, key) ? messages[key] : key, args[0] as Record<string, string | number> | undefined);
  translators.set(messages, translate);
  cataloguesOf.set(translate, messages);
  return translate;
}

/** Whether `key` is in the catalogue `translate` reads (false for a translator not made by translatorFor). */
export function isMessageKey(key: string, translate: Translate): key is MessageKey {
  const messages = cataloguesOf.get(translate);
  return messages !== undefined && Object.hasOwn(messages, key);
}

/** The message for an API error code (`error.<code>`), or the generic one for codes without a message. */
export function errorMessage(translate: Translate, code: string): string {
  const key = `error.${code}`;
  // Every `error.*` message is a plain sentence without placeholders.
  return isMessageKey(key, translate) ? (translate as (key: MessageKey) => string)(key) : translate('error.internal');
}
