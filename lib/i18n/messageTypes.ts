/** The catalogues' types, derived from the Danish source (type-only: importing it loads no strings). */
import type { da } from './da';

export type MessageKey = keyof typeof da;
export type Messages = { readonly [K in MessageKey]: string };
