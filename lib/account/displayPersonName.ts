import type { Translate } from '../i18n/t';
import { isFormerParticipant } from './formerParticipant';

/**
 * A stored person's name as a reader sees it: a deleted account's placeholder ("Tidligere deltager",
 * stored in Danish) in the reader's language, every other name as it is.
 */
export function displayPersonName(t: Translate, name: string): string {
  return isFormerParticipant(name) ? t('account.formerParticipant') : name;
}
