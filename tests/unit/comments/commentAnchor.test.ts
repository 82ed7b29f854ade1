/**
 * Links to one comment: the element id on the document page and reading it back from a location's
 * hash (lib/comments/commentAnchor.ts), where notifications and e-mails lead
 * (lib/notifications/notificationPath.ts), and names of deleted accounts in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import { displayPersonName } from '../../../lib/account/displayPersonName';
import { FORMER_PARTICIPANT_NAME } from '../../../lib/account/formerParticipant';
import { commentAnchorId, commentIdOfHash } from '../../../lib/comments/commentAnchor';
import { translator } from '../../../lib/i18n/translator';
import type { NotificationData, NotificationKind } from '../../../lib/notifications/model';
import { commentOfNotification, notificationPath } from '../../../lib/notifications/notificationPath';

describe('comment anchors', () => {
  it('names a comment’s element and reads the id back from a hash, with or without “#”, encoded or not', () => {
    expect(commentAnchorId('c_1f2e')).toBe('kommentar-c_1f2e');
    expect(commentIdOfHash('#kommentar-c_1f2e')).toBe('c_1f2e');
    expect(commentIdOfHash('kommentar-c_1f2e')).toBe('c_1f2e');
    expect(commentIdOfHash('#kommentar-c%5F1f2e')).toBe('c_1f2e');
  });

  it('reads nothing from other hashes or ids that are not id-shaped', () => {
    for (const hash of [
      '',
      '#',
      '#kommentar-',
      '#change-3',
      '#kommentar-c 1',
      '#kommentar-%E0%A4%A',
      '#kommentar-<script>',
      `#kommentar-${'x'.repeat(101)}`,
    ])
      expect(commentIdOfHash(hash), hash).toBeNull();
  });
});

describe('notification links', () => {
  const data = (extra: Partial<NotificationData> = {}): NotificationData => ({ actorName: 'Carl', title: 'Skolevej', ...extra });
  const path = (kind: NotificationKind, extra: Partial<NotificationData> = {}) =>
    notificationPath({ kind, documentId: 'dok 1', data: data(extra) });

  it('lead to the comment for the kinds about one comment', () => {
    for (const kind of ['comment_new', 'reply', 'answered', 'moderated', 'passage_changed'] as const)
      expect(path(kind, { commentId: 'c_9' }), kind).toBe('/d/dok%201#kommentar-c_9');
    expect(path('mentioned', { mentionedIn: 'comment', commentId: 'c_9' })).toBe('/d/dok%201#kommentar-c_9');
  });

  it('lead to the document otherwise: a mention in the text, phases, grants, records without a comment id', () => {
    expect(path('mentioned', { mentionedIn: 'body' })).toBe('/d/dok%201');
    expect(path('phase_changed')).toBe('/d/dok%201');
    expect(path('access_granted', { commentId: 'c_9' })).toBe('/d/dok%201');
    expect(path('reply')).toBe('/d/dok%201');
    expect(commentOfNotification({ kind: 'published', data: data() })).toBeNull();
  });
});

describe('displayPersonName', () => {
  it('shows a deleted account’s placeholder in the reader’s language and other names as they are', () => {
    expect(displayPersonName(translator('en'), FORMER_PARTICIPANT_NAME)).toBe('Former participant');
    expect(displayPersonName(translator('da'), FORMER_PARTICIPANT_NAME)).toBe('Tidligere deltager');
    expect(displayPersonName(translator('en'), 'Karen Borger')).toBe('Karen Borger');
  });
});
