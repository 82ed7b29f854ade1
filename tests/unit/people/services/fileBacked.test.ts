import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowAccountStore } from '../../../../server/people/LowAccountStore';
import { tempDirsRemovedAfterAll } from '../../storage/tempDirs';
import { peopleFixture } from './peopleFixture';

const tempDir = tempDirsRemovedAfterAll('people-services');

describe('the people services over people.json', () => {
  it('set up an admin, sign in, add an organisation, and keep it all across a restart', async () => {
    const file = join(await tempDir(), 'people.json');
    const first = peopleFixture(new LowAccountStore(file));
    const token = (await first.setup.ensureSetupToken()) ?? '';
    const admin = await first.setup.completeSetup(token, { email: 'admin@kommune.dk', password: 'en lang nok adgangskode', name: 'Admin' });
    const signIn = await first.accounts.signIn({ email: 'admin@kommune.dk', password: 'en lang nok adgangskode', ip: '192.0.2.1' });
    if (!signIn.ok) throw new Error(signIn.code);
    const klub = await first.organisations.create(admin.id, { name: 'Klub', kind: 'association' });
    await first.organisations.join(admin.id, admin.id, klub.id);
    await first.sessions.setActingFor(signIn.sessionId, klub.id);
    await first.store.close();

    const second = peopleFixture(new LowAccountStore(file));
    const resolved = await second.sessions.resolve(signIn.sessionId);
    expect(resolved?.actor).toMatchObject({ id: admin.id, role: 'admin', organisationIds: [klub.id] });
    expect(resolved?.session.actingForOrganisationId).toBe(klub.id);
    expect(await second.setup.ensureSetupToken()).toBeNull();
    await second.accounts.signOut(signIn.sessionId);
    expect(await second.sessions.resolve(signIn.sessionId)).toBeNull();
    await second.store.close();
  });
});
