import { neutralDisplayName } from './affiliation';

/**
 * How a person is named where only plain text fits (carets, presence): "Navn (Organisation)" while
 * they act on behalf of an organisation (a verified membership), so readers see who speaks for
 * whom; otherwise just the name. Names cannot end in brackets themselves (lib/people/affiliation.ts),
 * so the form cannot be imitated; richer views show the organisation as its own element.
 */
export function actorLabel(name: string, actingFor?: { readonly name: string } | null): string {
  const organisation = actingFor?.name.trim() ?? '';
  const person = neutralDisplayName(name);
  return organisation === '' ? person : `${person} (${organisation})`;
}
