import type { Translate } from '../i18n/t';
import type { NotificationItem } from './NotificationService';
import { isFormerParticipant } from '../account/formerParticipant';

/**
 * The sentence a notification shows, in the reader's language, with the document's title as it is
 * now. Facts missing from older records fall back to plain wording rather than "undefined".
 */
export function notificationText(t: Translate, item: Pick<NotificationItem, 'kind' | 'data' | 'documentTitle'>): string {
  const { data } = item;
  const title = item.documentTitle || data.title;
  // A deleted account's name is stored as the Danish label; the reader's language names it (issue 12: account).
  const actor =
    data.actorVia === 'api_key'
      ? data.actorName
        ? t('notifications.actor.apiKey', { name: data.actorName })
        : t('notifications.actor.unknownApiKey')
      : data.actorVia === 'platform'
        ? t('notifications.actor.platform')
        : isFormerParticipant(data.actorName)
          ? t('account.formerParticipant')
          : data.actorName || t('notifications.someone');
  switch (item.kind) {
    case 'comment_new':
      return data.threadKind === 'suggestion'
        ? t('notifications.text.comment_new.suggestion', { actor, title })
        : data.threadKind === 'feedback'
          ? t('notifications.text.comment_new.feedback', { actor, title })
          : data.threadKind === 'forum_reply'
            ? t('notifications.text.comment_new.forum_reply', { actor, title })
            : t('notifications.text.comment_new.comment', { actor, title });
    case 'reply':
      return t('notifications.text.reply', { actor, title });
    case 'answered':
      if (data.decision !== undefined) return t(`notifications.text.decision.${data.decision}`, { actor, title });
      return t('notifications.text.answered', {
        actor,
        title,
        status: data.answerStatus === undefined ? '' : t(`consultation.answerStatus.${data.answerStatus}`),
      });
    case 'moderated':
      return data.moderation === 'restore'
        ? t('notifications.text.moderated.restore', { title })
        : t('notifications.text.moderated.hide', { title, ground: t(`consultation.groundShort.${data.ground ?? 'other'}`) });
    case 'phase_changed': {
      if (data.consultation !== undefined) return t(`notifications.text.consultation.${data.consultation}`, { title });
      const phase = data.to === undefined ? '' : t(`consultation.phase.${data.to}`);
      if (data.to === 'consultation') return t('notifications.text.phase.consultationOpened', { title });
      if (data.from === 'consultation') return t('notifications.text.phase.consultationClosed', { title, phase });
      return t('notifications.text.phase.moved', { title, phase });
    }
    case 'published':
      return t('notifications.text.published', { title, version: data.version ?? '' });
    case 'access_granted':
      return t('notifications.text.access_granted', { actor, title, role: t(`share.role.${data.role ?? 'viewer'}`) });
    case 'access_requested':
      return t('notifications.text.access_requested', { actor, title });
    case 'mentioned':
      return data.mentionedIn === 'body'
        ? t('notifications.text.mentioned.body', { actor, title })
        : t('notifications.text.mentioned.comment', { actor, title });
    case 'passage_changed':
      return t('notifications.text.passage_changed', { title });
    case 'invited':
      return t('notifications.text.invited', { actor, title, role: t(`share.role.${data.role ?? 'viewer'}`) });
  }
}
