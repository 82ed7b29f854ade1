/**
 * The account self-service on the embedded stores' real files (records/, comments/, docs/,
 * versions/ under a data dir): the export holds everything a person wrote and nothing of anyone
 * else's, and deleting an account anonymises comments, the høringsnotat, notifications, documents'
 * creators, version records and the moderation log; the last admin stays; sessions end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMER_PARTICIPANT_NAME } from '../../lib/account/formerParticipant';
import { accountScenarios } from '../unit/account/accountScenarios';
import { PASSWORD, accountWorld } from '../unit/account/accountWorld';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'samskriv-account-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

accountScenarios('embedded files', async () => accountWorld({ dir: await freshDir() }));

describe('a deleted account after a restart (embedded files)', () => {
  it('stays deleted and anonymised when the stores are opened again from the files', async () => {
    const dir = await freshDir();
    const first = await accountWorld({ dir });
    const karen = await first.person('p_karen', 'Karen Borger');
    await first.person('p_ada', 'Ada Admin', 'admin');
    const plan = await first.document('p_ada', 'Ada Admin', 'Lokalplan', ['Der skal bygges en bro.']);
    await first.comments.create(karen.participant, plan, { kind: 'comment', anchor: await first.anchor(plan, 'bro'), text: 'Karens ord.' });
    await first.selfService.deleteAccount({ actorId: 'p_karen', personId: 'p_karen', password: PASSWORD, documents: {} });
    await first.close();

    const again = await accountWorld({ dir });
    expect(await again.stores.accounts.getPerson('p_karen')).toBeNull();
    const stored = await again.stores.comments.read(plan);
    expect(stored.comments.map((comment) => [comment.text, comment.author.name])).toEqual([['Karens ord.', FORMER_PARTICIPANT_NAME]]);
    await again.close();
  });
});
