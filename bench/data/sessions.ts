/**
 * Session check (what every request does: the session by its id, then the principal) and sign-in
 * without the password hash (the person by e-mail, a new session written), one at a time, on the
 * account store of a seeded target, through the services startServer builds; timed by
 * bench/accountStore.ts's `timed`.
 */
import type { AccountStore } from '../../lib/people/AccountStore';
import { createPrincipalResolver, createSessionService } from '../../server/people';
import { startSession } from '../../server/people/startSession';
import { timed } from '../accountStore';

export async function sessionRuns(store: AccountStore, options: { count: number }) {
  const emails = (await store.listPeople({ offset: 0, limit: Math.min(options.count, 1000) })).items
    .filter((person) => !person.disabled)
    .map((person) => person.email);
  const sessionIds: string[] = [];
  const signIn = await timed(options.count, async (n) => {
    const person = await store.getPersonByEmail(emails[n % emails.length]!);
    const { sessionId } = await startSession(store, person!.id, Date.now());
    sessionIds.push(sessionId);
  });
  const sessions = createSessionService({ store });
  const resolvePrincipal = createPrincipalResolver(sessions, store);
  const check = await timed(options.count, async (n) => {
    if (!(await resolvePrincipal(sessionIds[n % sessionIds.length]))) throw new Error('a session just made did not resolve');
  });
  return { signIn, check };
}
