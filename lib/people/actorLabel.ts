/**
 * How a person is named on carets, comments and history: "Navn (Organisation)" while they act on
 * behalf of an organisation, so readers see who speaks for whom; otherwise just the name.
 */
export function actorLabel(name: string, actingFor?: { readonly name: string } | null): string {
  const organisation = actingFor?.name.trim() ?? '';
  const person = name.trim();
  return organisation === '' ? person : `${person} (${organisation})`;
}
