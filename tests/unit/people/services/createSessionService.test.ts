import { describe, expect, it, vi } from 'vitest';
import { hashSessionId, newSessionId } from '../../../../lib/auth/sessionId';
import { DAY, MINUTE, peopleFixture, signedIn, START } from './peopleFixture';

const iso = (ms: number) => new Date(ms).toISOString();

async function withSession() {
  const people = peopleFixture();
  const karen = await people.addPerson({ name: 'Karen' });
  const sessionId = await signedIn(people, karen);
  return { people, karen, sessionId };
}

describe('createSessionService.resolve', () => {
  it('gives the actor can() judges, the person without hash, and the session', async () => {
    const { people, karen, sessionId } = await withSession();
    await people.store.createOrganisation({ id: 'o1', name: 'Boldklubben', kind: 'association', createdAt: iso(START) });
    await people.store.addMembership({ personId: karen.id, organisationId: 'o1' });
    await people.store.createWorkspace({ id: 'w1', name: 'Fælles-skabet', createdAt: iso(START), memberIds: [karen.id] });
    const resolved = await people.sessions.resolve(sessionId);
    expect(resolved?.actor).toEqual({
      kind: 'person',
      id: karen.id,
      role: 'citizen',
      disabled: false,
      organisationIds: ['o1'],
      workspaceIds: ['w1'],
    });
    expect(resolved?.person).toMatchObject({ id: karen.id, name: 'Karen' });
    expect(resolved?.person).not.toHaveProperty('passwordHash');
    expect(resolved?.session).toMatchObject({ idHash: hashSessionId(sessionId), personId: karen.id });
  });

  it('refuses missing, malformed, forged and hostile ids without a lookup', async () => {
    const { people } = await withSession();
    const getSession = vi.spyOn(people.store, 'getSession');
    for (const id of [
      undefined,
      null,
      '',
      'short',
      'x'.repeat(1_000_000),
      '__proto__',
      'A'.repeat(42) + '\u0000',
      42 as unknown as string,
    ]) {
      expect(await people.sessions.resolve(id)).toBeNull();
    }
    expect(getSession).not.toHaveBeenCalled();
    // Well-formed but made up: looked up, not found.
    expect(await people.sessions.resolve(newSessionId())).toBeNull();
  });

  it('refuses the stored hash presented as an id: a leaked store is no key', async () => {
    const { people, sessionId } = await withSession();
    expect(await people.sessions.resolve(hashSessionId(sessionId))).toBeNull();
  });

  it('ends a session idle for seven days, and tells listeners', async () => {
    const { people, karen, sessionId } = await withSession();
    people.advance(7 * DAY - 1);
    expect(await people.sessions.resolve(sessionId)).not.toBeNull();
    people.advance(7 * DAY);
    expect(await people.sessions.resolve(sessionId)).toBeNull();
    expect(await people.store.getSession(hashSessionId(sessionId))).toBeNull();
    expect(people.revoked).toEqual([{ personId: karen.id, reason: 'session_expired', sessionIdHashes: [hashSessionId(sessionId)] }]);
  });

  it('slides the idle expiry with use, but never past thirty days after sign-in', async () => {
    const { people, sessionId } = await withSession();
    for (let day = 1; day <= 29; day++) {
      people.advance(DAY);
      expect(await people.sessions.resolve(sessionId)).not.toBeNull();
    }
    expect((await people.store.getSession(hashSessionId(sessionId)))?.expiresAt).toBe(iso(START + 30 * DAY));
    people.advance(DAY - 1);
    expect(await people.sessions.resolve(sessionId)).not.toBeNull();
    people.advance(1);
    expect(await people.sessions.resolve(sessionId)).toBeNull();
  });

  it('writes last use at most once a minute, and once for concurrent requests', async () => {
    const { people, sessionId } = await withSession();
    const updateSession = vi.spyOn(people.store, 'updateSession');
    people.advance(MINUTE - 1);
    await people.sessions.resolve(sessionId);
    expect(updateSession).not.toHaveBeenCalled();
    people.advance(1);
    await Promise.all(Array.from({ length: 5 }, () => people.sessions.resolve(sessionId)));
    expect(updateSession).toHaveBeenCalledTimes(1);
    expect(await people.store.getSession(hashSessionId(sessionId))).toMatchObject({
      lastSeenAt: iso(START + MINUTE),
      expiresAt: iso(START + MINUTE + 7 * DAY),
    });
    await people.sessions.resolve(sessionId);
    expect(updateSession).toHaveBeenCalledTimes(1);
  });

  it('ends the session of a person disabled behind the services’ back, or gone', async () => {
    const { people, karen, sessionId } = await withSession();
    await people.store.updatePerson(karen.id, { disabled: true });
    expect(await people.sessions.resolve(sessionId)).toBeNull();
    expect(await people.store.getSession(hashSessionId(sessionId))).toBeNull();
  });
});

describe('createSessionService.setActingFor', () => {
  async function withMembership() {
    const { people, karen, sessionId } = await withSession();
    const at = iso(START);
    await people.store.createOrganisation({ id: 'o1', name: 'Boldklubben', kind: 'association', createdAt: at });
    await people.store.createOrganisation({ id: 'o2', name: 'Andet', kind: 'association', createdAt: at });
    await people.store.addMembership({ personId: karen.id, organisationId: 'o1' });
    return { people, karen, sessionId };
  }

  it('acts for an organisation the person belongs to, and for themself again', async () => {
    const { people, sessionId } = await withMembership();
    expect((await people.sessions.setActingFor(sessionId, 'o1')).session.actingForOrganisationId).toBe('o1');
    expect((await people.sessions.resolve(sessionId))?.session.actingForOrganisationId).toBe('o1');
    expect((await people.sessions.setActingFor(sessionId, null)).session.actingForOrganisationId).toBeNull();
  });

  it('refuses organisations the person does not belong to, and unknown ones', async () => {
    const { people, sessionId } = await withMembership();
    for (const id of ['o2', 'ghost', '__proto__']) {
      await expect(people.sessions.setActingFor(sessionId, id)).rejects.toMatchObject({ code: 'not_member' });
    }
    expect((await people.sessions.resolve(sessionId))?.session.actingForOrganisationId).toBeNull();
  });

  it('refuses without a valid session', async () => {
    const { people } = await withMembership();
    await expect(people.sessions.setActingFor(newSessionId(), 'o1')).rejects.toMatchObject({ code: 'invalid_session' });
  });

  it('stops acting for an organisation the person has left', async () => {
    const { people, karen, sessionId } = await withMembership();
    await people.sessions.setActingFor(sessionId, 'o1');
    await people.store.removeMembership({ personId: karen.id, organisationId: 'o1' });
    expect((await people.sessions.resolve(sessionId))?.session.actingForOrganisationId).toBeNull();
    expect((await people.store.getSession(hashSessionId(sessionId)))?.actingForOrganisationId).toBeNull();
  });
});

describe('createSessionService.pruneExpired', () => {
  it('deletes expired sessions and keeps live ones', async () => {
    const people = peopleFixture();
    const karen = await people.addPerson();
    const old = await signedIn(people, karen);
    people.advance(3 * DAY);
    const recent = await signedIn(people, karen);
    people.advance(4 * DAY);
    expect(await people.sessions.pruneExpired()).toEqual({ sessions: 1, tokens: 0 });
    expect(await people.store.getSession(hashSessionId(old))).toBeNull();
    expect(await people.sessions.resolve(recent)).not.toBeNull();
  });
});
