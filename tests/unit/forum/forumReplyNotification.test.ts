import { describe, expect, it } from 'vitest';
import { translator } from '../../../lib/i18n/translator';
import { notificationText } from '../../../lib/notifications/notificationText';

describe('a reply in the knowledge forum, in the notification list', () => {
  it('says it is a reply to the post, not a comment, in both languages', () => {
    const item = {
      kind: 'comment_new' as const,
      documentTitle: 'Badebroen',
      data: { actorName: 'Ole', threadKind: 'forum_reply' as const },
    };
    expect(notificationText(translator('da'), item as never)).toBe('Ole svarede på indlægget “Badebroen”.');
    expect(notificationText(translator('en'), item as never)).toBe('Ole replied to the post “Badebroen”.');
  });
});
