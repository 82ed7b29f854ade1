/**
 * How a version's contributors are named, on its page and in every export: a person or an API key
 * by their own name ("Navn (Organisation)" when the person wrote on behalf of one), the other kinds
 * by their word in the locale ("Skabelon" / "Template"), joined as the locale joins a list
 * ("A, B og C" / "A, B and C").
 */
import type { Locale } from '../i18n/messages';
import type { Translate } from '../i18n/t';
import { actorLabel } from '../people/actorLabel';
import type { VersionContributor } from './model';

export function contributorLabel(t: Translate, contributor: VersionContributor): string {
  switch (contributor.kind) {
    case 'person':
      return actorLabel(contributor.name, contributor.organisation === null ? null : { name: contributor.organisation });
    case 'apiKey':
      return contributor.name;
    default:
      return t(`authorship.kind.${contributor.kind}`);
  }
}

const LIST_LOCALES: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

/** The contributors' names as one list in the locale's words, each author once (two deleted people are one "former"). */
export function contributorList(t: Translate, locale: Locale, contributors: readonly VersionContributor[]): string {
  const names = [...new Set(contributors.map((contributor) => contributorLabel(t, contributor)))];
  return new Intl.ListFormat(LIST_LOCALES[locale], { style: 'long', type: 'conjunction' }).format(names);
}
