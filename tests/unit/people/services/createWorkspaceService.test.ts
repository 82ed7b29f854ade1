import { describe, expect, it } from 'vitest';
import { can } from '../../../../lib/access/can';
import { peopleFixture, signedIn } from './peopleFixture';

async function withAdmin() {
  const people = peopleFixture();
  const admin = await people.addAdmin();
  return { people, admin };
}

describe('createWorkspaceService', () => {
  it('creates a workspace with a description and members, and lists workspaces by name', async () => {
    const { people, admin } = await withAdmin();
    const karen = await people.addPerson();
    const forum = await people.workspaces.create(admin.id, { name: ' Fælles-skabet ', description: 'Vidensforum', memberIds: [karen.id] });
    expect(forum).toEqual({
      id: expect.stringMatching(/^w_/),
      name: 'Fælles-skabet',
      description: 'Vidensforum',
      createdAt: '2026-11-26T10:00:00.000Z',
      memberIds: [karen.id],
    });
    const plain = await people.workspaces.create(admin.id, { name: 'Affaldsplan 2027', description: '' });
    expect(plain).not.toHaveProperty('description');
    expect((await people.workspaces.list()).map((w) => w.name)).toEqual(['Affaldsplan 2027', 'Fælles-skabet']);
    expect(await people.workspaces.get(forum.id)).toEqual(forum);
  });

  it('creates a knowledge forum when asked (issue 14); a team’s workspace stores no kind, and an unknown kind is refused', async () => {
    const { people, admin } = await withAdmin();
    const forum = await people.workspaces.create(admin.id, { name: 'Fælles-skabet', kind: 'forum' });
    expect(forum).toMatchObject({ name: 'Fælles-skabet', kind: 'forum' });
    expect(await people.workspaces.get(forum.id)).toEqual(forum);
    expect(await people.workspaces.create(admin.id, { name: 'Projektgruppe', kind: 'team' })).not.toHaveProperty('kind');
    expect(await people.workspaces.create(admin.id, { name: 'Andet' })).not.toHaveProperty('kind');
    await expect(people.workspaces.create(admin.id, { name: 'Rum', kind: 'blog' } as never)).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'kind', code: 'workspace_kind_invalid' }],
    });
    // Renaming keeps the kind.
    expect(await people.workspaces.update(admin.id, forum.id, { name: 'Fælles-skabet 2' })).toMatchObject({ kind: 'forum' });
  });

  it('refuses hostile input, unknown members, and non-admins', async () => {
    const { people, admin } = await withAdmin();
    const staff = await people.addPerson({ role: 'staff' });
    for (const input of [
      { name: '' },
      { name: 'x'.repeat(121) },
      { name: 'Rum\u0007' },
      { name: 'Rum', description: 'x'.repeat(501) },
      { name: 'Rum', description: 'linje\nlinje' },
      { name: 'Rum', memberIds: 'all' },
    ]) {
      await expect(people.workspaces.create(admin.id, input as never)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(people.workspaces.create(admin.id, { name: 'Rum', memberIds: ['ghost'] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(people.workspaces.create(staff.id, { name: 'Rum' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await people.workspaces.list()).toEqual([]);
  });

  it('adds and removes members as can() allows, and announces a removal', async () => {
    const { people, admin } = await withAdmin();
    const karen = await people.addPerson();
    const member = await people.addPerson();
    const forum = await people.workspaces.create(admin.id, { name: 'Forum', memberIds: [member.id] });
    const workspace = { kind: 'workspace', id: forum.id, memberIds: forum.memberIds } as const;
    // The service asks can() exactly what a route would: a member may not change the list.
    expect(
      can(
        { kind: 'person', id: member.id, role: 'citizen', disabled: false, organisationIds: [], workspaceIds: [forum.id] },
        'manage_access',
        workspace,
      ).allowed,
    ).toBe(false);
    await expect(people.workspaces.addMember(member.id, forum.id, karen.id)).rejects.toMatchObject({ code: 'forbidden' });

    expect((await people.workspaces.addMember(admin.id, forum.id, karen.id)).memberIds).toEqual([member.id, karen.id]);
    expect((await people.workspaces.workspacesOf(karen.id)).map((w) => w.id)).toEqual([forum.id]);
    const session = await signedIn(people, karen);
    expect((await people.sessions.resolve(session))?.actor.workspaceIds).toEqual([forum.id]);

    expect((await people.workspaces.removeMember(admin.id, forum.id, karen.id)).memberIds).toEqual([member.id]);
    expect(people.revoked).toEqual([{ personId: karen.id, reason: 'left_workspace' }]);
    await people.workspaces.removeMember(admin.id, forum.id, karen.id);
    expect(people.revoked).toHaveLength(1);
    expect(await people.workspaces.workspacesOf(karen.id)).toEqual([]);
  });

  it('goes through the access gate: a workspace one may not even view is not found; an unknown actor is refused', async () => {
    const { people, admin } = await withAdmin();
    const outsider = await people.addPerson();
    const member = await people.addPerson();
    const forum = await people.workspaces.create(admin.id, { name: 'Forum', memberIds: [member.id] });
    // A non-member learns nothing of the workspace: the same answer as for one that does not exist.
    await expect(people.workspaces.addMember(outsider.id, forum.id, outsider.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(people.workspaces.addMember(outsider.id, 'ghost', outsider.id)).rejects.toMatchObject({ code: 'not_found' });
    // A member sees it but may not manage it.
    await expect(people.workspaces.addMember(member.id, forum.id, outsider.id)).rejects.toMatchObject({ code: 'forbidden' });
    // The acting person is loaded, not taken from the caller: an id nobody has is refused.
    await expect(people.workspaces.addMember('p_nobody', forum.id, outsider.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(people.workspaces.create('p_nobody', { name: 'Rum' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await people.workspaces.workspacesOf(outsider.id)).map((w) => w.id)).toEqual([]);
  });

  it('refuses unknown workspaces and people', async () => {
    const { people, admin } = await withAdmin();
    const forum = await people.workspaces.create(admin.id, { name: 'Forum' });
    await expect(people.workspaces.addMember(admin.id, 'ghost', admin.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(people.workspaces.addMember(admin.id, '__proto__', admin.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(people.workspaces.addMember(admin.id, forum.id, 'ghost')).rejects.toMatchObject({ code: 'not_found' });
    await expect(people.workspaces.removeMember(admin.id, 'ghost', admin.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await people.workspaces.get('ghost')).toBeNull();
  });
});
