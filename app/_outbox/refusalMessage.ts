/** Why an outbox entry was refused, in the reader's language. */
import type { OutboxEntry, OutboxRefusal } from '../../lib/offline/OutboxEntry';
import { errorMessage, isMessageKey, type PlainMessageKey, type Translate } from '../../lib/i18n/t';

export function refusalMessage(t: Translate, refusal: OutboxRefusal): string {
  const own = `outbox.refused.${refusal.code}`;
  if (refusal.code.startsWith('depends_on_') && isMessageKey(own, t)) return t(own as PlainMessageKey);
  if (refusal.code === 'refused') return t('outbox.refused.generic', { status: refusal.status });
  // Codes from the catalogue are shown in the reader's language; others as the server wrote them.
  if (isMessageKey(`error.${refusal.code}`, t)) return errorMessage(t, refusal.code);
  return refusal.message || t('outbox.refused.generic', { status: refusal.status });
}

/** Why the last attempt did not get through (pending entries). */
export function lastErrorMessage(t: Translate, entry: OutboxEntry): string | null {
  if (!entry.lastError) return null;
  if (entry.lastError === 'network') return t('outbox.lastError.network');
  if (entry.lastError === 'timeout') return t('outbox.lastError.timeout');
  return t('outbox.lastError.server');
}

export function kindLabel(t: Translate, entry: OutboxEntry): string {
  return t(`outbox.kind.${entry.kind}` as PlainMessageKey);
}
