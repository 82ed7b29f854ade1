/**
 * What a deleted account's contributions are signed with, everywhere names are shown (as Decidim
 * does): stored in place of the name, so exports written later never show the old one. Danish,
 * like the rest of what is stored; `displayPersonName` (lib/account/displayPersonName.ts) gives the reader's language.
 */
export const FORMER_PARTICIPANT_NAME = 'Tidligere deltager';

/** True for the stored label of a deleted account. */
export function isFormerParticipant(name: string): boolean {
  return name === FORMER_PARTICIPANT_NAME;
}
