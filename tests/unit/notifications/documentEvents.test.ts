import { describe, expect, it } from 'vitest';
import type { Grant } from '../../../lib/access/model';
import { grantEvents, phaseEvent } from '../../../lib/notifications/documentEvents';
import { documentMeta, personActor } from './notificationFixture';

const owner = personActor('p_owner');
const person = (personId: string, role: Grant['role']): Grant => ({ subject: 'person', personId, role });

describe('phaseEvent', () => {
  it('tells a move, not a standstill; a move into final only when asked (it is told as its version otherwise)', () => {
    expect(phaseEvent(owner, 'draft', documentMeta('d', { state: 'in_review' }))).toMatchObject({
      kind: 'phase_changed',
      from: 'draft',
      to: 'in_review',
      actor: { personId: 'p_owner', name: '' },
    });
    expect(phaseEvent(owner, 'draft', documentMeta('d', { state: 'draft' }))).toBeNull();
    expect(phaseEvent(owner, 'consultation', documentMeta('d', { state: 'final' }))).toBeNull();
    expect(phaseEvent(owner, 'consultation', documentMeta('d', { state: 'final' }), true)).toMatchObject({
      from: 'consultation',
      to: 'final',
    });
  });
});

describe('grantEvents', () => {
  it('one event per role newly held or raised; lowering and removing tell nobody', () => {
    const before = [person('p_owner', 'owner'), person('p_a', 'viewer'), person('p_b', 'editor'), person('p_c', 'commenter')];
    const after = documentMeta('d', {
      grants: [
        person('p_owner', 'owner'),
        person('p_a', 'editor'),
        person('p_b', 'viewer'),
        person('p_new', 'editor'),
        { subject: 'organisation', organisationId: 'o_1', role: 'commenter' },
      ],
    });
    const events = grantEvents(owner, before, after, '2026-12-07T10:00:00.000Z');
    expect(events.map((event) => event.kind === 'access_granted' && [event.role, event.personIds, event.organisationIds])).toEqual([
      ['editor', ['p_a', 'p_new'], []],
      ['commenter', [], ['o_1']],
    ]);
    expect(new Set(events.map((event) => event.eventId)).size).toBe(2);
    expect(grantEvents(owner, after.grants, after, '2026-12-07T10:00:01.000Z')).toEqual([]);
  });
});
