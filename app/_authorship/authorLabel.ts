import type { AuthorRef } from '../../lib/authorship/Authorship';
import type { Translate } from '../../lib/i18n/t';
import { actorLabel } from '../../lib/people/actorLabel';

/**
 * The name to show: a person's or an API key's own ("Navn (Organisation)" for a person who wrote on
 * behalf of one), else the kind's (translated: the server's names are Danish).
 */
export function authorLabel(t: Translate, ref: AuthorRef): string {
  switch (ref.kind) {
    case 'person':
      return ref.organisation ? actorLabel(ref.name, { name: ref.organisation }) : ref.name;
    case 'apiKey':
      return ref.name;
    default:
      return t(`authorship.kind.${ref.kind}`);
  }
}

/** One key per author as the reader sees them (two deleted people are both "former"; a person for an organisation is another). */
export const authorKey = (ref: AuthorRef): string =>
  `${ref.kind}:${ref.personId ?? ref.name}${ref.organisation ? `:${ref.organisation}` : ''}`;
