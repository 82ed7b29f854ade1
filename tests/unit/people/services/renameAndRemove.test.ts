/**
 * Renaming and removing organisations and workspaces (issue 13): the rules of the services, over
 * a MemoryAccountStore and a MemoryMetadataStore (documents through the DocumentService methods
 * the services use). The admin page's browser test (tests/e2e/adminRenameRemove.test.ts) runs
 * the same over the real server.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSULTATION } from '../../../../lib/access/consultation';
import type { Grant, Visibility } from '../../../../lib/access/model';
import type { DocumentMeta } from '../../../../lib/storage/MetadataStore';
import { createOrganisationService } from '../../../../server/people/createOrganisationService';
import { createWorkspaceService } from '../../../../server/people/createWorkspaceService';
import { MemoryMetadataStore } from '../../../../server/storage/MemoryMetadataStore';
import { peopleFixture, signedIn } from './peopleFixture';

function documentMeta(id: string, fields: { workspaceId?: string | null; visibility?: Visibility; grants?: Grant[] } = {}): DocumentMeta {
  return {
    id,
    title: `Dokument ${id}`,
    template: 'blank',
    createdAt: '2026-11-26T10:00:00.000Z',
    updatedAt: '2026-11-26T10:00:00.000Z',
    createdBy: { id: 'p_owner', name: 'Ejer' },
    epoch: 0,
    workspaceId: fields.workspaceId ?? null,
    visibility: fields.visibility ?? 'private',
    state: 'draft',
    grants: fields.grants ?? [{ subject: 'person', personId: 'p_owner', role: 'owner' }],
    consultation: DEFAULT_CONSULTATION,
  };
}

async function world() {
  const people = peopleFixture();
  const metadata = new MemoryMetadataStore();
  const accessChanged: string[] = [];
  const documents = {
    list: () => metadata.listDocuments(),
    setGrants: async (id: string, grants: readonly Grant[]) => {
      accessChanged.push(id);
      return metadata.updateDocument(id, { grants });
    },
    setPlacement: async (id: string, placement: { workspaceId: string | null; visibility: Visibility }) => {
      accessChanged.push(id);
      return metadata.updateDocument(id, placement);
    },
  };
  const options = { store: people.store, clock: people.clock, events: people.events, documents };
  const organisations = createOrganisationService(options);
  const workspaces = createWorkspaceService(options);
  const admin = await people.addAdmin({ name: 'Admin' });
  return { people, metadata, accessChanged, organisations, workspaces, admin };
}

describe('renaming an organisation', () => {
  it('renames through the creation schema (trimmed), and everything reading it by id sees the new name', async () => {
    const { people, organisations, admin } = await world();
    const member = await people.addPerson({ name: 'Mette' });
    const organisation = await organisations.create(admin.id, { name: 'Foreningen Grøn', kind: 'association' });
    await organisations.join(admin.id, member.id, organisation.id);
    const session = await signedIn(people, member);
    await people.sessions.setActingFor(session, organisation.id);

    expect(await organisations.rename(admin.id, organisation.id, { name: '  Grønne Amager ' })).toEqual({
      ...organisation,
      name: 'Grønne Amager',
    });
    expect((await organisations.organisationsOf(member.id)).map((o) => o.name)).toEqual(['Grønne Amager']);
    expect(await people.store.organisationNameOf(organisation.id)).toBe('Grønne Amager');
    expect((await people.sessions.resolve(session))?.session.actingForOrganisationId).toBe(organisation.id);
  });

  it('refuses hostile names, unknown ids and anyone but an admin', async () => {
    const { people, organisations, admin } = await world();
    const organisation = await organisations.create(admin.id, { name: 'Klubben', kind: 'association' });
    for (const input of [{ name: '' }, { name: 'x'.repeat(121) }, { name: 'Klub\u0000' }, { name: '\u202eKlub' }, { name: 42 }, {}]) {
      await expect(organisations.rename(admin.id, organisation.id, input as never)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(organisations.rename(admin.id, 'o_ghost', { name: 'Ny' })).rejects.toMatchObject({ code: 'not_found' });
    const staff = await people.addPerson({ role: 'staff' });
    await expect(organisations.rename(staff.id, organisation.id, { name: 'Ny' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(organisations.rename('p_ghost', organisation.id, { name: 'Ny' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await organisations.get(organisation.id))?.name).toBe('Klubben');
  });
});

describe('removing an organisation', () => {
  it('states, then does: memberships go, its document grants go, members act for themselves, the name stays for history', async () => {
    const { people, metadata, accessChanged, organisations, admin } = await world();
    const mette = await people.addPerson({ name: 'Mette' });
    const ole = await people.addPerson({ name: 'Ole' });
    const grøn = await organisations.create(admin.id, { name: 'Foreningen Grøn', kind: 'association' });
    const other = await organisations.create(admin.id, { name: 'Bevar Byen', kind: 'association' });
    for (const person of [mette, ole]) await organisations.join(admin.id, person.id, grøn.id);
    await organisations.join(admin.id, mette.id, other.id);
    const ownGrant: Grant = { subject: 'person', personId: 'p_owner', role: 'owner' };
    const grønGrant: Grant = { subject: 'organisation', organisationId: grøn.id, role: 'editor' };
    const otherGrant: Grant = { subject: 'organisation', organisationId: other.id, role: 'commenter' };
    await metadata.createDocument(documentMeta('d1', { grants: [ownGrant, grønGrant] }));
    await metadata.createDocument(documentMeta('d2', { grants: [ownGrant, grønGrant, otherGrant] }));
    await metadata.createDocument(documentMeta('d3', { grants: [ownGrant, otherGrant] }));
    const session = await signedIn(people, mette);
    await people.sessions.setActingFor(session, grøn.id);

    expect(await organisations.removal(admin.id, grøn.id)).toEqual({ organisation: grøn, members: 2, documents: 2 });
    // The preview changes nothing.
    expect(await organisations.get(grøn.id)).toEqual(grøn);
    expect(accessChanged).toEqual([]);

    expect(await organisations.remove(admin.id, grøn.id)).toEqual({ organisation: grøn, members: 2, documents: 2 });
    expect(await organisations.get(grøn.id)).toBeNull();
    expect((await organisations.list({})).items).toEqual([other]);
    expect(await organisations.membersOf(grøn.id)).toEqual([]);
    expect((await organisations.organisationsOf(mette.id)).map((o) => o.id)).toEqual([other.id]);
    expect((await metadata.getDocument('d1'))?.grants).toEqual([ownGrant]);
    expect((await metadata.getDocument('d2'))?.grants).toEqual([ownGrant, otherGrant]);
    expect((await metadata.getDocument('d3'))?.grants).toEqual([ownGrant, otherGrant]);
    // Only the documents whose access changed were re-checked (listeners of setGrants).
    expect(accessChanged.sort()).toEqual(['d1', 'd2']);
    // Live connections of every member are re-checked.
    expect(
      people.revoked
        .filter((event) => event.reason === 'left_organisation')
        .map((event) => event.personId)
        .sort(),
    ).toEqual([mette.id, ole.id].sort());
    // Acting for it: back to acting for oneself at the next check of the session.
    const resolved = await people.sessions.resolve(session);
    expect(resolved?.session.actingForOrganisationId).toBeNull();
    expect(resolved?.actor.organisationIds).toEqual([other.id]);
    await expect(people.sessions.setActingFor(session, grøn.id)).rejects.toMatchObject({ code: 'not_member' });
    // What was written on its behalf keeps the name.
    expect(await people.store.organisationNameOf(grøn.id)).toBe('Foreningen Grøn');
    // Gone is gone: no members, no rename, no second removal.
    await expect(organisations.join(admin.id, ole.id, grøn.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(organisations.rename(admin.id, grøn.id, { name: 'Igen' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(organisations.remove(admin.id, grøn.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(organisations.removal(admin.id, grøn.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('only an admin may preview or remove', async () => {
    const { people, organisations, admin } = await world();
    const organisation = await organisations.create(admin.id, { name: 'Klubben', kind: 'association' });
    const member = await people.addPerson({ role: 'org_rep' });
    await organisations.join(admin.id, member.id, organisation.id);
    for (const actor of [member.id, (await people.addPerson({ role: 'moderator' })).id, 'p_ghost']) {
      await expect(organisations.removal(actor, organisation.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(organisations.remove(actor, organisation.id)).rejects.toMatchObject({ code: 'forbidden' });
    }
    const disabledAdmin = await people.addAdmin({ disabled: true });
    await expect(organisations.remove(disabledAdmin.id, organisation.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await organisations.get(organisation.id)).toEqual(organisation);
  });
});

describe('changing a workspace', () => {
  it('renames it and changes or clears its description through the creation schema', async () => {
    const { workspaces, admin } = await world();
    const workspace = await workspaces.create(admin.id, { name: 'Fælles-skabet', description: 'Vidensforum' });
    expect(await workspaces.update(admin.id, workspace.id, { name: ' Byrådet ', description: ' Politik ' })).toEqual({
      ...workspace,
      name: 'Byrådet',
      description: 'Politik',
    });
    const cleared = await workspaces.update(admin.id, workspace.id, { name: 'Byrådet', description: '' });
    expect(cleared).not.toHaveProperty('description');
    expect(await workspaces.get(workspace.id)).toEqual(cleared);
    for (const input of [{ name: '' }, { name: 'x'.repeat(121) }, { name: 'Rum', description: 'x'.repeat(501) }, { name: 'R\u202e' }]) {
      await expect(workspaces.update(admin.id, workspace.id, input)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(workspaces.update(admin.id, 'w_ghost', { name: 'Rum' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('only an admin may change or remove one: its own staff members may not', async () => {
    const { people, workspaces, admin } = await world();
    const staff = await people.addPerson({ role: 'staff' });
    const workspace = await workspaces.create(admin.id, { name: 'Rummet', memberIds: [staff.id] });
    await expect(workspaces.update(staff.id, workspace.id, { name: 'Mit rum' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(workspaces.removal(staff.id, workspace.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(workspaces.remove(staff.id, workspace.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await workspaces.get(workspace.id)).toEqual(workspace);
  });
});

describe('removing a workspace', () => {
  it('never deletes documents: they move out, those visible to the workspace becoming private, grants kept', async () => {
    const { people, metadata, accessChanged, workspaces, admin } = await world();
    const anna = await people.addPerson({ name: 'Anna' });
    const bo = await people.addPerson({ name: 'Bo' });
    const workspace = await workspaces.create(admin.id, { name: 'Fælles-skabet', memberIds: [anna.id, bo.id] });
    const keep = await workspaces.create(admin.id, { name: 'Andet rum', memberIds: [anna.id] });
    const grant: Grant = { subject: 'person', personId: bo.id, role: 'editor' };
    await metadata.createDocument(documentMeta('d1', { workspaceId: workspace.id, visibility: 'workspace' }));
    await metadata.createDocument(
      documentMeta('d2', {
        workspaceId: workspace.id,
        visibility: 'workspace',
        grants: [{ subject: 'person', personId: 'p_owner', role: 'owner' }, grant],
      }),
    );
    await metadata.createDocument(documentMeta('d3', { workspaceId: workspace.id, visibility: 'public' }));
    await metadata.createDocument(documentMeta('d4', { workspaceId: keep.id, visibility: 'workspace' }));

    expect(await workspaces.removal(admin.id, workspace.id)).toEqual({ workspace, members: 2, documents: 3, madePrivate: 2 });
    expect(accessChanged).toEqual([]);
    expect(await workspaces.remove(admin.id, workspace.id)).toEqual({ workspace, members: 2, documents: 3, madePrivate: 2 });

    expect(await workspaces.get(workspace.id)).toBeNull();
    expect((await workspaces.list()).map((w) => w.id)).toEqual([keep.id]);
    expect(await workspaces.workspacesOf(bo.id)).toEqual([]);
    expect((await metadata.listDocuments()).map((d) => d.id).sort()).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(await metadata.getDocument('d1')).toMatchObject({ workspaceId: null, visibility: 'private' });
    expect(await metadata.getDocument('d2')).toMatchObject({
      workspaceId: null,
      visibility: 'private',
      grants: expect.arrayContaining([grant]),
    });
    expect(await metadata.getDocument('d3')).toMatchObject({ workspaceId: null, visibility: 'public' });
    expect(await metadata.getDocument('d4')).toMatchObject({ workspaceId: keep.id, visibility: 'workspace' });
    expect(accessChanged.sort()).toEqual(['d1', 'd2', 'd3']);
    expect(
      people.revoked
        .filter((event) => event.reason === 'left_workspace')
        .map((event) => event.personId)
        .sort(),
    ).toEqual([anna.id, bo.id].sort());
    await expect(workspaces.remove(admin.id, workspace.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('removes an empty workspace with no documents to move', async () => {
    const { workspaces, admin } = await world();
    const workspace = await workspaces.create(admin.id, { name: 'Tomt' });
    expect(await workspaces.remove(admin.id, workspace.id)).toEqual({ workspace, members: 0, documents: 0, madePrivate: 0 });
    await expect(workspaces.removal(admin.id, 'w_ghost')).rejects.toMatchObject({ code: 'not_found' });
  });
});
