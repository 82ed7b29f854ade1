/** The høringsnotat: built from real comments on a real body, and its HTML, Markdown and CSV renderings. */
import { describe, expect, it } from 'vitest';
import type { ConsultationReport } from '../../../lib/comments/report/buildConsultationReport';
import { CSV_BOM, csvCell, renderReportCsv } from '../../../lib/comments/report/renderReportCsv';
import { renderReportHtml } from '../../../lib/comments/report/renderReportHtml';
import { formatSpreadsheetDateTime } from '../../../lib/i18n/format';
import { escapeMarkdown, renderReportMarkdown } from '../../../lib/comments/report/renderReportMarkdown';
import { GRANTS, citizen, citizen2, commentFixture, editor, guest, moderator, orgRep, owner } from './commentFixture';

const HOSTILE = '<script>alert("x")</script> & *fed* [link](javascript:alert(1))';

async function consultation(): Promise<ConsultationReport> {
  const f = await commentFixture();
  const id = await f.document({
    consultation: { guestsMayComment: true, opensAt: '2027-03-01T08:00:00.000Z', closesAt: '2027-03-20T08:00:00.000Z' },
  });
  const on = (text: string) => f.anchor(id, text);
  // Written in an order different from the passages' order in the document.
  const late = (await f.service.create(citizen, id, { kind: 'comment', anchor: await on('også børn'), text: HOSTILE })).comment;
  const first = (
    await f.service.create(orgRep, id, { kind: 'suggestion', anchor: await on('hver uge'), text: 'Oftere', replacement: 'hver dag' })
  ).comment;
  const same = (await f.service.create(guest('g_1', 'Gitte Gæst'), id, { kind: 'comment', anchor: await on('hver uge'), text: '=1+1' }))
    .comment;
  const gone = (await f.service.create(citizen2, id, { kind: 'comment', anchor: await on('i Kulturhuset'), text: 'Hvor er det?' })).comment;
  const hidden = (await f.service.create(citizen2, id, { kind: 'comment', anchor: await on('Alle'), text: 'Grimt' })).comment;
  const withdrawn = (await f.service.create(citizen, id, { kind: 'comment', anchor: await on('Alle'), text: 'Fortryder' })).comment;
  await f.service.reply(editor, id, first.id, { text: 'Linje 1\nLinje 2' });
  await f.service.reply(citizen2, id, hidden.id, { text: 'Svar på skjult' });
  await f.service.setSupport(citizen, id, first.id, true);
  await f.service.setSupport(citizen2, id, first.id, true);
  await f.service.setSupport(citizen2, id, late.id, true);
  await f.service.decide(owner, id, first.id, { decision: 'declined', reason: 'For dyrt' });
  await f.service.answer(editor, id, late.id, { status: 'taken_into_account', text: 'Børn er med.' });
  await f.service.moderate(moderator, hidden.id, { action: 'hide', ground: 'offensive', reason: 'Grov' });
  await f.service.remove(citizen, id, withdrawn.id);
  await f.deleteText(id, ' i Kulturhuset');
  void same;
  void gone;
  f.now = new Date('2027-03-21T09:30:00.000Z');
  return f.service.consultationReport(citizen, id);
}

describe('building the report', () => {
  it('groups visible threads by passage in document order, puts orphaned ones last, and counts what it leaves out', async () => {
    const report = await consultation();
    expect(report).toMatchObject({
      title: 'Fællesspisning',
      state: 'consultation',
      opensAt: '2027-03-01T08:00:00.000Z',
      closesAt: '2027-03-20T08:00:00.000Z',
      generatedAt: '2027-03-21T09:30:00.000Z',
      totals: { comments: 3, suggestions: 1, replies: 1, supports: 3, answered: 2, hidden: 1, withdrawn: 1 },
      hiddenByGround: { offensive: 1, personal_data: 0, spam: 0, off_topic: 0, other: 0 },
      organisations: [{ id: 'o_groen', name: 'Grønne Hjerter', items: 1 }],
    });
    const summary = report.groups.map((g) =>
      g.kind === 'passage' ? [g.text, g.items.map((i) => i.author)] : ['(væk)', g.items.map((i) => i.quote)],
    );
    expect(summary).toEqual([
      ['hver uge', ['Rikke Repræsentant', 'Gitte Gæst']],
      ['også børn', ['Karen Borger']],
      ['(væk)', ['i Kulturhuset']],
    ]);
    const suggestion = report.groups[0]!.items[0]!;
    expect(suggestion).toMatchObject({
      kind: 'suggestion',
      organisation: 'Grønne Hjerter',
      replacement: 'hver dag',
      supportCount: 2,
      decision: { decision: 'declined', reason: 'For dyrt', by: 'Olga Ejer' },
      replies: [{ author: 'Erik Redaktør', text: 'Linje 1\nLinje 2' }],
    });
    expect(JSON.stringify(report)).not.toMatch(/Grimt|Svar på skjult|Fortryder/);
  });
});

describe('the HTML report', () => {
  it('is a complete Danish page with its headings in order, and every text escaped', async () => {
    const html = renderReportHtml(await consultation());
    expect(html.startsWith('<!doctype html>\n<html lang="da">')).toBe(true);
    expect(html).toContain('<title>Høringsnotat: Fællesspisning</title>');
    expect(html).toContain('<main>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *fed*');
    expect(html).toContain('Linje 1<br>\nLinje 2');
    expect(html).toContain('Høringsperiode:');
    const levels = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(html).toContain('Skjult af moderatorer (ikke med her)</dt><dd>1</dd>');
  });

  it('loads and runs nothing: no scripts, styles, images or links to elsewhere', async () => {
    const html = renderReportHtml(await consultation());
    expect(html).not.toMatch(/<(script|style|link|img|iframe|object)\b/i);
    expect(html).not.toMatch(/\son\w+=/i);
  });

  it('can be rendered in English', async () => {
    const html = renderReportHtml(await consultation(), 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Consultation report: Fællesspisning');
  });
});

describe('the Markdown report', () => {
  it('escapes every character that could become markup, and quotes people’s text line by line', async () => {
    const md = renderReportMarkdown(await consultation());
    expect(md.startsWith('# Høringsnotat: Fællesspisning\n')).toBe(true);
    expect(md).toContain(`> ${escapeMarkdown(HOSTILE)}`);
    expect(md).not.toMatch(/(^|[^\\])<script>/m);
    expect(md).not.toContain('[link](');
    expect(md).toContain('> Linje 1\n> Linje 2');
    expect(escapeMarkdown('# *a* _b_ [c](d) <e> `f` | g ~ h = i - j + k . l ! m &amp; n')).toBe(
      '\\# \\*a\\* \\_b\\_ \\[c\\](d) \\<e> \\`f\\` \\| g \\~ h = i - j + k . l ! m \\&amp; n',
    );
    for (const marker of ['- a', '+ a', '= a', '> a', '12. a', '3) a']) expect(escapeMarkdown(marker), marker).toMatch(/\\/);
  });

  it('leaves ordinary punctuation alone: dates read as dates, not "6\\. dec\\."', async () => {
    expect(escapeMarkdown('Udarbejdet 6. dec. 2026 kl. 14.05 (Anne, Foreningen)')).toBe(
      'Udarbejdet 6. dec. 2026 kl. 14.05 (Anne, Foreningen)',
    );
    const md = renderReportMarkdown(await consultation());
    // Only a number at a line's start keeps its backslash ("5\\. mar." would otherwise start a list).
    expect(md.match(/[^\n\d]\d+\\\./g)).toBeNull();
    expect(md).not.toContain('\\(');
  });
});

describe('the CSV report', () => {
  it('starts with a byte order mark, ends rows with CRLF, quotes as RFC 4180 says and never starts a formula', async () => {
    const csv = renderReportCsv(await consultation());
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '"Overskrift","Afsnit","Tekst","Oprindelig tekst","Type","Id","Tråd","Afsender","Organisation","Skrevet (dansk tid, Europe/Copenhagen)","Kommentar","Foreslået tekst","Støtte","Løst","Behandling","Forvaltningens svar","Besvaret af","Beslutning om forslaget","Begrundelse","Ændringen i sammenligningen"',
    );
    expect(csv).toContain(`"${HOSTILE.replace(/"/g, '""')}"`);
    expect(csv).toContain(`,"'=1+1",`);
    expect(csv).toContain('"Linje 1\nLinje 2"');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines.at(-1)).toBe('');
  });

  it('writes times in Danish local time (summer and winter), the heading naming the zone', () => {
    expect(formatSpreadsheetDateTime('2027-03-05T12:00:00.000Z')).toBe('2027-03-05 13:00');
    expect(formatSpreadsheetDateTime('2027-07-01T22:30:00.000Z')).toBe('2027-07-02 00:30');
  });

  it('has no UTC timestamps in its rows', async () => {
    const csv = renderReportCsv(await consultation());
    expect(csv).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    expect(csv).toMatch(/"2027-03-\d\d \d\d:\d\d"/);
  });

  it('neutralises formula starts and quotes every text cell', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+45 12 34 56 78')).toBe(`"'+45 12 34 56 78"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tx')).toBe(`"'\tx"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('helt almindelig')).toBe('"helt almindelig"');
  });
});

describe('the Danish template: headings, consulted parties, both wordings, one version', () => {
  const BLOCKS = [
    { heading: 1, text: 'Fællesspisning' },
    { text: 'Vi vil spise sammen hver uge i Kulturhuset.' },
    { heading: 2, text: 'Praktisk' },
    { text: 'Alle er velkomne, også børn.' },
  ];
  const VERSIONS = [
    { number: 2, kind: 'published', publishedAt: '2027-03-10T12:00:00.000Z' },
    { number: 1, kind: 'consultation_draft', publishedAt: '2027-03-01T08:00:00.000Z' },
  ] as const;
  const NAMES: Record<string, string> = { o_groen: 'Grønne Hjerter', o_idraet: 'Idrætsforeningen Bold' };

  async function accepted() {
    const f = await commentFixture({ versionsOf: async () => VERSIONS, organisationName: async (id) => NAMES[id] ?? null });
    const id = await f.document({
      blocks: BLOCKS,
      grants: [
        ...GRANTS,
        { subject: 'organisation', organisationId: 'o_groen', role: 'commenter' },
        { subject: 'organisation', organisationId: 'o_idraet', role: 'commenter' },
        { subject: 'organisation', organisationId: 'o_gone', role: 'commenter' },
      ],
    });
    const suggestion = (
      await f.service.create(orgRep, id, {
        kind: 'suggestion',
        anchor: await f.anchor(id, 'hver uge'),
        text: 'Oftere',
        replacement: 'hver dag',
      })
    ).comment;
    await f.service.create(citizen, id, { kind: 'comment', anchor: await f.anchor(id, 'også børn'), text: 'Godt' });
    await f.service.decide(owner, id, suggestion.id, { decision: 'accepted', reason: 'Ja' });
    await f.replaceText(id, 'hver uge', 'hver dag');
    await f.service.answer(editor, id, suggestion.id, { status: 'noted', text: 'Noteret.' }).catch(() => undefined);
    f.now = new Date('2027-03-12T09:00:00.000Z');
    await f.service.create(citizen2, id, { kind: 'comment', anchor: await f.anchor(id, 'Alle'), text: 'Efter udgivelsen' });
    return { f, id };
  }

  it('puts each passage under the document heading above it, and names the organisations consulted and whether they responded', async () => {
    const { f, id } = await accepted();
    const report = await f.service.consultationReport(citizen, id);
    expect(report.groups.map((g) => (g.kind === 'passage' ? [g.section, g.text] : null))).toEqual([
      // The suggestion's passage ended in the words it replaced: what is left of it is its start.
      ['Fællesspisning', 'hver '],
      ['Praktisk', 'Alle'],
      ['Praktisk', 'også børn'],
    ]);
    expect(report.consulted).toEqual([
      { id: 'o_groen', name: 'Grønne Hjerter', responded: true, items: 1 },
      { id: 'o_idraet', name: 'Idrætsforeningen Bold', responded: false, items: 0 },
    ]);
    const html = renderReportHtml(report);
    expect(html).toContain('<h3 id="overskrift-1">Fællesspisning</h3>');
    expect(html).toContain('<h3 id="overskrift-2">Praktisk</h3>');
    expect(html).not.toContain('>Afsnit 1</h3>');
    expect(html).toContain('<li>Grønne Hjerter: har afgivet høringssvar (1)</li>');
    expect(html).toContain('<li>Idrætsforeningen Bold: har ikke afgivet høringssvar</li>');
    const levels = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });

  it('shows an accepted suggestion with the original wording and the new one, not the new text as the passage alone', async () => {
    const { f, id } = await accepted();
    const report = await f.service.consultationReport(citizen, id, { version: 1 });
    const html = renderReportHtml(report);
    const item = html.slice(html.indexOf('Forslag fra'));
    expect(item.indexOf('Oprindelig tekst:')).toBeGreaterThan(0);
    expect(item.indexOf('hver uge')).toBeGreaterThan(item.indexOf('Oprindelig tekst:'));
    expect(item.indexOf('Ny tekst (vedtaget):')).toBeGreaterThan(item.indexOf('hver uge'));
    expect(item.indexOf('hver dag')).toBeGreaterThan(item.indexOf('Ny tekst (vedtaget):'));
    // It links to where the compare view shows the change: from the consultation draft to the version that followed.
    expect(html).toContain(`<a href="/d/${id}/versions/compare?from=1&amp;to=2">Se ændringen i sammenligningen af versionerne</a>`);
    const md = renderReportMarkdown(report);
    expect(md).toContain('Oprindelig tekst:\n\n> hver uge');
    expect(md).toContain('Ny tekst (vedtaget):\n\n> hver dag');
    const csv = renderReportCsv(report);
    expect(csv).toContain('"Fællesspisning","1","hver ","hver uge","Forslag"');
  });

  it('covers one version: the comments written while it was being read, and says which version it is', async () => {
    const { f, id } = await accepted();
    const first = await f.service.consultationReport(citizen, id, { version: 1 });
    expect(first.groups.flatMap((g) => g.items.map((i) => i.text))).toEqual(['Oftere', 'Godt']);
    expect(renderReportHtml(first)).toContain('Notatet gælder version 1 (høringsudkastet) af');
    const second = await f.service.consultationReport(citizen, id, { version: 2 });
    expect(second.groups.flatMap((g) => g.items.map((i) => i.text))).toEqual(['Efter udgivelsen']);
    expect(renderReportHtml(second, 'en')).toContain('This report covers version 2 (the published version) of');
    const all = await f.service.consultationReport(citizen, id);
    expect(all.version).toBeNull();
    expect(all.groups.flatMap((g) => g.items)).toHaveLength(3);
    await expect(f.service.consultationReport(citizen, id, { version: 3 })).rejects.toMatchObject({ code: 'version_not_found' });
  });

  it('links an accepted suggestion to the change its acceptance made in the compare view, in HTML, Markdown and CSV', async () => {
    const bodyOf = (text: string) => ({
      type: 'doc',
      content: BLOCKS.map((block) =>
        block.heading
          ? { type: 'heading', attrs: { level: block.heading }, content: [{ type: 'text', text: block.text }] }
          : { type: 'paragraph', content: [{ type: 'text', text: block.text.replace('hver uge', text) }] },
      ),
    });
    const asked: number[] = [];
    const f = await commentFixture({
      versionsOf: async () => VERSIONS,
      // Version 2 also changed a word elsewhere ("Alle" → "Enhver"), which no suggestion made.
      versionBody: async (_id, n) => {
        asked.push(n);
        return n === 1
          ? bodyOf('hver uge')
          : n === 2
            ? {
                ...bodyOf('hver dag'),
                content: bodyOf('hver dag').content.map((b, i) =>
                  i === 3 ? { type: 'paragraph', content: [{ type: 'text', text: 'Enhver er velkommen, også børn.' }] } : b,
                ),
              }
            : null;
      },
    });
    const id = await f.document({ blocks: BLOCKS });
    const suggestion = (
      await f.service.create(orgRep, id, {
        kind: 'suggestion',
        anchor: await f.anchor(id, 'hver uge'),
        text: 'Oftere',
        replacement: 'hver dag',
      })
    ).comment;
    await f.service.decide(owner, id, suggestion.id, { decision: 'accepted', reason: '' });
    await f.replaceText(id, 'hver uge', 'hver dag');
    const report = await f.service.consultationReport(citizen, id, { version: 1 });
    const item = report.groups.flatMap((g) => g.items).find((i) => i.id === suggestion.id)!;
    // Change 1: "uge" → "dag" (the diff is word-level); change 2 is the other edit.
    expect(item.change).toBe(1);
    expect(asked.sort()).toEqual([1, 2]);
    const href = `/d/${id}/versions/compare?from=1&amp;to=2#change-1`;
    expect(renderReportHtml(report)).toContain(`<a href="${href}">Se ændring 1 i sammenligningen af versionerne</a>`);
    expect(renderReportMarkdown(report)).toContain(
      `[Se ændring 1 i sammenligningen af versionerne](</d/${id}/versions/compare?from=1&to=2#change-1>)`,
    );
    expect(renderReportCsv(report)).toContain(`"/d/${id}/versions/compare?from=1&to=2#change-1"\r\n`);
    // A notat of every comment (no version) compares nothing.
    asked.length = 0;
    const all = await f.service.consultationReport(citizen, id);
    expect(all.groups.flatMap((g) => g.items).find((i) => i.id === suggestion.id)!.change).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('carries a suggestion still open when the next version froze into that version’s notat, not one decided before', async () => {
    const f = await commentFixture({ versionsOf: async () => VERSIONS });
    const id = await f.document({ blocks: BLOCKS });
    const open = (
      await f.service.create(citizen, id, {
        kind: 'suggestion',
        anchor: await f.anchor(id, 'hver uge'),
        text: 'Åben',
        replacement: 'hver dag',
      })
    ).comment;
    const decided = (
      await f.service.create(citizen2, id, {
        kind: 'suggestion',
        anchor: await f.anchor(id, 'også børn'),
        text: 'Afgjort',
        replacement: 'også unge',
      })
    ).comment;
    await f.service.decide(owner, id, decided.id, { decision: 'declined', reason: 'Nej' });
    // After version 2 (10 March): the open one is decided on the new draft.
    f.now = new Date('2027-03-12T09:00:00.000Z');
    await f.service.decide(owner, id, open.id, { decision: 'accepted', reason: '' });
    const first = await f.service.consultationReport(citizen, id, { version: 1 });
    expect(first.groups.flatMap((g) => g.items).map((i) => [i.text, i.carried ?? false])).toEqual([
      ['Åben', false],
      ['Afgjort', false],
    ]);
    const second = await f.service.consultationReport(citizen, id, { version: 2 });
    expect(second.groups.flatMap((g) => g.items).map((i) => [i.text, i.carried ?? false, i.decision?.decision])).toEqual([
      ['Åben', true, 'accepted'],
    ]);
    expect(renderReportHtml(second)).toContain(
      '<p>Overført: skrevet til en tidligere version og endnu ikke afgjort, da denne version udkom.</p>',
    );
  });

  it('answers in Danish administrative categories, with "noted" apart from "accommodated"', async () => {
    const f = await commentFixture();
    const id = await f.document();
    const statuses = ['taken_into_account', 'partly', 'not_taken_into_account', 'noted'] as const;
    for (const status of statuses) {
      const comment = (await f.service.create(citizen, id, { kind: 'comment', anchor: await f.anchor(id, 'hver uge'), text: status }))
        .comment;
      await f.service.answer(editor, id, comment.id, { status, text: 'Svar' });
    }
    const html = renderReportHtml(await f.service.consultationReport(citizen, id));
    for (const label of ['Imødekommet', 'Delvist imødekommet', 'Ikke imødekommet', 'Taget til efterretning']) {
      expect(html).toContain(`Forvaltningens svar: ${label}</strong>`);
    }
    expect(renderReportHtml(await f.service.consultationReport(citizen, id), 'en')).toContain('Noted</strong>');
  });
});
