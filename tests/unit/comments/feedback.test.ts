/**
 * Structured feedback (the feedback model): a thread kind without an anchor and with a category, on
 * the comment service's rules; its views, summary, notifications and the høringsnotat's section.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { CommentError } from '../../../lib/comments/CommentError';
import { createCommentSchema } from '../../../lib/comments/commentSchemas';
import { summariseFeedback } from '../../../lib/comments/feedbackSummary';
import { offersFeedback } from '../../../lib/comments/feedbackOffered';
import type { StoredComment } from '../../../lib/comments/model';
import { buildConsultationReport } from '../../../lib/comments/report/buildConsultationReport';
import { CSV_BOM, renderReportCsv } from '../../../lib/comments/report/renderReportCsv';
import { renderReportHtml } from '../../../lib/comments/report/renderReportHtml';
import { renderReportMarkdown } from '../../../lib/comments/report/renderReportMarkdown';
import type { NotificationEvent } from '../../../lib/notifications/model';
import { notificationText } from '../../../lib/notifications/notificationText';
import { translator } from '../../../lib/i18n/translator';
import { threadsOf } from '../../../app/_consultation/threadList';
import { feedbackOf } from '../../../app/_consultation/FeedbackPanel';
import { FileCommentStore } from '../../../server/comments/FileCommentStore';
import { tempDirsRemovedAfterAll } from '../storage/tempDirs';
import { sampleComment } from './commentStoreContract';
import { anonymous, citizen, citizen2, commentFixture, commenter, editor, guest, moderator, orgRep, owner } from './commentFixture';

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

describe('giving feedback', () => {
  it('stores feedback on the whole document with its category and no anchor, listed with both', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const written = await f.service.create(orgRep, id, { kind: 'feedback', category: 'works', text: '  Godt at børn er med  ' });
    expect(written).toMatchObject({
      changed: true,
      comment: { kind: 'feedback', category: 'works', anchor: null, parentId: null, text: 'Godt at børn er med', state: 'visible' },
    });
    const listed = await f.service.list(citizen, id);
    expect(listed.comments).toEqual([{ ...written.comment, mine: false }]);
    // An anchor given as null is no anchor either.
    expect(await refusal(f.service.create(citizen, id, { kind: 'feedback', category: 'questions', anchor: null, text: 'Hvornår?' }))).toBe(
      'allowed',
    );
  });

  it('requires a known category for feedback and refuses one for other kinds, an anchor, wording and empty text', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const anchor = await f.anchor(id, 'Kulturhuset');
    const attempt = (input: Record<string, unknown>) =>
      refusal(f.service.create(citizen, id, { kind: 'feedback', text: 'Hej', ...input } as never));
    expect(await attempt({})).toBe('invalid:category_invalid');
    expect(await attempt({ category: 'praise' })).toBe('invalid:category_invalid');
    expect(await attempt({ category: 7 })).toBe('invalid:category_invalid');
    expect(await attempt({ category: 'works', anchor })).toBe('invalid:anchor_not_allowed');
    expect(await attempt({ category: 'works', anchor: 'x' })).toBe('invalid:anchor_not_allowed');
    expect(await attempt({ category: 'works', replacement: 'ny' })).toBe('invalid:replacement_not_allowed');
    expect(await attempt({ category: 'works', text: '   ' })).toBe('invalid:text_required');
    expect(await attempt({ category: 'works', text: 'x'.repeat(5001) })).toBe('invalid:text_too_long');
    expect(await refusal(f.service.create(citizen, id, { kind: 'comment', anchor, category: 'works', text: 'Hej' }))).toBe(
      'invalid:category_not_allowed',
    );
    expect(f.changes).toEqual([]);
  });

  it('is allowed to whoever may comment, in the phases commenting is', async () => {
    const f = await commentFixture();
    const cases: [string, Parameters<typeof f.document>[0], string, string][] = [
      ['draft', { state: 'draft' }, 'allowed', 'forbidden:no_grant'],
      ['consultation', {}, 'allowed', 'allowed'],
      ['after closing', { consultation: { closesAt: '2027-03-05T12:00:00.000Z' } }, 'allowed', 'forbidden:consultation_closed'],
      ['final', { state: 'final' }, 'forbidden:state_final', 'forbidden:state_final'],
    ];
    const outcomes: string[] = [];
    for (const [name, spec, forCommenter, forCitizen] of cases) {
      const id = await f.document(spec);
      const got = [
        await refusal(f.service.create(commenter, id, { kind: 'feedback', category: 'suggestions', text: 'Hej' })),
        await refusal(f.service.create(citizen, id, { kind: 'feedback', category: 'suggestions', text: 'Hej' })),
      ];
      if (got[0] !== forCommenter || got[1] !== forCitizen) outcomes.push(`${name}: ${got.join(', ')}`);
    }
    expect(outcomes).toEqual([]);
    const open = await f.document({ consultation: { guestsMayComment: true } });
    expect(await refusal(f.service.create(anonymous, open, { kind: 'feedback', category: 'works', text: 'Hej' }))).toBe(
      'unauthenticated:unauthenticated',
    );
    expect(await refusal(f.service.create(guest('g_1'), open, { kind: 'feedback', category: 'works', text: 'Hej' }))).toBe('allowed');
  });

  it('takes replies, supports, answers, reports and moderation as comments do, once per clientKey', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const first = await f.service.create(citizen, id, { kind: 'feedback', category: 'questions', text: 'Hvem betaler?', clientKey: 'k1' });
    const again = await f.service.create(citizen, id, { kind: 'feedback', category: 'questions', text: 'Hvem betaler?', clientKey: 'k1' });
    expect(again).toMatchObject({ changed: false, comment: { id: first.comment.id } });
    const root = first.comment.id;
    await f.service.reply(editor, id, root, { text: 'Kommunen.' });
    expect((await f.service.setSupport(citizen2, id, root, true)).comment.supportCount).toBe(1);
    expect(await refusal(f.service.setSupport(citizen, id, root, true))).toBe('conflict:support_own');
    expect((await f.service.answer(owner, id, root, { status: 'noted', text: 'Tak.' })).comment.answer).toMatchObject({ status: 'noted' });
    expect(await refusal(f.service.decide(owner, id, root, { decision: 'accepted', reason: '' }))).toBe('conflict:not_a_suggestion');
    await f.service.report(citizen2, id, root, { ground: 'spam', note: '' });
    const hidden = await f.service.moderate(moderator, root, { action: 'hide', ground: 'spam', reason: 'Reklame' });
    expect(hidden.comment).toMatchObject({ state: 'hidden', category: 'questions' });
    // Readers keep the placeholder in its category; the words are the moderators' only.
    expect((await f.service.list(citizen2, id)).comments[0]).toMatchObject({ state: 'hidden', category: 'questions', text: '' });
  });

  it('tells followers of new feedback ("ny feedback")', async () => {
    const events: NotificationEvent[] = [];
    const f = await commentFixture({ notify: async (event) => void events.push(event) });
    const id = await f.document();
    const written = await f.service.create(citizen, id, { kind: 'feedback', category: 'works', text: 'Fint' });
    expect(events).toEqual([expect.objectContaining({ kind: 'comment_new', commentId: written.comment.id, threadKind: 'feedback' })]);
    const item = {
      kind: 'comment_new' as const,
      documentTitle: 'Fællesspisning',
      data: { actorName: 'Karen', threadKind: 'feedback' as const },
    };
    expect(notificationText(translator('da'), item as never)).toBe('Karen gav ny feedback på “Fællesspisning”.');
    expect(notificationText(translator('en'), item as never)).toBe('Karen gave new feedback on “Fællesspisning”.');
  });

  it('checks the body schema: category passes to the service, kind feedback is known', () => {
    expect(createCommentSchema.safeParse({ kind: 'feedback', category: 'works', text: 'x' }).success).toBe(true);
    expect(createCommentSchema.safeParse({ kind: 'praise', text: 'x' }).error?.issues[0]?.message).toBe('kind_invalid');
  });
});

describe('views and the panel', () => {
  it('keeps feedback out of the margin’s threads, and the panel groups it with its visible replies', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const anchor = await f.anchor(id, 'Kulturhuset');
    const comment = (await f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Hvor?' })).comment;
    const feedback = (await f.service.create(citizen, id, { kind: 'feedback', category: 'works', text: 'Godt' })).comment;
    await f.service.reply(editor, id, feedback.id, { text: 'Tak' });
    await f.service.reply(editor, id, comment.id, { text: 'Der' });
    const { comments } = await f.service.list(citizen2, id);
    expect(threadsOf(comments).map((thread) => [thread.root.id, thread.replies.length])).toEqual([[comment.id, 1]]);
    const panel = feedbackOf(comments);
    expect(panel.items.map((item) => item.id)).toEqual([feedback.id]);
    expect(panel.replies.get(feedback.id)?.map((reply) => reply.text)).toEqual(['Tak']);
  });

  it('summarises by category with counts and the most supported of each', () => {
    const item = (id: string, category: 'works' | 'questions' | 'suggestions', supportCount: number, createdAt: string) => ({
      id,
      category,
      supportCount,
      createdAt,
    });
    const summary = summariseFeedback([
      item('a', 'works', 0, '2027-01-01T00:00:03Z'),
      item('b', 'works', 2, '2027-01-01T00:00:02Z'),
      item('c', 'works', 2, '2027-01-01T00:00:04Z'),
      item('d', 'suggestions', 0, '2027-01-01T00:00:01Z'),
    ]);
    expect(summary.total).toBe(4);
    expect(summary.counts).toEqual({ works: 3, questions: 0, suggestions: 1 });
    expect(summary.groups.map((group) => [group.category, group.items.map((i) => i.id), group.top?.id ?? null])).toEqual([
      ['works', ['b', 'a', 'c'], 'b'],
      ['questions', [], null],
      ['suggestions', ['d'], null],
    ]);
    expect(offersFeedback('projektforslag')).toBe(true);
    expect(offersFeedback('blank')).toBe(false);
  });
});

describe('the høringsnotat’s feedback section', () => {
  async function withFeedback() {
    const f = await commentFixture();
    const id = await f.document();
    const anchor = await f.anchor(id, 'Kulturhuset');
    await f.service.create(citizen, id, { kind: 'comment', anchor, text: 'Hvor?' });
    const works = (await f.service.create(orgRep, id, { kind: 'feedback', category: 'works', text: 'Børn er med <b>' })).comment;
    await f.service.create(citizen, id, { kind: 'feedback', category: 'suggestions', text: '=1+1 oftere' });
    const hidden = (await f.service.create(citizen2, id, { kind: 'feedback', category: 'questions', text: 'Grimt' })).comment;
    await f.service.moderate(moderator, hidden.id, { action: 'hide', ground: 'offensive', reason: 'Grov' });
    await f.service.setSupport(citizen, id, works.id, true);
    await f.service.reply(editor, id, works.id, { text: 'Tak!' });
    return { f, id, report: await f.service.consultationReport(citizen, id) };
  }

  it('groups visible feedback by category with counts and the most supported, apart from the passages', async () => {
    const { report } = await withFeedback();
    expect(report.totals).toMatchObject({ comments: 1, suggestions: 0, hidden: 1 });
    expect(report.groups.flatMap((g) => g.items.map((i) => i.kind))).toEqual(['comment']);
    expect(report.organisations).toEqual([{ id: 'o_groen', name: 'Grønne Hjerter', items: 1 }]);
    expect(report.feedback?.counts).toEqual({ works: 1, questions: 0, suggestions: 1 });
    const works = report.feedback!.groups[0]!;
    expect(works.top).toMatchObject({ kind: 'feedback', category: 'works', supportCount: 1, replies: [{ text: 'Tak!' }] });
  });

  it('renders the section in HTML, Markdown and CSV, in both languages, people’s text escaped', async () => {
    const { report } = await withFeedback();
    const html = renderReportHtml(report);
    expect(html).toContain('<h2 id="feedback">Feedback på forslaget</h2>');
    expect(html).toContain('<p>1 ting, der fungerer godt, 0 spørgsmål og 1 forslag til forbedring.</p>');
    expect(html).toContain('<h3 id="feedback-works">Det fungerer godt (1)</h3>');
    expect(html).toContain('<p>Mest støttet: “Børn er med &lt;b&gt;” (støttet af 1)</p>');
    expect(html).toContain('<h4>Feedback fra Rikke Repræsentant, på vegne af Grønne Hjerter (bekræftet medlem)</h4>');
    expect(html).toContain('Ingen feedback i denne kategori.');
    expect(html).not.toContain('<b>');
    expect(renderReportHtml(report, 'en')).toContain('<h3 id="feedback-suggestions">Suggestions for improvement (1)</h3>');
    const md = renderReportMarkdown(report);
    expect(md).toContain('\n## Feedback på forslaget\n\n1 ting, der fungerer godt, 0 spørgsmål og 1 forslag til forbedring.\n');
    expect(md).toContain('\n### Spørgsmål (0)\n\nIngen feedback i denne kategori.\n');
    expect(md).toContain('\n#### Feedback fra Rikke Repræsentant');
    const csv = renderReportCsv(report).slice(CSV_BOM.length).split('\r\n');
    const feedbackRows = csv.filter((row) => row.startsWith('"Feedback på forslaget"'));
    expect(feedbackRows).toHaveLength(3);
    expect(feedbackRows[0]).toContain('"Det fungerer godt","","","Feedback"');
    expect(feedbackRows[2]).toContain(`"'=1+1 oftere"`);
  });

  it('is absent, and every export as before, for a document without feedback', async () => {
    const f = await commentFixture();
    const id = await f.document();
    await f.service.create(citizen, id, { kind: 'comment', anchor: await f.anchor(id, 'Kulturhuset'), text: 'Hvor?' });
    const report = await f.service.consultationReport(citizen, id);
    expect('feedback' in report).toBe(false);
    expect(renderReportHtml(report)).not.toContain('feedback');
    expect(renderReportMarkdown(report)).not.toContain('Feedback');
    expect(renderReportCsv(report)).not.toContain('Feedback');
  });

  it('leaves out feedback in a stored record from before (no category): old data still loads', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const body: Y.Doc = await f.body(id);
    const meta = (await f.documents.get(id))!;
    const old: StoredComment = {
      id: 'c_old',
      documentId: id,
      threadId: 'c_old',
      parentId: null,
      kind: 'feedback',
      anchor: null,
      text: 'Uden kategori',
      author: { kind: 'person', id: 'p_citizen', name: 'Karen' },
      createdAt: '2027-03-01T00:00:00.000Z',
      supporters: [],
      reports: [],
      moderation: { state: 'visible' },
    };
    const report = buildConsultationReport({ meta, comments: [old], body, generatedAt: '2027-03-05T00:00:00.000Z' });
    expect(report.feedback?.total).toBe(0);
    expect(report.groups).toEqual([]);
    body.destroy();
  });
});

describe('stores', () => {
  const tempDir = tempDirsRemovedAfterAll('feedback-comments');

  it('keep feedback’s kind and category on disk, read back after a restart', async () => {
    const dataDir = await tempDir();
    const first = new FileCommentStore({ dataDir, groupCommitMs: 1 });
    const record = {
      ...sampleComment('c_fb', { documentId: 'dok-1' }),
      kind: 'feedback' as const,
      anchor: null,
      category: 'suggestions' as const,
    };
    await first.update('dok-1', () => ({ put: [record], result: null }));
    await first.close();
    const again = new FileCommentStore({ dataDir, groupCommitMs: 1 });
    expect(await again.get('c_fb')).toMatchObject({ kind: 'feedback', anchor: null, category: 'suggestions' });
    await again.close();
  });
});
