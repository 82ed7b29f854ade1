/**
 * Visibility and organisation grants over real sockets: lowering a document's visibility, or
 * taking an organisation's grant away, closes the live connections that lost access (the test
 * waits for the close; `npm run bench:revocation` measures the 5 s deadline), and leaves those that
 * kept it alone.
 */
import { describe, expect, it } from 'vitest';
import { Close } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import { startSyncServer, TEST_TEAM } from '../helpers/startSyncServer';

describe('lowering visibility closes the connections that lost access', () => {
  it('public → private: a signed-in stranger and a signed-out reader are closed, the owner stays', async () => {
    const server = await startSyncServer();
    const owner = await server.person('Anna Jensen', { team: false });
    const stranger = await server.person('Fremmed', { team: false });
    const meta = await server.documents.create({
      title: 'Høring',
      template: 'blank',
      createdBy: { id: owner.personId, name: 'Anna Jensen' },
      visibility: 'public',
    });
    const ownerClient = connectProvider(server.url, meta.id, { cookie: owner.cookie });
    const strangerClient = connectProvider(server.url, meta.id, { cookie: stranger.cookie });
    const anonymous = connectProvider(server.url, meta.id);
    await Promise.all([ownerClient.synced(), strangerClient.synced(), anonymous.synced()]);

    await server.documents.setVisibility(meta.id, 'private');
    expect(await strangerClient.closed()).toEqual(Close.forbidden);
    expect(await anonymous.closed()).toEqual(Close.unauthenticated);
    expect(ownerClient.closes).toEqual([]);
    for (const client of [ownerClient, strangerClient, anonymous]) client.destroy();
  });

  it('workspace → private: a workspace member without a grant is closed', async () => {
    const server = await startSyncServer();
    const owner = await server.person('Anna Jensen', { team: false });
    const member = await server.person('Bent Hansen', { team: false });
    const workspace = await server.accountStore.createWorkspace({
      id: 'w_politik',
      name: 'Politik',
      createdAt: new Date().toISOString(),
      memberIds: [owner.personId, member.personId],
    });
    const meta = await server.documents.create({
      title: 'Politikudkast',
      template: 'blank',
      createdBy: { id: owner.personId, name: 'Anna Jensen' },
      workspaceId: workspace.id,
      visibility: 'workspace',
    });
    const memberClient = connectProvider(server.url, meta.id, { cookie: member.cookie });
    await memberClient.synced();

    await server.documents.setVisibility(meta.id, 'private');
    expect(await memberClient.closed()).toEqual(Close.forbidden);
    memberClient.destroy();
  });
});

describe('organisation grants', () => {
  it('a member edits through their organisation’s grant and is closed when it is taken away', async () => {
    const server = await startSyncServer();
    const owner = await server.person('Anna Jensen', { team: false });
    const member = await server.person('Bent Hansen'); // on the test team (an organisation)
    const meta = await server.documents.create({ title: 'Projekt', template: 'blank', createdBy: { id: owner.personId, name: 'Anna' } });
    const ownerGrant = { subject: 'person', personId: owner.personId, role: 'owner' } as const;
    await server.documents.setGrants(meta.id, [ownerGrant, { subject: 'organisation', organisationId: TEST_TEAM, role: 'editor' }]);
    const client = connectProvider(server.url, meta.id, { cookie: member.cookie });
    await client.synced();
    client.doc.getText('t').insert(0, 'Bent skriver for foreningen');

    await server.documents.setGrants(meta.id, [ownerGrant]);
    expect(await client.closed()).toEqual(Close.forbidden);
    client.destroy();
  });
});
