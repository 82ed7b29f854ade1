/**
 * Feedback (the feedback model) over HTTP against the production server: given in each category by
 * a citizen in an open consultation, listed with kind and category, hostile and oversized bodies
 * refused with clear codes, and the høringsnotat's feedback section in HTML, Markdown and CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerWithAdmin, writeBody, type Answer, type Client, type CommentsClient } from './helpers/commentsClient';
import type { AppServer } from './helpers/startAppServer';

let server: AppServer;
let http: CommentsClient;
let owner: Client;
let citizen: Client;
let documentId: string;
let anchor: Awaited<ReturnType<typeof writeBody>>;

const codeOf = (answer: Answer) => `${answer.status}${answer.body?.error ? ` ${answer.body.error.code}` : ''}`;
const post = (body: unknown, as: Client = citizen) => http.call('POST', `/api/documents/${documentId}/comments`, { as, body });

beforeAll(async () => {
  ({ server, http } = await startServerWithAdmin());
  owner = await http.signUp('Olga Ejer');
  citizen = await http.signUp('Karen Borger');
  const created = await http.ok(
    http.call('POST', '/api/documents', { as: owner, body: { title: 'Fællesspisning i Kulturhuset', template: 'projektforslag' } }),
    'create',
  );
  documentId = (created.body!.document as { id: string }).id;
  await http.ok(http.call('PUT', `/api/documents/${documentId}/visibility`, { as: owner, body: { visibility: 'public' } }), 'public');
  anchor = await writeBody(server, owner.session!, documentId);
  for (const state of ['in_review', 'consultation'])
    await http.ok(http.call('PATCH', `/api/documents/${documentId}/state`, { as: owner, body: { state } }), state);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

describe('feedback over HTTP', () => {
  it('takes feedback in each category and lists it with kind and category', async () => {
    for (const [category, text] of [
      ['works', 'Det er godt, at alle er velkomne.'],
      ['questions', 'Hvem betaler maden?'],
      ['suggestions', 'Hold det også om lørdagen.'],
    ] as const) {
      const answer = await post({ kind: 'feedback', category, text });
      expect(codeOf(answer)).toBe('201');
      expect(answer.body!.comment).toMatchObject({ kind: 'feedback', category, anchor: null, text });
    }
    const listed = await http.call('GET', `/api/documents/${documentId}/comments`);
    const feedback = (listed.body!.comments as { kind: string; category?: string }[]).filter((c) => c.kind === 'feedback');
    expect(feedback.map((c) => c.category)).toEqual(['works', 'questions', 'suggestions']);
  });

  it('refuses unknown or missing categories, anchors, wording, oversized text and strangers with clear codes', async () => {
    expect(codeOf(await post({ kind: 'feedback', category: 'praise', text: 'Hej' }))).toBe('400 category_invalid');
    const missing = await post({ kind: 'feedback', text: 'Hej' });
    expect(codeOf(missing)).toBe('400 category_invalid');
    expect(missing.body!.error!.message).toContain('Det fungerer godt');
    expect(codeOf(await post({ kind: 'feedback', category: ['works'], text: 'Hej' }))).toBe('400 category_invalid');
    expect(codeOf(await post({ kind: 'feedback', category: 'works', anchor: anchor('Kulturhuset'), text: 'Hej' }))).toBe(
      '400 anchor_not_allowed',
    );
    expect(codeOf(await post({ kind: 'feedback', category: 'works', text: 'Hej', replacement: 'Nej' }))).toBe(
      '400 replacement_not_allowed',
    );
    expect(codeOf(await post({ kind: 'comment', category: 'works', anchor: anchor('Kulturhuset'), text: 'Hej' }))).toBe(
      '400 category_not_allowed',
    );
    expect(codeOf(await post({ kind: 'feedback', category: 'works', text: 'x'.repeat(5001) }))).toBe('400 text_too_long');
    expect(codeOf(await post({ kind: 'feedback', category: 'works', text: 'z'.repeat(200_000) }))).toBe('413 body_too_large');
    expect(codeOf(await post({ kind: 'feedback', category: 'works', text: '   ' }))).toBe('400 text_required');
    expect(codeOf(await post({ kind: 'feedback', category: 'works', text: 'skjult\u2066tekst\u2069' }))).toBe('400 text_bidi_controls');
    expect(codeOf(await post({ kind: 'feedback', category: 'works', text: 'Hej' }, {}))).toBe('401 unauthenticated');
    const listed = await http.call('GET', `/api/documents/${documentId}/comments`);
    expect((listed.body!.comments as unknown[]).length).toBe(3);
  });

  it('puts the feedback in the høringsnotat by category, with the summary, in every format', async () => {
    const [works] = ((await http.call('GET', `/api/documents/${documentId}/comments`)).body!.comments as { id: string }[]).slice(0, 1);
    await http.ok(
      http.call('PUT', `/api/documents/${documentId}/comments/${works!.id}/support`, { as: owner, body: { supported: true } }),
      'support',
    );
    const html = await http.call('GET', `/api/documents/${documentId}/report`, { as: citizen });
    expect(html.status).toBe(200);
    expect(html.text).toContain('<h2 id="feedback">Feedback på forslaget</h2>');
    expect(html.text).toContain('1 ting, der fungerer godt, 1 spørgsmål og 1 forslag til forbedring.');
    expect(html.text).toContain('Mest støttet: “Det er godt, at alle er velkomne.” (støttet af 1)');
    const md = await http.call('GET', `/api/documents/${documentId}/report?format=md&lang=en`, { as: citizen });
    expect(md.text).toContain('## Feedback on the proposal');
    expect(md.text).toContain('### Questions (1)');
    const csv = await http.call('GET', `/api/documents/${documentId}/report?format=csv`, { as: citizen });
    expect(csv.text.split('\r\n').filter((row) => row.startsWith('"Feedback på forslaget"'))).toHaveLength(3);
  });
});
