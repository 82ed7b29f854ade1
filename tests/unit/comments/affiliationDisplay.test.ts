/**
 * Issue 10 item 9: nobody poses as an organisation in comments or the høringsnotat. The organisation
 * a representative acted for is a field of its own, from the verified membership; a name stored
 * before names could end in brackets is shown without them; a guest cannot take such a name.
 */
import { describe, expect, it } from 'vitest';
import { cleanDisplayName } from '../../../lib/comments/commentText';
import { renderReportHtml } from '../../../lib/comments/report/renderReportHtml';
import { renderReportMarkdown } from '../../../lib/comments/report/renderReportMarkdown';
import { commentFixture, person } from './commentFixture';

const poser = person('p_poser', { name: 'Pia Poser (Foreningen X)' });
const rep = person('p_rep2', {
  name: 'Rikke Repræsentant (Foreningen X)',
  role: 'org_rep',
  organisationIds: ['o_y'],
  organisation: { id: 'o_y', name: 'Foreningen Y' },
});

async function twoComments() {
  const f = await commentFixture();
  const id = await f.document({});
  await f.service.create(poser, id, { kind: 'comment', anchor: await f.anchor(id, 'hver uge'), text: 'Fra en borger' });
  await f.service.create(rep, id, { kind: 'comment', anchor: await f.anchor(id, 'også børn'), text: 'Fra en forening' });
  return { f, id };
}

describe('who speaks for an organisation', () => {
  it('shows a stored name without its bracketed ending, and the organisation only as its own verified field', async () => {
    const { f, id } = await twoComments();
    const listed = await f.service.list(poser, id);
    const byText = Object.fromEntries(listed.comments.map((c) => [c.text, c.author]));
    expect(byText['Fra en borger']).toEqual({ kind: 'person', name: 'Pia Poser' });
    expect(byText['Fra en forening']).toEqual({
      kind: 'person',
      name: 'Rikke Repræsentant',
      organisation: { id: 'o_y', name: 'Foreningen Y' },
    });
  });

  it('keeps the author and the organisation apart in the høringsnotat', async () => {
    const { f, id } = await twoComments();
    const report = await f.service.consultationReport(poser, id);
    const items = report.groups.flatMap((group) => group.items).map((item) => [item.author, item.organisation]);
    expect(items).toEqual([
      ['Pia Poser', null],
      ['Rikke Repræsentant', 'Foreningen Y'],
    ]);
    expect(report.organisations).toEqual([{ id: 'o_y', name: 'Foreningen Y', items: 1 }]);
  });

  it('writes the organisation as a verified affiliation in the HTML and Markdown høringsnotat, never as name text', async () => {
    const { f, id } = await twoComments();
    const report = await f.service.consultationReport(poser, id);
    for (const [rendered, locale] of [
      [renderReportHtml(report, 'da'), 'da'],
      [renderReportMarkdown(report, 'da'), 'da'],
      [renderReportHtml(report, 'en'), 'en'],
    ] as const) {
      // Markdown escapes punctuation; read it as a person would.
      const text = rendered.replace(/\\/g, '');
      expect(text).not.toContain('(Foreningen X)');
      expect(text).not.toContain('Rikke Repræsentant (Foreningen Y)');
      expect(text).toContain(
        locale === 'da'
          ? 'Rikke Repræsentant, på vegne af Foreningen Y (bekræftet medlem)'
          : 'Rikke Repræsentant, on behalf of Foreningen Y (verified member)',
      );
    }
  });

  it('refuses a guest name that imitates an organisation', () => {
    expect(cleanDisplayName('Gitte Gæst (Foreningen X)')).toEqual({ ok: false, code: 'name_affiliation' });
    expect(cleanDisplayName('Gitte Gæst')).toEqual({ ok: true, name: 'Gitte Gæst' });
  });
});
