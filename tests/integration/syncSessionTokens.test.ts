/**
 * Browser sync tokens: short-lived JWTs bound to a session (`sid`). can() decides at connect from
 * the session, never from the claim, and revocation closes token connections like cookie ones.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Close } from '../../lib/protocol';
import { connectProvider } from '../helpers/connectProvider';
import { startSyncServer, type TestPerson, type TestSyncServer } from '../helpers/startSyncServer';
import { waitForDoc } from '../helpers/waitFor';

async function sharedDocument(server: TestSyncServer, owner: TestPerson, editor: TestPerson): Promise<string> {
  const meta = await server.documents.create({
    title: 'Politikudkast',
    template: 'blank',
    createdBy: { id: owner.personId, name: 'Ejer' },
  });
  await server.documents.setGrants(meta.id, [
    { subject: 'person', personId: owner.personId, role: 'owner' },
    { subject: 'person', personId: editor.personId, role: 'editor' },
  ]);
  return meta.id;
}

async function coEditingWithTokens() {
  const server = await startSyncServer();
  const owner = await server.person('Anna Jensen', { team: false });
  const bent = await server.person('Bent Hansen', { team: false });
  const id = await sharedDocument(server, owner, bent);
  const client = connectProvider(server.url, id, { token: await server.sessionToken(bent, id) });
  await client.synced();
  client.doc.getText('t').insert(0, 'Bent skriver med token');
  const ownerClient = connectProvider(server.url, id, { token: await server.sessionToken(owner, id), doc: new Y.Doc() });
  await waitForDoc(ownerClient.doc, (d) => d.getText('t').toString() === 'Bent skriver med token', { what: 'Bent’s edit at the owner' });
  return { server, owner, bent, id, client, ownerClient };
}

describe('session-bound sync tokens', () => {
  it('let two people co-edit, each with the access can() gives them', async () => {
    const { client, ownerClient } = await coEditingWithTokens();
    expect(client.closes).toEqual([]);
    client.destroy();
    ownerClient.destroy();
  });

  it('give no more than can() allows now, whatever the token claims', async () => {
    const server = await startSyncServer();
    const owner = await server.person('Anna Jensen', { team: false });
    const stranger = await server.person('Fremmed', { team: false });
    const meta = await server.documents.create({ title: 'Privat', template: 'blank', createdBy: { id: owner.personId, name: 'Ejer' } });
    const client = connectProvider(server.url, meta.id, { token: await server.sessionToken(stranger, meta.id, 'edit') });
    expect(await client.closed()).toEqual(Close.forbidden);
    client.destroy();
  });

  it('are refused once their session has ended, and when the subject is not the session’s person', async () => {
    const server = await startSyncServer();
    const owner = await server.person('Anna Jensen', { team: false });
    const bent = await server.person('Bent Hansen', { team: false });
    const id = await sharedDocument(server, owner, bent);
    const forged = await server.sessionToken({ ...bent, personId: owner.personId }, id);
    const mismatched = connectProvider(server.url, id, { token: forged });
    expect(await mismatched.closed()).toEqual(Close.unauthenticated);
    const token = await server.sessionToken(bent, id);
    await server.accounts.signOut(bent.sessionId);
    const late = connectProvider(server.url, id, { token });
    expect(await late.closed()).toEqual(Close.unauthenticated);
    mismatched.destroy();
    late.destroy();
  });

  it('do not create documents, unlike an embedding edit token', async () => {
    const server = await startSyncServer();
    const bent = await server.person('Bent Hansen', { team: false });
    const client = connectProvider(server.url, 'findes-ikke', { token: await server.sessionToken(bent, 'findes-ikke') });
    expect(await client.closed()).toEqual(Close.notFound);
    expect(await server.documents.get('findes-ikke')).toBeNull();
    client.destroy();
  });
});

describe('token connections close on revocation', () => {
  it('when the owner revokes the grant', async () => {
    const { server, owner, id, client, ownerClient } = await coEditingWithTokens();
    await server.documents.setGrants(id, [{ subject: 'person', personId: owner.personId, role: 'owner' }]);
    expect(await client.closed()).toEqual(Close.forbidden);
    expect(ownerClient.closes).toEqual([]);
    client.destroy();
    ownerClient.destroy();
  });

  it('when an admin disables the person', async () => {
    const { server, bent, client, ownerClient } = await coEditingWithTokens();
    const admin = await server.person('Admin', { team: false, role: 'admin' });
    await server.accounts.setDisabled(admin.personId, bent.personId, true);
    expect(await client.closed()).toEqual(Close.unauthenticated);
    expect(ownerClient.closes).toEqual([]);
    client.destroy();
    ownerClient.destroy();
  });

  it('when the person signs out', async () => {
    const { server, bent, client, ownerClient } = await coEditingWithTokens();
    await server.accounts.signOut(bent.sessionId);
    expect(await client.closed()).toEqual(Close.unauthenticated);
    expect(ownerClient.closes).toEqual([]);
    client.destroy();
    ownerClient.destroy();
  });
});
