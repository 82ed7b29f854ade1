import { describe, expect, it } from 'vitest';
import { anonymiseComment, anonymiseComments, anonymiseLogEntry } from '../../../lib/account/anonymiseComment';
import { FORMER_PARTICIPANT_NAME } from '../../../lib/account/formerParticipant';
import type { ModerationLogEntry, StoredComment } from '../../../lib/comments/model';

const AT = '2027-03-05T12:00:00.000Z';

function comment(overrides: Partial<StoredComment> = {}): StoredComment {
  return {
    id: 'c1',
    documentId: 'dok-1',
    threadId: 'c1',
    parentId: null,
    kind: 'comment',
    anchor: null,
    text: 'Teksten bliver stående.',
    author: { kind: 'person', id: 'p_karen', name: 'Karen Borger', organisation: { id: 'o1', name: 'Grønne Hjerter' } },
    createdAt: AT,
    supporters: ['person:p_karen', 'person:p_bo'],
    reports: [],
    moderation: { state: 'visible' },
    ...overrides,
  };
}

describe('anonymiseComment', () => {
  it('renames the author, keeps the text, the organisation, the id and the supports', () => {
    const after = anonymiseComment(comment(), 'p_karen', FORMER_PARTICIPANT_NAME);
    expect(after).toEqual(
      comment({
        author: { kind: 'person', id: 'p_karen', name: FORMER_PARTICIPANT_NAME, organisation: { id: 'o1', name: 'Grønne Hjerter' } },
      }),
    );
  });

  it('renames the person where they resolved, answered or decided, and leaves other people as they are', () => {
    const bo = { id: 'p_bo', name: 'Bo Nabo' };
    const karen = { id: 'p_karen', name: 'Karen Borger' };
    const before = comment({
      author: { kind: 'person', id: 'p_bo', name: 'Bo Nabo' },
      kind: 'suggestion',
      resolved: { by: karen, at: AT },
      answer: { status: 'noted', text: 'Svar.', by: karen, at: AT },
      decision: { decision: 'accepted', reason: 'God idé.', by: bo, at: AT },
    });
    const after = anonymiseComment(before, 'p_karen', FORMER_PARTICIPANT_NAME)!;
    expect(after.author.name).toBe('Bo Nabo');
    expect(after.resolved?.by).toEqual({ id: 'p_karen', name: FORMER_PARTICIPANT_NAME });
    expect(after.answer).toEqual({ status: 'noted', text: 'Svar.', by: { id: 'p_karen', name: FORMER_PARTICIPANT_NAME }, at: AT });
    expect(after.decision?.by).toEqual(bo);
  });

  it('is null where the person is not named (nothing to write), also the second time, and never touches a guest with the same id', () => {
    expect(
      anonymiseComment(comment({ author: { kind: 'person', id: 'p_bo', name: 'Bo' } }), 'p_karen', FORMER_PARTICIPANT_NAME),
    ).toBeNull();
    const once = anonymiseComment(comment(), 'p_karen', FORMER_PARTICIPANT_NAME)!;
    expect(anonymiseComment(once, 'p_karen', FORMER_PARTICIPANT_NAME)).toBeNull();
    expect(
      anonymiseComment(comment({ author: { kind: 'guest', id: 'p_karen', name: 'Gæst' } }), 'p_karen', FORMER_PARTICIPANT_NAME),
    ).toBeNull();
    expect(
      anonymiseComments([comment(), comment({ id: 'c2', author: { kind: 'person', id: 'p_bo', name: 'Bo' } })], 'p_karen', 'X').map(
        (c) => c.id,
      ),
    ).toEqual(['c1']);
  });

  it('renames a log entry by a person who is gone, and only them', () => {
    const entry: ModerationLogEntry = {
      id: 'l1',
      at: AT,
      documentId: 'dok-1',
      commentId: 'c1',
      action: 'hide',
      reason: 'Grund',
      by: { id: 'p_mona', name: 'Mona' },
    };
    expect(anonymiseLogEntry(entry, new Set(['p_mona']), FORMER_PARTICIPANT_NAME).by).toEqual({
      id: 'p_mona',
      name: FORMER_PARTICIPANT_NAME,
    });
    expect(anonymiseLogEntry(entry, new Set(['p_other']), FORMER_PARTICIPANT_NAME)).toBe(entry);
  });
});

describe('a deleted account in a notification sentence', () => {
  it("is named in the reader's language", async () => {
    const { notificationText } = await import('../../../lib/notifications/notificationText');
    const { translator } = await import('../../../lib/i18n/translator');
    const item = { kind: 'reply' as const, documentTitle: 'Lokalplan', data: { actorName: FORMER_PARTICIPANT_NAME, title: 'Lokalplan' } };
    expect(notificationText(translator('en'), item)).toContain('Former participant');
    expect(notificationText(translator('da'), item)).toContain('Tidligere deltager');
  });
});
