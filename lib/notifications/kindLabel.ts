import { isMessageKey, type PlainMessageKey, type Translate } from '../i18n/t';
import type { NotificationKind } from './model';

/** What a kind of notification is called in settings and e-mails (`notifications.kind.<kind>`); the kind itself if the catalogue lacks it. */
export function kindLabel(t: Translate, kind: NotificationKind): string {
  const key = `notifications.kind.${kind}`;
  return isMessageKey(key, t) ? t(key as PlainMessageKey) : kind;
}
