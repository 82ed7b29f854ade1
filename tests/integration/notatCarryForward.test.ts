/**
 * Suggestions through publishing, on the real server (in process, sync-only, real files; the HTTP
 * routes call exactly these services): a consultation opens (its draft frozen as version 1), a
 * citizen makes two suggestions, staff accept one (and make its change in the text over the stock
 * y-websocket provider), a moderator publishes version 2 with the other still open. The open one
 * stays open on the document, cannot be decided while the document is final, and is accepted on the
 * next draft; version 3 follows. Version 1's notat links the accepted suggestion to its change
 * (`#change-<n>` of version 1 against 2), and version 2's notat carries the other forward, linked to
 * its change of version 2 against 3.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonActor } from '../../lib/access/model';
import { anchorFromRange } from '../../lib/comments/anchors/anchorFromRange';
import { documentText } from '../../lib/comments/anchors/documentText';
import type { Participant } from '../../lib/comments/Participant';
import type { ReportItem } from '../../lib/comments/report/buildConsultationReport';
import { renderReportHtml } from '../../lib/comments/report/renderReportHtml';
import { loadConfig } from '../../lib/config';
import type { DocumentId } from '../../lib/documentId';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { getServices } from '../../lib/services';
import { compareBodies } from '../../lib/versions/compare/compareBodies';
import { startServer, type RunningServer } from '../../server/startServer';
import { appendParagraph } from '../helpers/bodyDoc';
import { connectProvider, type TestProvider } from '../helpers/connectProvider';
import { TEST_SECRET, token } from '../helpers/tokens';
import { waitUntil } from '../helpers/waitUntil';

const PARK = 'Vi anlægger en grøn park ved havnen.';
const MEETINGS = 'Vi mødes hver uge i Kulturhuset.';

const actor = (id: string, role: PersonActor['role']): PersonActor => ({
  kind: 'person',
  id,
  role,
  disabled: false,
  organisationIds: [],
  workspaceIds: [],
});
const participant = (a: PersonActor, name: string): Participant => ({
  kind: 'person',
  actor: a,
  name,
  organisation: null,
  ip: '127.0.0.1',
});

const staffActor = actor('p_staff', 'staff');
const moderatorActor = actor('p_mod', 'moderator');
const staff = participant(staffActor, 'Sara Stab');
const citizen = participant(actor('p_citizen', 'citizen'), 'Carsten Borger');
const by = { id: 'p_staff', name: 'Sara Stab' };

let dataDir: string;
let server: RunningServer;
const providers: TestProvider[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'samskriv-notat-'));
  server = await startServer({
    config: loadConfig({
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      AUTH_SECRET: TEST_SECRET,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
    }),
    projectDir: process.cwd(),
    syncOnly: true,
  });
});

afterAll(async () => {
  for (const provider of providers) provider.destroy();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** An editor's live copy of the body over the stock provider (an edit token, capped by the phase). */
async function editor(id: string): Promise<TestProvider> {
  const client = connectProvider(`ws://127.0.0.1:${server.port}/sync`, id, { token: await token(id, 'edit') });
  providers.push(client);
  await client.synced();
  return client;
}

/** The body's text as the server holds it now (the live room's state). */
async function serverText(id: string): Promise<string> {
  return JSON.stringify((await getServices().versions.draft({ kind: 'anonymous' }, id as DocumentId)).body);
}

/** Replaces the first `text` in the body with `replacement`, word by word as an editor would, and waits until the server has it. */
async function replaceInBody(client: TestProvider, id: string, text: string, replacement: string): Promise<void> {
  const found = client.doc
    .getXmlFragment(BODY_FRAGMENT)
    .toArray()
    .map((block) => (block as Y.XmlElement).firstChild as Y.XmlText | null)
    .find((xmlText) => xmlText !== null && xmlText.toString().includes(text));
  if (!found) throw new Error(`no "${text}" in the body`);
  const at = found.toString().indexOf(text);
  client.doc.transact(() => {
    found.delete(at, text.length);
    found.insert(at, replacement);
  });
  await waitUntil(async () => (await serverText(id)).includes(replacement), `"${replacement}" on the server`);
}

/** An anchor on `text` in the body as the client has it. */
function anchorOn(client: TestProvider, text: string) {
  const plain = documentText(client.doc.getXmlFragment(BODY_FRAGMENT)).text;
  const from = plain.indexOf(text);
  if (from < 0) throw new Error(`no "${text}" in the body`);
  return anchorFromRange(client.doc, from, from + text.length);
}

const itemsOf = (report: { groups: readonly { items: readonly ReportItem[] }[] }) => report.groups.flatMap((group) => group.items);

describe('suggestions through publishing', () => {
  it('keeps a suggestion open through publishing, decides it on the next draft, and carries it into the next version’s notat', async () => {
    const { documents, versions, comments } = getServices();
    const meta = await documents.create({ title: 'Havneparken', template: 'blank', createdBy: by });
    const id = meta.id as DocumentId;
    await documents.setVisibility(id, 'public');
    await documents.setGrants(id, [{ subject: 'person', personId: 'p_staff', role: 'owner' }]);

    const first = await editor(id);
    first.doc.transact(() => {
      appendParagraph(first.doc, PARK);
      appendParagraph(first.doc, MEETINGS);
    });
    await waitUntil(async () => (await serverText(id)).includes(MEETINGS), 'the text on the server');

    // The consultation opens: its draft is frozen as version 1 (as PATCH …/state does).
    const draft = await versions.freezeForPhase(id, 'consultation', by);
    expect(draft).toMatchObject({ number: 1, kind: 'consultation_draft' });
    await documents.setState(id, 'consultation');

    const accepted = (
      await comments.create(citizen, id, {
        kind: 'suggestion',
        anchor: anchorOn(first, 'grøn park'),
        text: 'Blåt tema',
        replacement: 'blå park',
      })
    ).comment;
    const open = (
      await comments.create(citizen, id, {
        kind: 'suggestion',
        anchor: anchorOn(first, 'hver uge'),
        text: 'Oftere',
        replacement: 'hver dag',
      })
    ).comment;
    await comments.decide(staff, id, accepted.id, { decision: 'accepted', reason: 'Godt forslag' });
    await replaceInBody(first, id, 'grøn park', 'blå park');

    const published = await versions.publish(moderatorActor, id, { summary: 'Efter høringen' });
    expect(published.version).toMatchObject({ number: 2, kind: 'published' });
    expect((await documents.get(id))?.state).toBe('final');

    // Still open on the document after publishing …
    const listed = (await comments.list(citizen, id)).comments.find((c) => c.id === open.id);
    expect(listed).toMatchObject({ state: 'visible', replacement: 'hver dag' });
    expect(listed!.decision).toBeUndefined();
    // … not decided while the document is final (published versions are immutable) …
    await expect(comments.decide(staff, id, open.id, { decision: 'accepted', reason: '' })).rejects.toMatchObject({ code: 'state_final' });
    // … and accepted on the next draft, its change made there; version 3 follows.
    await documents.setState(id, 'draft');
    const second = await editor(id);
    await comments.decide(staff, id, open.id, { decision: 'accepted', reason: 'Vi prøver' });
    await replaceInBody(second, id, 'hver uge', 'hver dag');
    await documents.setState(id, 'in_review');
    expect((await versions.publish(moderatorActor, id, { summary: 'Hver dag' })).version).toMatchObject({ number: 3 });

    const bodyOf = async (n: number) => (await versions.get(moderatorActor, id, n)).content.body;
    const changeOf = async (from: number, to: number, deleted: string) =>
      compareBodies(await bodyOf(from), await bodyOf(to)).changes.find((change) => change.deletedText === deleted)?.index;

    // Version 1's notat: both suggestions were written on it; the accepted one links to its change.
    const notat1 = await comments.consultationReport(citizen, id, { version: 1 });
    const park = itemsOf(notat1).find((item) => item.id === accepted.id)!;
    expect(park).toMatchObject({ quote: 'grøn park', replacement: 'blå park', decision: { decision: 'accepted' } });
    const parkChange = await changeOf(1, 2, 'grøn');
    expect(parkChange).toBeDefined();
    expect(park.change).toBe(parkChange);
    expect(park.carried).toBeUndefined();
    expect(renderReportHtml(notat1)).toContain(`href="/d/${id}/versions/compare?from=1&amp;to=2#change-${parkChange}"`);
    // The other made no change between versions 1 and 2: no change of its own there.
    expect(itemsOf(notat1).find((item) => item.id === open.id)!.change).toBeUndefined();

    // Version 2's notat: the suggestion still open when it froze is carried forward, linked to its change (2 → 3).
    const notat2 = await comments.consultationReport(citizen, id, { version: 2 });
    expect(itemsOf(notat2).map((item) => item.id)).toEqual([open.id]);
    const carried = itemsOf(notat2)[0]!;
    const meetingChange = await changeOf(2, 3, 'uge');
    expect(meetingChange).toBeDefined();
    expect(carried).toMatchObject({ carried: true, quote: 'hver uge', replacement: 'hver dag', change: meetingChange });
    const html = renderReportHtml(notat2);
    expect(html).toContain('Overført: skrevet til en tidligere version');
    expect(html).toContain(`href="/d/${id}/versions/compare?from=2&amp;to=3#change-${meetingChange}"`);
  });
});
