/**
 * A person writing on behalf of an organisation (the organisation their session acts for, a
 * verified membership) is stamped as such: from what the server authorized at connect, never from
 * the client. The history and a version's contributors name them "Navn (Organisation)", apart from
 * the same person writing on their own.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentResource, PersonActor } from '../../../lib/access/model';
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';
import { authorizeSync } from '../../../lib/auth/authorizeSync';
import { SESSION_COOKIE } from '../../../lib/auth/sessionCookie';
import { AuthorshipTable } from '../../../lib/authorship/AuthorshipTable';
import { authorKeyOf } from '../../../lib/authorship/authorKeyOf';
import { authorKeysOf, buildAuthorship } from '../../../lib/authorship/buildAuthorship';
import { organisationIdOf, personAuthor, personIdOf } from '../../../lib/authorship/model';
import { resolveAuthors } from '../../../lib/authorship/resolveAuthors';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { bodySchema } from '../../../lib/versions/bodyJsonOf';
import { versionContributorsOf } from '../../../lib/versions/versionContributorsOf';
import { authorLabel } from '../../../app/_authorship/authorLabel';
import { translator } from '../../../lib/i18n/translator';
import { TEST_SECRET } from '../../helpers/tokens';

const anne: PersonActor = { kind: 'person', id: 'p_anne', role: 'citizen', disabled: false, organisationIds: ['o_havn'], workspaceIds: [] };
const resource: DocumentResource = {
  kind: 'document',
  id: 'doc1',
  workspaceId: null,
  visibility: 'private',
  state: 'draft',
  grants: [{ subject: 'person', personId: 'p_anne', role: 'editor' }],
  consultation: { ...DEFAULT_CONSULTATION, timing: 'open' },
};

describe('writing on behalf of an organisation', () => {
  it('is in the key the sync decision gives the connection (from the session, not the client)', async () => {
    const decide = (organisation: { id: string; name: string } | null) =>
      authorizeSync(
        { documentId: 'doc1', cookieHeader: `${SESSION_COOKIE}=anne` },
        {
          secret: TEST_SECRET,
          documentResource: async () => resource,
          resolveSession: async () => ({
            actor: anne,
            label: organisation ? `Anne Jensen (${organisation.name})` : 'Anne Jensen',
            personId: 'p_anne',
            sessionIdHash: 'h_anne',
            organisation,
          }),
        },
      );
    const acting = await decide({ id: 'o_havn', name: 'Foreningen Havnen' });
    const alone = await decide(null);
    if (!acting.ok || !alone.ok) throw new Error('refused');
    expect(authorKeyOf(acting.actor)).toBe('person:p_anne/org:o_havn');
    expect(authorKeyOf(alone.actor)).toBe('person:p_anne');
    expect([personIdOf('person:p_anne/org:o_havn'), organisationIdOf('person:p_anne/org:o_havn')]).toEqual(['p_anne', 'o_havn']);
    expect([personIdOf('person:p_anne'), organisationIdOf('person:p_anne'), organisationIdOf('key:k1')]).toEqual(['p_anne', null, null]);
  });

  it('names them "Navn (Organisation)" in the history and in a version’s contributors, apart from the person alone', async () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('For foreningen. ')]);
    doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph]);
    const first = Y.getState(doc.store, doc.clientID);
    (paragraph.get(0) as Y.XmlText).insert(first, 'Privat.');
    const table = new AuthorshipTable();
    table.add({ by: personAuthor('p_anne', 'o_havn'), at: 1_000, ranges: [{ client: doc.clientID, from: 0, to: first }] });
    table.add({ by: personAuthor('p_anne'), at: 2_000, ranges: [{ client: doc.clientID, from: first, to: first + 7 }] });
    table.add({ by: personAuthor('p_bo', 'o_gone'), at: 3_000, ranges: [] });
    const names = {
      personName: async (id: string) => ({ p_anne: 'Anne Jensen', p_bo: 'Bo Hansen' })[id] ?? null,
      apiKeyName: async () => null,
      organisationName: async (id: string) => (id === 'o_havn' ? 'Foreningen Havnen' : null),
    };
    const authorship = buildAuthorship(
      doc.getXmlFragment(BODY_FRAGMENT),
      bodySchema(),
      table,
      await resolveAuthors(authorKeysOf(table), names),
    );
    const t = translator('da');
    expect(authorship.contributors.map((contributor) => [authorLabel(t, contributor), contributor.chars])).toEqual([
      ['Anne Jensen (Foreningen Havnen)', 'For foreningen. '.length],
      ['Anne Jensen', 'Privat.'.length],
      // An organisation that no longer exists: the person alone.
      ['Bo Hansen', 0],
    ]);
    expect(versionContributorsOf(authorship.contributors)).toEqual([
      { kind: 'person', personId: 'p_anne', name: 'Anne Jensen', organisation: 'Foreningen Havnen' },
      { kind: 'person', personId: 'p_anne', name: 'Anne Jensen', organisation: null },
    ]);
  });
});
