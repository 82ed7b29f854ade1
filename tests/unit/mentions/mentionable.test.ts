/** Who may be mentioned (createMentionService): the people around the document who can read it, names only. */
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../lib/storage/MetadataStore';
import { FixedWindowLimiter } from '../../../lib/apiKeys/FixedWindowLimiter';
import type { PersonActor } from '../../../lib/access/model';
import { createMentionService, type MentionPerson } from '../../../lib/mentions/createMentionService';
import { MENTIONABLE_LIMIT } from '../../../lib/mentions/model';
import { documentMeta, personActor } from '../notifications/notificationFixture';

/** peopleOf over maps of names and actors, recording each lookup. */
function peopleFrom(names: ReadonlyMap<string, string>, actors: ReadonlyMap<string, PersonActor>, lookups: (readonly string[])[] = []) {
  return async (ids: readonly string[]): Promise<ReadonlyMap<string, MentionPerson>> => {
    lookups.push([...ids]);
    const found = new Map<string, MentionPerson>();
    for (const id of ids) {
      const name = names.get(id);
      const actor = actors.get(id);
      if (name !== undefined && actor) found.set(id, { name, actor });
    }
    return found;
  };
}

function world(meta: DocumentMeta) {
  const names = new Map<string, string>([
    ['p_owner', 'Olga Ejer'],
    ['p_editor', 'Erik Redaktør'],
    ['p_member', 'Mette Medlem'],
    ['p_colleague', 'Kim Kollega'],
    ['p_commenter', 'Carl Kommentator'],
    ['p_former', 'Frida Forhenværende'],
    ['p_stranger', 'Sven Fremmed'],
    ['p_disabled', 'Dorte Deaktiveret'],
  ]);
  const actors = new Map([
    ['p_owner', personActor('p_owner')],
    ['p_editor', personActor('p_editor')],
    ['p_member', personActor('p_member', { organisationIds: ['o_forening'] })],
    ['p_colleague', personActor('p_colleague', { workspaceIds: ['w_plan'] })],
    ['p_commenter', personActor('p_commenter')],
    ['p_former', personActor('p_former')],
    ['p_stranger', personActor('p_stranger')],
    ['p_disabled', personActor('p_disabled', { disabled: true })],
  ]);
  const documents = new Map([[meta.id, meta]]);
  /** Each lookup of people: the ids asked for at once. */
  const lookups: (readonly string[])[] = [];
  const service = createMentionService({
    documents: { get: async (id) => documents.get(id) ?? null },
    peopleOf: peopleFrom(names, actors, lookups),
    membersOf: async (id) => (id === 'o_forening' ? ['p_member'] : []),
    workspaceMembersOf: async (id) => (id === 'w_plan' ? ['p_colleague', 'p_disabled'] : []),
    // p_former commented when they could read it; p_ghost is no person at all.
    participantsOf: async () => ['p_commenter', 'p_former', 'p_ghost'],
  });
  return { service, names, actors, lookups };
}

const privateDocument = documentMeta('d1', {
  visibility: 'workspace',
  workspaceId: 'w_plan',
  grants: [
    { subject: 'person', personId: 'p_owner', role: 'owner' },
    { subject: 'person', personId: 'p_editor', role: 'editor' },
    { subject: 'person', personId: 'p_commenter', role: 'commenter' },
    { subject: 'organisation', organisationId: 'o_forening', role: 'viewer' },
  ],
});

describe('mentionable', () => {
  it('answers the readers around the document, by name, without the asker, with ids and names only', async () => {
    const { service, actors } = world(privateDocument);
    const list = await service.mentionable(actors.get('p_editor')!, 'd1', '');
    expect(list.people).toEqual([
      { id: 'p_commenter', name: 'Carl Kommentator', canRead: true },
      { id: 'p_colleague', name: 'Kim Kollega', canRead: true },
      { id: 'p_member', name: 'Mette Medlem', canRead: true },
      { id: 'p_owner', name: 'Olga Ejer', canRead: true },
    ]);
    for (const person of list.people) expect(Object.keys(person).sort()).toEqual(['canRead', 'id', 'name']);
    // The former participant can no longer read it, the disabled colleague cannot either, the stranger is nobody's business.
    expect(list.canShare).toBe(false);
  });

  it('lists those around the document who cannot read it only to those who may share it, after the readers', async () => {
    const { service, actors } = world(privateDocument);
    const list = await service.mentionable(actors.get('p_owner')!, 'd1', '');
    expect(list.canShare).toBe(true);
    expect(list.people.map((p) => [p.id, p.canRead])).toEqual([
      ['p_commenter', true],
      ['p_editor', true],
      ['p_colleague', true],
      ['p_member', true],
      ['p_former', false],
    ]);
  });

  it('shares only with someone around the document who cannot read it, and only for those who may share', async () => {
    const { service, actors } = world(privateDocument);
    expect(await service.shareTarget(actors.get('p_owner')!, 'd1', 'p_former')).toMatchObject({ name: 'Frida Forhenværende' });
    for (const personId of ['p_member', 'p_stranger', 'p_ghost', 'p_disabled'])
      await expect(service.shareTarget(actors.get('p_owner')!, 'd1', personId)).rejects.toMatchObject({
        kind: 'not_found',
        code: 'mention_person_not_found',
      });
    await expect(service.shareTarget(actors.get('p_editor')!, 'd1', 'p_former')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(service.shareTarget(actors.get('p_stranger')!, 'd1', 'p_former')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('filters by the start of a name or of a word of it', async () => {
    const { service, actors } = world(privateDocument);
    expect((await service.mentionable(actors.get('p_owner')!, 'd1', 'k')).people.map((p) => p.id)).toEqual(['p_commenter', 'p_colleague']);
    expect((await service.mentionable(actors.get('p_owner')!, 'd1', 'MEDL')).people.map((p) => p.id)).toEqual(['p_member']);
    expect((await service.mentionable(actors.get('p_owner')!, 'd1', 'sven')).people).toEqual([]);
    expect((await service.mentionable(actors.get('p_owner')!, 'd1', '%')).people).toEqual([]);
  });

  it('is refused as not found to someone who cannot read the document', async () => {
    const { service, actors } = world(privateDocument);
    await expect(service.mentionable(actors.get('p_stranger')!, 'd1', '')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(service.mentionable(actors.get('p_owner')!, 'no-such', '')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it(`answers at most ${MENTIONABLE_LIMIT}`, async () => {
    const many = documentMeta('d2', {
      visibility: 'private',
      grants: Array.from({ length: 12 }, (_, i) => ({ subject: 'person' as const, personId: `p_${i}`, role: 'viewer' as const })),
    });
    const { service, names, actors } = world(many);
    for (let i = 0; i < 12; i++) {
      names.set(`p_${i}`, `Anna ${String(i).padStart(2, '0')}`);
      actors.set(`p_${i}`, { ...actors.get('p_stranger')!, id: `p_${i}` });
    }
    const list = await service.mentionable(actors.get('p_0')!, 'd2', 'anna');
    expect(list.people.map((p) => p.name)).toEqual([
      'Anna 01',
      'Anna 02',
      'Anna 03',
      'Anna 04',
      'Anna 05',
      'Anna 06',
      'Anna 07',
      'Anna 08',
    ]);
  });
});

describe('lookups', () => {
  it('reads everyone around the document in one lookup per request, and a comment’s mentions in one', async () => {
    const { service, actors, lookups } = world(privateDocument);
    await service.mentionable(actors.get('p_editor')!, 'd1', 'k');
    expect(lookups).toHaveLength(1);
    expect([...lookups[0]!].sort()).toEqual(
      ['p_owner', 'p_commenter', 'p_member', 'p_colleague', 'p_disabled', 'p_former', 'p_ghost'].sort(),
    );
    const judged = await service.judge(privateDocument, ['p_owner', 'p_stranger', 'p_ghost']);
    expect(judged).toEqual({ accepted: [{ id: 'p_owner', name: 'Olga Ejer' }], refused: ['p_stranger', 'p_ghost'] });
    expect(lookups).toHaveLength(2);
    await service.judge(privateDocument, []);
    expect(lookups).toHaveLength(2);
  });
});

describe('the limit', () => {
  it('refuses more suggestions than the limiter allows a person, saying when to try again', async () => {
    let now = 0;
    const meta = privateDocument;
    const { actors } = world(meta);
    const service = createMentionService({
      documents: { get: async () => meta },
      peopleOf: peopleFrom(new Map([...actors.keys()].map((id) => [id, 'Navn'])), actors),
      membersOf: async () => [],
      workspaceMembersOf: async () => [],
      participantsOf: async () => [],
      limiter: new FixedWindowLimiter(2, 60_000, () => now),
    });
    const owner = actors.get('p_owner')!;
    await service.mentionable(owner, 'd1', '');
    await service.mentionable(owner, 'd1', 'a');
    await expect(service.mentionable(owner, 'd1', 'ab')).rejects.toMatchObject({
      kind: 'rate_limited',
      code: 'rate_limited',
      retryAfterMs: 60_000,
    });
    // Another person has their own allowance; a minute later the owner has theirs again.
    await service.mentionable(actors.get('p_editor')!, 'd1', '');
    now = 60_000;
    await service.mentionable(owner, 'd1', '');
  });
});

describe('judge', () => {
  it('accepts who can read the document now, with their name, and refuses unknown, disabled and other people', async () => {
    const { service } = world(privateDocument);
    expect(await service.judge(privateDocument, ['p_member', 'p_stranger', 'p_ghost', 'p_disabled', 'p_colleague'])).toEqual({
      accepted: [
        { id: 'p_member', name: 'Mette Medlem' },
        { id: 'p_colleague', name: 'Kim Kollega' },
      ],
      refused: ['p_stranger', 'p_ghost', 'p_disabled'],
    });
  });
});
