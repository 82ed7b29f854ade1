import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { collectPersonalData } from '../../../lib/account/export/collectPersonalData';
import {
  EXPORT_MAX_BYTES,
  personalDataFiles,
  zipPersonalData,
  type PersonalDataExport,
} from '../../../lib/account/export/composePersonalDataExport';
import { userAgentSummary } from '../../../lib/account/userAgentSummary';
import type { StoredComment } from '../../../lib/comments/model';
import { t, translator } from '../../../lib/i18n/translator';

const AT = '2027-03-05T12:00:00.000Z';
const base = (overrides: Partial<StoredComment>): StoredComment => ({
  id: 'c',
  documentId: 'dok-1',
  threadId: 'c',
  parentId: null,
  kind: 'comment',
  anchor: { start: {}, end: {}, quote: { prefix: 'før ', exact: 'passagen', suffix: ' efter' } },
  text: 'tekst',
  author: { kind: 'person', id: 'p_karen', name: 'Karen' },
  createdAt: AT,
  supporters: [],
  reports: [],
  moderation: { state: 'visible' },
  ...overrides,
});

function sample(): PersonalDataExport {
  const comments: StoredComment[] = [
    base({ id: 'c_karen', text: '# ikke en overskrift\n*ikke fed* [ikke et link](javascript:x)' }),
    base({
      id: 'c_bo',
      author: { kind: 'person', id: 'p_bo', name: 'Bo' },
      text: 'Bos tekst',
      supporters: ['person:p_karen', 'person:p_bo'],
      reports: [
        { id: 'r1', by: 'person:p_karen', ground: 'spam', note: 'Karens note', at: AT },
        { id: 'r2', by: 'person:p_bo', ground: 'other', note: 'Bos egen note', at: AT },
      ],
      answer: { status: 'noted', text: 'Svar fra kommunen', by: { id: 'p_olga', name: 'Olga' }, at: AT },
    }),
    base({ id: 'c_reply', kind: 'reply', parentId: 'c_bo', threadId: 'c_bo', anchor: null, text: 'Karens svar' }),
    base({ id: 'c_feedback', kind: 'feedback', anchor: null, category: 'questions', text: 'Karens spørgsmål' }),
    base({ id: 'c_guest', author: { kind: 'guest', id: 'p_karen', name: 'En gæst med samme id' }, text: 'Gæstens tekst' }),
  ];
  return {
    exportedAt: AT,
    profile: { id: 'p_karen', name: 'Karen', email: 'karen@example.dk', role: 'citizen', createdAt: AT, updatedAt: AT, organisations: [] },
    ...collectPersonalData('p_karen', [
      { documentId: 'dok-1', title: 'Lokalplan', comments },
      { documentId: 'dok-3', title: 'Erfaringer med frivillige', comments: [], postSupporters: ['p_bo', 'p_karen'] },
      { documentId: 'dok-4', title: 'Et andet indlæg', comments: [], postSupporters: ['p_bo'] },
    ]),
    documents: [{ id: 'dok-2', title: 'Mit *udkast*', state: 'draft', createdAt: AT, updatedAt: AT, markdown: 'Min tekst.\n' }],
    sessions: [{ createdAt: AT, lastSeenAt: AT, device: 'Firefox · Linux' }],
  };
}

describe('collectPersonalData', () => {
  it("takes the person's comments, supports and reports, and of others' comments only the ids", () => {
    const data = sample();
    expect(data.comments.map((comment) => comment.id)).toEqual(['c_karen', 'c_reply', 'c_feedback']);
    expect(data.comments[0]).toMatchObject({ kind: 'comment', passage: 'passagen', category: null });
    expect(data.comments[1]).toMatchObject({ kind: 'reply', inReplyTo: 'c_bo', passage: null, category: null });
    expect(data.comments[2]).toMatchObject({ kind: 'feedback', passage: null, category: 'questions', text: 'Karens spørgsmål' });
    expect(data.supports).toEqual([
      { documentId: 'dok-1', documentTitle: 'Lokalplan', commentId: 'c_bo' },
      { documentId: 'dok-3', documentTitle: 'Erfaringer med frivillige', commentId: null },
    ]);
    expect(data.reports).toEqual([
      { documentId: 'dok-1', documentTitle: 'Lokalplan', commentId: 'c_bo', ground: 'spam', note: 'Karens note', at: AT },
    ]);
    const json = JSON.stringify(data);
    for (const others of ['Bos tekst', 'Bos egen note', 'Svar fra kommunen', 'Olga', 'Gæstens tekst', 'p_bo'])
      expect(json).not.toContain(others);
  });
});

describe('the export files', () => {
  it('hold data.json, a readable README and one Markdown file per owned document, with Markdown escaped', () => {
    const files = unzipSync(zipPersonalData(sample(), t));
    expect(Object.keys(files).sort()).toEqual(['samskriv-data/README.md', 'samskriv-data/data.json', 'samskriv-data/dokumenter/dok-2.md']);
    const readme = strFromU8(files['samskriv-data/README.md']!);
    expect(readme).toContain('# Dine data fra Samskriv');
    expect(readme).toContain('> \\# ikke en overskrift');
    expect(readme).toContain('\\*ikke fed\\* \\[ikke et link\\](javascript:x)');
    expect(readme).toContain('Svar på kommentar c_bo');
    expect(readme).toContain('Lokalplan · Feedback · ');
    expect(readme).toContain('- Kategori: Spørgsmål');
    expect(readme).toContain('- Erfaringer med frivillige: Synes godt om indlægget');
    expect(readme).toContain('[Mit \\*udkast\\*](dokumenter/dok-2.md)');
    expect(strFromU8(files['samskriv-data/dokumenter/dok-2.md']!)).toBe('# Mit \\*udkast\\*\n\nMin tekst.\n');
    expect(JSON.parse(strFromU8(files['samskriv-data/data.json']!))).toMatchObject({
      format: 'samskriv-personal-data/1',
      profile: { email: 'karen@example.dk' },
    });
  });

  it('speaks the language it is given', () => {
    const readme = strFromU8(personalDataFiles(sample(), translator('en'))['README.md']!);
    expect(readme).toContain('# Your data from Samskriv');
    expect(readme).toContain('Reply to comment c_bo');
    expect(readme).toContain('- Category: Questions');
    expect(readme).toContain('- Erfaringer med frivillige: Likes the post');
  });

  it('refuses more than its bound (EXPORT_MAX_BYTES by default), counting every file', () => {
    expect(EXPORT_MAX_BYTES).toBe(50 * 1024 * 1024);
    const files = personalDataFiles(sample(), t);
    const total = Object.values(files).reduce((sum, bytes) => sum + bytes.byteLength, 0);
    expect(Object.keys(personalDataFiles(sample(), t, total))).toHaveLength(3);
    expect(() => personalDataFiles(sample(), t, total - 1)).toThrow(expect.objectContaining({ code: 'export_too_large' }));
  });
});

describe('userAgentSummary', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0', 'Firefox · Linux'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0',
      'Edge · Windows',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
      'Safari · macOS',
    ],
    ['Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36', 'Chrome · Android'],
    ['curl/8.0', null],
    [undefined, null],
  ])('%s → %s', (agent, summary) => {
    expect(userAgentSummary(agent)).toBe(summary);
  });
});
