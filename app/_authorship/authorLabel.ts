import type { AuthorRef } from '../../lib/authorship/Authorship';
import type { Translate } from '../../lib/i18n/t';

/** The name to show: a person's or an API key's own, else the kind's (translated: the server's names are Danish). */
export function authorLabel(t: Translate, ref: AuthorRef): string {
  switch (ref.kind) {
    case 'person':
    case 'apiKey':
      return ref.name;
    default:
      return t(`authorship.kind.${ref.kind}`);
  }
}

/** One key per author as the reader sees them (two deleted people are both "former"). */
export const authorKey = (ref: AuthorRef): string => `${ref.kind}:${ref.personId ?? ref.name}`;
