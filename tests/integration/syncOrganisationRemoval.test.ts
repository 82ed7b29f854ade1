/**
 * Removing an organisation (issue 13) reaches live sync connections: a member who writes with
 * their own grant while acting for it is closed with 4303 to reconnect as themselves (what they
 * write next is no longer stamped on its behalf); one who could write only through its grant is
 * refused. The test waits for the close events.
 */
import { describe, expect, it } from 'vitest';
import { hashSessionId } from '../../lib/auth/sessionId';
import { Close } from '../../lib/protocol';
import { createOrganisationService } from '../../server/people/createOrganisationService';
import { connectProvider } from '../helpers/connectProvider';
import { startSyncServer } from '../helpers/startSyncServer';
import { waitForDoc } from '../helpers/waitFor';

describe('removing an organisation while its members are connected', () => {
  it('closes who acted for it (4303, then back as themselves) and refuses who wrote only through its grant', async () => {
    const server = await startSyncServer();
    const owner = await server.person('Anna Jensen', { team: false });
    const carl = await server.person('Carl Nielsen', { team: false });
    const dora = await server.person('Dora Due', { team: false });
    const admin = await server.person('Admin', { team: false, role: 'admin' });
    const organisations = createOrganisationService({ store: server.accountStore, events: server.events, documents: server.documents });
    const organisation = await organisations.create(admin.personId, { name: 'Foreningen Grøn', kind: 'association' });
    for (const member of [carl, dora]) await organisations.join(admin.personId, member.personId, organisation.id);
    await server.accountStore.updateSession(hashSessionId(carl.sessionId), { actingForOrganisationId: organisation.id });

    const meta = await server.documents.create({
      title: 'Grønne tage',
      template: 'blank',
      createdBy: { id: owner.personId, name: 'Anna' },
    });
    await server.documents.setGrants(meta.id, [
      { subject: 'person', personId: owner.personId, role: 'owner' },
      { subject: 'person', personId: carl.personId, role: 'editor' },
      { subject: 'organisation', organisationId: organisation.id, role: 'editor' },
    ]);
    const carlClient = connectProvider(server.url, meta.id, { cookie: carl.cookie });
    const doraClient = connectProvider(server.url, meta.id, { cookie: dora.cookie });
    const ownerClient = connectProvider(server.url, meta.id, { cookie: owner.cookie });
    await Promise.all([carlClient.synced(), doraClient.synced(), ownerClient.synced()]);

    expect(await organisations.remove(admin.personId, organisation.id)).toMatchObject({ members: 2, documents: 1 });
    expect(await carlClient.closed()).toEqual(Close.accessRaised);
    expect(await doraClient.closed()).toEqual(Close.forbidden);
    expect(ownerClient.closes).toEqual([]);

    // Carl comes back as himself and still writes with his own grant; Dora is refused.
    const again = connectProvider(server.url, meta.id, { cookie: carl.cookie });
    await again.synced();
    again.doc.getText('t').insert(0, 'Carl som sig selv');
    await waitForDoc(ownerClient.doc, (d) => d.getText('t').toString() === 'Carl som sig selv', { what: 'Carl’s edit at the owner' });
    const doraAgain = connectProvider(server.url, meta.id, { cookie: dora.cookie });
    expect(await doraAgain.closed()).toEqual(Close.forbidden);
    expect(again.closes).toEqual([]);
    for (const client of [carlClient, doraClient, ownerClient, again, doraAgain]) client.destroy();
    await server.close();
  });
});
