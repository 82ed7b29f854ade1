/** Issue 10 item 12: an author who deletes a comment a moderator hid withdraws the words, not the moderation fact. */
import { describe, expect, it } from 'vitest';
import { anonymous, citizen, citizen2, commentFixture, moderator } from './commentFixture';

async function hiddenThenDeleted() {
  const f = await commentFixture();
  const id = await f.document({ consultation: { guestsMayComment: true } });
  const rude = (await f.service.create(citizen, id, { kind: 'comment', anchor: await f.anchor(id, 'også børn'), text: 'Grimme ord' }))
    .comment;
  const regret = (await f.service.create(citizen2, id, { kind: 'comment', anchor: await f.anchor(id, 'Alle'), text: 'Fortryder' })).comment;
  await f.service.moderate(moderator, rude.id, { action: 'hide', ground: 'personal_data', reason: 'Navngiver en borger' });
  await f.service.remove(citizen, id, rude.id);
  await f.service.remove(citizen2, id, regret.id);
  return { f, id };
}

describe('a hidden comment its author deletes', () => {
  it('stays counted as hidden, by its ground, in the public moderation summary', async () => {
    const { f, id } = await hiddenThenDeleted();
    expect(await f.service.summary(anonymous, id)).toEqual({
      documentId: id,
      hidden: 1,
      hiddenByGround: { offensive: 0, personal_data: 1, spam: 0, off_topic: 0, other: 0 },
      reviewedAndKept: 0,
    });
  });

  it('stays counted as hidden in the høringsnotat, not as withdrawn, and its words are gone', async () => {
    const { f, id } = await hiddenThenDeleted();
    const report = await f.service.consultationReport(anonymous, id);
    expect(report.totals).toMatchObject({ hidden: 1, withdrawn: 1 });
    expect(report.hiddenByGround.personal_data).toBe(1);
    expect(JSON.stringify(report)).not.toMatch(/Grimme ord|Fortryder/);
    expect(JSON.stringify(await f.service.list(moderator, id))).not.toContain('Grimme ord');
  });

  it('keeps saying in the thread that a moderator hid it, with the ground, while the words are gone', async () => {
    const { f, id } = await hiddenThenDeleted();
    const { comments } = await f.service.list(anonymous, id);
    const hiddenOne = comments.find((comment) => comment.wasHidden);
    expect(hiddenOne).toMatchObject({ state: 'deleted', wasHidden: true, hiddenGround: 'personal_data', text: '', author: null });
    const plainDeleted = comments.filter((comment) => comment.state === 'deleted' && !comment.wasHidden);
    expect(plainDeleted).toHaveLength(1);
    expect(plainDeleted[0]!.hiddenGround).toBeUndefined();
  });
});
