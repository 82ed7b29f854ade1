/** The comment service's rules, over the real document service and anchor functions (memory stores). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorFromRange } from '../../../lib/comments/anchors/anchorFromRange';
import { documentText } from '../../../lib/comments/anchors/documentText';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import type { CommentError } from '../../../lib/comments/CommentError';
import {
  admin,
  anonymous,
  citizen,
  citizen2,
  commentFixture,
  commenter,
  editor,
  guest,
  moderator,
  orgRep,
  owner,
  person,
} from './commentFixture';
import type { DocumentId } from '../../../lib/documentId';

/** The refusal a promise rejects with, as `kind:code`. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as CommentError;
    if (e.name !== 'CommentError') throw error;
    return `${e.kind}:${e.code}`;
  }
  return 'allowed';
}

describe('creating comments and suggestions', () => {
  it('stores a citizen’s comment on an open consultation, shows it in the list and announces the revision', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const anchor = await f.anchor(id, 'spise sammen');
    const written = await f.service.create(orgRep, id, { kind: 'comment', anchor, text: '  Godt forslag!  ' });
    expect(written).toMatchObject({
      revision: 1,
      changed: true,
      comment: {
        kind: 'comment',
        parentId: null,
        text: 'Godt forslag!',
        author: { kind: 'person', name: 'Rikke Repræsentant', organisation: { id: 'o_groen', name: 'Grønne Hjerter' } },
        state: 'visible',
        supportCount: 0,
        mine: true,
        anchor,
      },
    });
    expect(written.comment.threadId).toBe(written.comment.id);
    expect(f.changes).toEqual([[id, 1]]);
    const list = await f.service.list(citizen, id);
    expect(list.revision).toBe(1);
    expect(list.comments).toEqual([{ ...written.comment, mine: false }]);
  });

  it('lets the document’s commenters comment in every phase but final and archived, and the public only in an open consultation', async () => {
    const f = await commentFixture();
    const cases: [string, Parameters<typeof f.document>[0], string, string][] = [
      ['draft', { state: 'draft' }, 'allowed', 'forbidden:no_grant'],
      ['in review', { state: 'in_review' }, 'allowed', 'forbidden:no_grant'],
      ['consultation', {}, 'allowed', 'allowed'],
      ['before opening', { consultation: { opensAt: '2027-03-06T00:00:00.000Z' } }, 'allowed', 'forbidden:consultation_not_open'],
      ['after closing', { consultation: { closesAt: '2027-03-05T12:00:00.000Z' } }, 'allowed', 'forbidden:consultation_closed'],
      ['final', { state: 'final' }, 'forbidden:state_final', 'forbidden:state_final'],
      ['archived', { state: 'archived' }, 'forbidden:state_archived', 'forbidden:state_archived'],
    ];
    const outcomes: string[] = [];
    for (const [name, spec, forCommenter, forCitizen] of cases) {
      const id = await f.document({ ...spec, state: spec?.state === 'archived' ? 'final' : spec?.state });
      const anchor = await f.anchor(id, 'Kulturhuset');
      if (spec?.state === 'archived') await f.documents.setState(id, 'archived');
      const got = [
        await refusal(f.service.create(commenter, id, { kind: 'comment', anchor, text: 'Hej' })),
        await refusal(f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Hej' })),
      ];
      if (got[0] !== forCommenter || got[1] !== forCitizen) outcomes.push(`${name}: ${got.join(', ')}`);
    }
    expect(outcomes).toEqual([]);
  });

  it('judges the dates against the clock: the same document opens and closes as time passes', async () => {
    const f = await commentFixture();
    const id = await f.document({ consultation: { opensAt: '2027-03-10T08:00:00.000Z', closesAt: '2027-03-20T08:00:00.000Z' } });
    const anchor = await f.anchor(id, 'Kulturhuset');
    const attempt = () => refusal(f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Hej' }));
    expect(await attempt()).toBe('forbidden:consultation_not_open');
    expect((await f.service.list(citizen, id)).consultation).toMatchObject({ openNow: false, opensAt: '2027-03-10T08:00:00.000Z' });
    f.now = new Date('2027-03-10T08:00:00.000Z');
    expect(await attempt()).toBe('allowed');
    expect((await f.service.list(citizen, id)).consultation.openNow).toBe(true);
    f.now = new Date('2027-03-20T08:00:00.000Z');
    expect(await attempt()).toBe('forbidden:consultation_closed');
  });

  it('takes comments from the audience the consultation names: organisations only, guests where allowed', async () => {
    const f = await commentFixture();
    const orgsOnly = await f.document({ consultation: { citizensMayComment: false } });
    const anchor = await f.anchor(orgsOnly, 'Kulturhuset');
    expect(await refusal(f.service.create(orgRep, orgsOnly, { kind: 'comment', anchor, text: 'Hej' }))).toBe('allowed');
    expect(await refusal(f.service.create(citizen, orgsOnly, { kind: 'comment', anchor, text: 'Hej' }))).toBe(
      'forbidden:organisations_only',
    );
    expect(await refusal(f.service.create(guest('g_1'), orgsOnly, { kind: 'comment', anchor, text: 'Hej' }))).toBe(
      'forbidden:guests_not_allowed',
    );
    const withGuests = await f.document({ consultation: { guestsMayComment: true } });
    const written = await f.service.create(guest('g_1', 'Gitte Gæst'), withGuests, {
      kind: 'comment',
      anchor: await f.anchor(withGuests, 'børn'),
      text: 'Ja tak',
    });
    expect(written.comment.author).toEqual({ kind: 'guest', name: 'Gitte Gæst' });
    // Without a name nobody comments; where they cannot read, a guest is told to sign in.
    expect(await refusal(f.service.create(anonymous, withGuests, { kind: 'comment', anchor, text: 'Hej' }))).toBe(
      'unauthenticated:unauthenticated',
    );
    const privateDoc = await f.document({ visibility: 'private', consultation: { guestsMayComment: true } });
    expect(await refusal(f.service.create(guest('g_1'), privateDoc, { kind: 'comment', anchor, text: 'Hej' }))).toBe(
      'unauthenticated:unauthenticated',
    );
    expect(await refusal(f.service.create(citizen, privateDoc, { kind: 'comment', anchor, text: 'Hej' }))).toBe('not_found:not_found');
    expect(await refusal(f.service.create(citizen, 'findes-ikke' as DocumentId, { kind: 'comment', anchor, text: 'Hej' }))).toBe(
      'not_found:not_found',
    );
  });

  it('refuses an anchor that is malformed, and one whose passage is no longer in the body (passage_gone)', async () => {
    const f = await commentFixture();
    const id = await f.document();
    for (const bad of [null, 'spise', { start: {}, end: {}, quote: { exact: 'x' } }, { ...(await f.anchor(id, 'spise')), extra: 1 }])
      expect(await refusal(f.service.create(citizen, id, { kind: 'comment', anchor: bad, text: 'Hej' }))).toBe('invalid:anchor_invalid');
    const anchor = await f.anchor(id, 'hver uge ');
    await f.deleteText(id, 'hver uge ');
    expect(await refusal(f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Hej' }))).toBe('conflict:passage_gone');
    expect((await f.service.list(citizen, id)).comments).toEqual([]);
  });

  it('asks to try again later (too_early) for a passage typed offline whose text has not reached the server, and takes it once it has', async () => {
    const f = await commentFixture();
    const id = await f.document();
    // A replica that typed a new sentence while offline; the comment names that sentence.
    const replica = await f.body(id);
    const before = Y.encodeStateVector(replica);
    const firstBlock = replica.getXmlFragment(BODY_FRAGMENT).get(1) as Y.XmlElement;
    (firstBlock.firstChild as Y.XmlText).insert(0, 'Skrevet i toget. ');
    const at = documentText(replica.getXmlFragment(BODY_FRAGMENT)).text.indexOf('Skrevet i toget.');
    const anchor = anchorFromRange(replica, at, at + 'Skrevet i toget.'.length);
    const create = () => f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Godt skrevet' });
    expect(await refusal(create())).toBe('too_early:passage_not_synced');
    expect((await f.service.list(citizen, id)).comments).toEqual([]);
    // The body update arrives over the socket; the retried comment is taken.
    await f.bodies.append(id, Y.encodeStateAsUpdate(replica, before));
    const written = await create();
    expect(written.comment.anchor?.quote.exact).toBe('Skrevet i toget.');
    replica.destroy();
  });

  it('applies the text policy with a code per field', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const anchor = await f.anchor(id, 'Kulturhuset');
    const create = (text: string, extra: { kind?: 'comment' | 'suggestion'; replacement?: string } = {}) =>
      refusal(
        f.service.create(citizen, id, {
          kind: extra.kind ?? 'comment',
          anchor,
          text,
          ...(extra.replacement !== undefined && { replacement: extra.replacement }),
        }),
      );
    expect(await create('')).toBe('invalid:text_required');
    expect(await create('x'.repeat(5001))).toBe('invalid:text_too_long');
    expect(await create('a\u0007b')).toBe('invalid:text_invalid_characters');
    expect(await create('a\u202eb')).toBe('invalid:text_bidi_controls');
    expect(await create('a\u2060b')).toBe('invalid:text_invisible_characters');
    expect(await create('hej', { kind: 'suggestion' })).toBe('invalid:replacement_required');
    expect(await create('hej', { kind: 'suggestion', replacement: 'x'.repeat(5001) })).toBe('invalid:replacement_too_long');
    expect(await create('hej', { kind: 'suggestion', replacement: 'Kulturhuset' })).toBe('invalid:replacement_unchanged');
    expect(await create('hej', { replacement: 'x' })).toBe('invalid:replacement_not_allowed');
    expect(await refusal(f.service.create(citizen, id, { kind: 'note' as 'comment', anchor, text: 'hej' }))).toBe('invalid:kind_invalid');
    expect(await refusal(f.service.create(citizen, id, { kind: 'comment', anchor, text: 'hej', clientKey: 'ikke gyldig!' }))).toBe(
      'invalid:client_key_invalid',
    );
    // Script tags are text like any other.
    const hostile = '<script>alert(1)</script>';
    expect((await f.service.create(citizen, id, { kind: 'comment', anchor, text: hostile })).comment.text).toBe(hostile);
  });

  it('creates once per author and clientKey, also when the repeats race, and then even after the phase closed', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const anchor = await f.anchor(id, 'Kulturhuset');
    const input = { kind: 'comment' as const, anchor, text: 'Én gang', clientKey: 'outbox-1' };
    const results = await Promise.all([1, 2, 3, 4].map(() => f.service.create(citizen, id, input)));
    expect(new Set(results.map((r) => r.comment.id)).size).toBe(1);
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect((await f.service.list(citizen, id)).comments).toHaveLength(1);
    expect(f.changes).toEqual([[id, 1]]);
    // Another author's key is their own.
    expect((await f.service.create(citizen2, id, input)).changed).toBe(true);
    await f.documents.setState(id, 'final');
    const again = await f.service.create(citizen, id, input);
    expect(again).toMatchObject({ changed: false, comment: { id: results[0]!.comment.id } });
  });
});

describe('replies, edits and deletions', () => {
  it('threads replies under the root, refuses an unknown parent, and keeps replies when the root is deleted', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const root = (await f.service.create(citizen, id, { kind: 'comment', anchor: await f.anchor(id, 'Kulturhuset'), text: 'Hvorfor der?' }))
      .comment;
    const reply = (await f.service.reply(editor, id, root.id, { text: 'Der er plads.' })).comment;
    const nested = (await f.service.reply(citizen, id, reply.id, { text: 'Tak!' })).comment;
    expect(reply).toMatchObject({ kind: 'reply', parentId: root.id, threadId: root.id, anchor: null });
    expect(nested).toMatchObject({ parentId: reply.id, threadId: root.id });
    expect(await refusal(f.service.reply(citizen, id, 'c_findes_ikke', { text: 'Hej' }))).toBe('not_found:comment_not_found');
    const deleted = await f.service.remove(citizen, id, root.id);
    expect(deleted.comment).toMatchObject({ state: 'deleted', text: '', author: null, anchor: root.anchor });
    const again = await f.service.remove(citizen, id, root.id);
    expect(again.changed).toBe(false);
    const list = await f.service.list(citizen2, id);
    expect(list.comments.map((c) => [c.id, c.state])).toEqual([
      [root.id, 'deleted'],
      [reply.id, 'visible'],
      [nested.id, 'visible'],
    ]);
    expect(JSON.stringify(list)).not.toContain('Hvorfor der?');
  });

  it('lets authors edit and delete only their own comments, and not once answered', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const root = (await f.service.create(citizen, id, { kind: 'comment', anchor: await f.anchor(id, 'Kulturhuset'), text: 'Først' }))
      .comment;
    expect(await refusal(f.service.edit(citizen2, id, root.id, { text: 'Mit nu' }))).toBe('forbidden:not_author');
    expect(await refusal(f.service.remove(moderator, id, root.id))).toBe('forbidden:not_author');
    const f2 = (f.now = new Date('2027-03-05T12:05:00.000Z'));
    const edited = await f.service.edit(citizen, id, root.id, { text: 'Rettet' });
    expect(edited.comment).toMatchObject({ text: 'Rettet', editedAt: f2.toISOString() });
    expect(await refusal(f.service.edit(citizen, id, root.id, { text: 'x', replacement: 'y' }))).toBe('conflict:not_a_suggestion');
    await f.service.answer(editor, id, root.id, { status: 'partly', text: 'Vi ser på det.' });
    expect(await refusal(f.service.edit(citizen, id, root.id, { text: 'Efter svaret' }))).toBe('conflict:comment_answered');
  });
});

describe('editors: resolve, answer and decide', () => {
  it('resolves and reopens threads (editors only, roots only)', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const root = (await f.service.create(citizen, id, { kind: 'comment', anchor: await f.anchor(id, 'Kulturhuset'), text: 'Hmm' })).comment;
    const reply = (await f.service.reply(citizen, id, root.id, { text: 'Og?' })).comment;
    expect(await refusal(f.service.setResolved(citizen, id, root.id, true))).toBe('forbidden:no_grant');
    expect(await refusal(f.service.setResolved(commenter, id, root.id, true))).toBe('forbidden:role_insufficient');
    expect(await refusal(f.service.setResolved(editor, id, reply.id, true))).toBe('conflict:not_a_thread');
    const resolved = await f.service.setResolved(editor, id, root.id, true);
    expect(resolved.comment.resolved).toEqual({ by: { id: 'p_editor', name: 'Erik Redaktør' }, at: f.now.toISOString() });
    expect((await f.service.setResolved(owner, id, root.id, true)).changed).toBe(false);
    expect((await f.service.setResolved(owner, id, root.id, false)).comment.resolved).toBeUndefined();
  });

  it('gives official answers with a status, and decides on suggestions (a reason to decline)', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const anchor = await f.anchor(id, 'hver uge');
    const suggestion = (await f.service.create(orgRep, id, { kind: 'suggestion', anchor, text: '', replacement: 'hver anden uge' }))
      .comment;
    expect(suggestion).toMatchObject({ kind: 'suggestion', text: '', replacement: 'hver anden uge' });
    const comment = (await f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Fint' })).comment;
    expect(await refusal(f.service.answer(citizen, id, comment.id, { status: 'partly', text: 'x' }))).toBe('forbidden:no_grant');
    expect(await refusal(f.service.answer(editor, id, comment.id, { status: 'maybe' as 'partly', text: 'x' }))).toBe(
      'invalid:status_invalid',
    );
    expect(await refusal(f.service.answer(editor, id, comment.id, { status: 'partly', text: ' ' }))).toBe('invalid:answer_required');
    const answered = await f.service.answer(editor, id, comment.id, { status: 'taken_into_account', text: 'Tak, vi retter det.' });
    expect(answered.comment.answer).toEqual({
      status: 'taken_into_account',
      text: 'Tak, vi retter det.',
      by: { id: 'p_editor', name: 'Erik Redaktør' },
      at: f.now.toISOString(),
    });
    expect(await refusal(f.service.decide(editor, id, comment.id, { decision: 'accepted', reason: '' }))).toBe('conflict:not_a_suggestion');
    expect(await refusal(f.service.decide(editor, id, suggestion.id, { decision: 'declined', reason: '' }))).toBe(
      'invalid:reason_required',
    );
    expect(await refusal(f.service.decide(editor, id, suggestion.id, { decision: 'maybe' as 'accepted', reason: '' }))).toBe(
      'invalid:suggestion_decision_invalid',
    );
    const accepted = await f.service.decide(owner, id, suggestion.id, { decision: 'accepted', reason: '' });
    expect(accepted.comment.decision).toMatchObject({ decision: 'accepted', reason: '', by: { id: 'p_owner' } });
    // After the consultation is final, nobody changes the body: nor answers.
    await f.documents.setState(id, 'final');
    expect(await refusal(f.service.answer(editor, id, comment.id, { status: 'partly', text: 'Senere' }))).toBe('forbidden:state_final');
  });
});

describe('supports', () => {
  it('counts one support per person or guest on roots, never one’s own, and toggles off', async () => {
    const f = await commentFixture();
    const id = await f.document({ consultation: { guestsMayComment: true } });
    const root = (await f.service.create(citizen, id, { kind: 'comment', anchor: await f.anchor(id, 'Kulturhuset'), text: 'Ja' })).comment;
    const reply = (await f.service.reply(citizen2, id, root.id, { text: 'Enig' })).comment;
    expect(await refusal(f.service.setSupport(citizen, id, root.id, true))).toBe('conflict:support_own');
    expect(await refusal(f.service.setSupport(citizen, id, reply.id, true))).toBe('conflict:not_a_thread');
    expect(await refusal(f.service.setSupport(anonymous, id, root.id, true))).toBe('unauthenticated:unauthenticated');
    const supported = await f.service.setSupport(citizen2, id, root.id, true);
    expect(supported.comment).toMatchObject({ supportCount: 1, supportedByMe: true });
    expect((await f.service.setSupport(citizen2, id, root.id, true)).changed).toBe(false);
    await f.service.setSupport(guest('g_1'), id, root.id, true);
    expect((await f.service.list(citizen, id)).comments[0]).toMatchObject({ supportCount: 2, supportedByMe: false });
    expect((await f.service.setSupport(citizen2, id, root.id, false)).comment).toMatchObject({ supportCount: 1, supportedByMe: false });
  });

  it('loses no support when many people support at once', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const root = (await f.service.create(citizen, id, { kind: 'comment', anchor: await f.anchor(id, 'Kulturhuset'), text: 'Ja' })).comment;
    await Promise.all(Array.from({ length: 30 }, (_, i) => f.service.setSupport(person(`p_${i}`), id, root.id, true)));
    expect((await f.service.list(citizen, id)).comments[0]!.supportCount).toBe(30);
  });
});

describe('reports and moderation', () => {
  async function reported() {
    const f = await commentFixture();
    const id = await f.document({ consultation: { guestsMayComment: true } });
    const root = (await f.service.create(citizen, id, { kind: 'comment', anchor: await f.anchor(id, 'Kulturhuset'), text: 'Grimme ord' }))
      .comment;
    const reply = (await f.service.reply(citizen2, id, root.id, { text: 'Det var ikke pænt.' })).comment;
    await f.service.report(citizen2, id, root.id, { ground: 'offensive', note: 'Personangreb' });
    await f.service.report(guest('g_7'), id, root.id, { ground: 'spam', note: '' });
    return { f, id, root, reply };
  }

  it('takes one open report per reporter, from people and guests, never anonymously, and shows moderators the grounds but not who', async () => {
    const { f, id, root } = await reported();
    expect(await refusal(f.service.report(citizen2, id, root.id, { ground: 'spam', note: '' }))).toBe('conflict:report_exists');
    expect(await refusal(f.service.report(anonymous, id, root.id, { ground: 'spam', note: '' }))).toBe('unauthenticated:unauthenticated');
    expect(await refusal(f.service.report(citizen, id, root.id, { ground: 'rude' as 'spam', note: '' }))).toBe('invalid:ground_invalid');
    const forReporter = (await f.service.list(citizen2, id)).comments[0]!;
    expect(forReporter).toMatchObject({ reportedByMe: true });
    expect(forReporter.reports).toBeUndefined();
    const forModerator = (await f.service.list(moderator, id)).comments[0]!;
    expect(forModerator.reports).toEqual([
      { ground: 'offensive', note: 'Personangreb', at: f.now.toISOString() },
      { ground: 'spam', note: '', at: f.now.toISOString() },
    ]);
    expect(JSON.stringify(await f.service.list(moderator, id))).not.toMatch(/p_citizen2|g_7/);
  });

  it('hides with a ground and a reason: a placeholder for readers, replies stay, moderators still read it, the log says who and why', async () => {
    const { f, id, root, reply } = await reported();
    expect(await refusal(f.service.moderate(citizen, root.id, { action: 'hide', ground: 'offensive', reason: 'x' }))).toBe(
      'forbidden:not_moderator',
    );
    expect(await refusal(f.service.moderate(guest('g_7'), root.id, { action: 'hide', ground: 'offensive', reason: 'x' }))).toBe(
      'unauthenticated:unauthenticated',
    );
    expect(await refusal(f.service.moderate(moderator, root.id, { action: 'hide', reason: 'x' }))).toBe('invalid:ground_required');
    expect(await refusal(f.service.moderate(moderator, root.id, { action: 'hide', ground: 'offensive', reason: '' }))).toBe(
      'invalid:reason_required',
    );
    expect(await refusal(f.service.moderate(moderator, 'c_ukendt', { action: 'keep', reason: 'x' }))).toBe('not_found:comment_not_found');
    const hidden = await f.service.moderate(moderator, root.id, {
      action: 'hide',
      ground: 'offensive',
      reason: 'Personangreb på navngiven borger',
    });
    expect(hidden.comment).toMatchObject({ state: 'hidden', hiddenGround: 'offensive', text: 'Grimme ord', reports: [] });
    const forReader = (await f.service.list(citizen2, id)).comments;
    expect(forReader[0]).toMatchObject({
      id: root.id,
      state: 'hidden',
      text: '',
      author: null,
      hiddenGround: 'offensive',
      anchor: root.anchor,
    });
    expect(forReader[1]).toMatchObject({ id: reply.id, state: 'visible', text: 'Det var ikke pænt.' });
    expect(JSON.stringify(forReader)).not.toContain('Grimme ord');
    // The author, too, sees only the placeholder.
    expect((await f.service.list(citizen, id)).comments[0]).toMatchObject({ text: '', mine: true });
    expect(await refusal(f.service.report(citizen, id, root.id, { ground: 'spam', note: '' }))).toBe('conflict:comment_hidden');
    expect(await refusal(f.service.setSupport(citizen2, id, root.id, true))).toBe('conflict:comment_hidden');
    expect(await refusal(f.service.moderate(moderator, root.id, { action: 'hide', ground: 'spam', reason: 'igen' }))).toBe(
      'conflict:already_hidden',
    );
    expect(await f.service.log(moderator)).toEqual([
      expect.objectContaining({
        documentId: id,
        documentTitle: 'Fællesspisning',
        commentId: root.id,
        action: 'hide',
        ground: 'offensive',
        reason: 'Personangreb på navngiven borger',
        by: { id: 'p_moderator', name: 'Mona Moderator' },
      }),
    ]);
    expect(await f.service.summary(anonymous, id)).toEqual({
      documentId: id,
      hidden: 1,
      hiddenByGround: { offensive: 1, personal_data: 0, spam: 0, off_topic: 0, other: 0 },
      reviewedAndKept: 0,
    });
    const restored = await f.service.moderate(admin, root.id, { action: 'restore', reason: 'Efter klage' });
    expect(restored.comment).toMatchObject({ state: 'visible', text: 'Grimme ord' });
    expect(restored.comment.hiddenGround).toBeUndefined();
    expect(await refusal(f.service.moderate(moderator, root.id, { action: 'restore', reason: 'x' }))).toBe('conflict:not_hidden');
    expect((await f.service.log(moderator)).map((e) => e.action)).toEqual(['restore', 'hide']);
  });

  it('keeps a reported comment: the reports are handled, the queue empties, the summary counts it as reviewed', async () => {
    const { f, id, root } = await reported();
    const queue = await f.service.queue(moderator);
    expect(queue).toEqual([
      { document: { id, title: 'Fællesspisning' }, comment: expect.objectContaining({ id: root.id, text: 'Grimme ord' }) },
    ]);
    expect(queue[0]!.comment.reports).toHaveLength(2);
    await f.service.moderate(moderator, root.id, { action: 'keep', reason: 'Skarpt, men sagligt' });
    expect(await f.service.queue(moderator)).toEqual([]);
    expect((await f.service.list(citizen2, id)).comments[0]).toMatchObject({ reportedByMe: false, state: 'visible' });
    // A handled report no longer blocks a new one.
    await f.service.report(citizen2, id, root.id, { ground: 'other', note: 'Stadig grimt' });
    expect(await f.service.queue(moderator)).toHaveLength(1);
    expect((await f.service.summary(citizen, id)).reviewedAndKept).toBe(1);
  });

  it('takes a repeated report or moderation act with the same clientKey once (the outbox retries after a lost answer)', async () => {
    const { f, id, root } = await reported();
    const revision = (await f.service.list(citizen, id)).revision;
    const first = await f.service.report(citizen, id, root.id, { ground: 'spam', note: '', clientKey: 'r-1' });
    expect(first.changed).toBe(true);
    expect((await f.service.report(citizen, id, root.id, { ground: 'spam', note: '', clientKey: 'r-1' })).changed).toBe(false);
    expect(await refusal(f.service.report(citizen, id, root.id, { ground: 'spam', note: '', clientKey: 'r-2' }))).toBe(
      'conflict:report_exists',
    );
    const hide = { action: 'hide' as const, ground: 'spam' as const, reason: 'Reklame', clientKey: 'm-1' };
    expect((await f.service.moderate(moderator, root.id, hide)).changed).toBe(true);
    const again = await f.service.moderate(moderator, root.id, hide);
    expect(again).toMatchObject({ changed: false, comment: { state: 'hidden' } });
    expect(again.revision).toBe(revision + 2);
    expect(await refusal(f.service.moderate(moderator, root.id, { ...hide, clientKey: 'm-2' }))).toBe('conflict:already_hidden');
    expect(await f.service.log(moderator)).toHaveLength(1);
  });

  it('queues and logs only documents the moderator may moderate; others are refused the queue', async () => {
    const f = await commentFixture();
    const open = await f.document();
    const closed = await f.document({ visibility: 'private', grants: [{ subject: 'person', personId: 'p_citizen', role: 'commenter' }] });
    const onOpen = (await f.service.create(citizen, open, { kind: 'comment', anchor: await f.anchor(open, 'Kulturhuset'), text: 'Åben' }))
      .comment;
    await f.service.report(citizen2, open, onOpen.id, { ground: 'spam', note: '' });
    // Only its commenter reads the private document (and may report even their own words).
    const onClosed = (
      await f.service.create(citizen, closed, { kind: 'comment', anchor: await f.anchor(closed, 'Kulturhuset'), text: 'Lukket' })
    ).comment;
    await f.service.report(citizen, closed, onClosed.id, { ground: 'personal_data', note: 'Mit cpr-nummer' });
    expect((await f.service.queue(moderator)).map((item) => item.document.id)).toEqual([open]);
    expect((await f.service.queue(admin)).map((item) => item.document.id).sort()).toEqual([open, closed].sort());
    expect(await refusal(f.service.queue(citizen))).toBe('forbidden:not_moderator');
    expect(await refusal(f.service.queue(anonymous))).toBe('unauthenticated:unauthenticated');
    expect(await refusal(f.service.log(citizen))).toBe('forbidden:not_moderator');
    expect(await refusal(f.service.log(moderator, { documentId: closed }))).toBe('not_found:not_found');
  });
});

describe('rate limits', () => {
  it('refuses a person’s writes past the limit with the time to wait, and takes them again in the next window', async () => {
    const f = await commentFixture({ personLimit: 3 });
    const id = await f.document();
    const anchor = await f.anchor(id, 'Kulturhuset');
    for (let i = 0; i < 3; i++) await f.service.create(citizen, id, { kind: 'comment', anchor, text: `nr ${i}` });
    await expect(f.service.create(citizen, id, { kind: 'comment', anchor, text: 'en for meget' })).rejects.toMatchObject({
      kind: 'rate_limited',
      code: 'rate_limited',
      retryAfterMs: 60_000,
    });
    // Someone else is not held back, and editors' acts are not counted.
    await f.service.create(citizen2, id, { kind: 'comment', anchor, text: 'mig' });
    f.now = new Date(f.now.getTime() + 60_000);
    await f.service.create(citizen, id, { kind: 'comment', anchor, text: 'igen' });
  });

  it('counts guests per IP address, whoever they say they are', async () => {
    const f = await commentFixture({ guestLimit: 2 });
    const id = await f.document({ consultation: { guestsMayComment: true } });
    const anchor = await f.anchor(id, 'Kulturhuset');
    await f.service.create(guest('g_1', 'A', '192.0.2.1'), id, { kind: 'comment', anchor, text: '1' });
    await f.service.create(guest('g_2', 'B', '192.0.2.1'), id, { kind: 'comment', anchor, text: '2' });
    expect(await refusal(f.service.create(guest('g_3', 'C', '192.0.2.1'), id, { kind: 'comment', anchor, text: '3' }))).toBe(
      'rate_limited:rate_limited',
    );
    await f.service.create(guest('g_4', 'D', '192.0.2.2'), id, { kind: 'comment', anchor, text: '4' });
  });
});

describe('consultation changes', () => {
  it('move the revision on and are announced, so open clients fetch the settings and their capabilities again', async () => {
    const f = await commentFixture();
    const id = await f.document();
    expect(await f.service.consultationChanged(id)).toBe(1);
    expect(f.changes).toEqual([[id, 1]]);
    expect((await f.service.list(citizen, id)).revision).toBe(1);
  });
});

describe('what a viewer is told', () => {
  it('names the viewer’s capabilities and the consultation', async () => {
    const f = await commentFixture();
    const id = await f.document({ consultation: { guestsMayComment: true, closesAt: '2027-03-20T00:00:00.000Z' } });
    expect((await f.service.list(anonymous, id)).viewer).toEqual({
      signedIn: false,
      guest: null,
      canComment: false,
      commentRefusal: 'not_signed_in',
      canRespond: false,
      canModerate: false,
      canChangePhase: false,
      guestsMayJoin: true,
    });
    expect((await f.service.list(guest('g_1', 'Gitte'), id)).viewer).toMatchObject({
      guest: { name: 'Gitte' },
      canComment: true,
      commentRefusal: null,
    });
    expect((await f.service.list(editor, id)).viewer).toMatchObject({
      signedIn: true,
      canComment: true,
      canRespond: true,
      canChangePhase: true,
    });
    expect((await f.service.list(moderator, id)).viewer).toMatchObject({ canModerate: true, canRespond: false, canChangePhase: true });
    expect((await f.service.list(citizen, id)).consultation).toEqual({
      state: 'consultation',
      opensAt: null,
      closesAt: '2027-03-20T00:00:00.000Z',
      openNow: true,
      citizensMayComment: true,
      organisationsMayComment: true,
      guestsMayComment: true,
    });
    const draft = await f.document({ state: 'draft', visibility: 'public' });
    expect((await f.service.list(citizen, draft)).viewer).toMatchObject({
      canComment: false,
      commentRefusal: 'no_grant',
      guestsMayJoin: false,
    });
  });
});
