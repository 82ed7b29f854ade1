import { describe, expect, it } from 'vitest';
import { effectiveDocumentRole, roleAtLeast } from '../../../lib/access/effectiveDocumentRole';
import { type Actor, type Grant, type PersonActor } from '../../../lib/access/model';

const karen: PersonActor = {
  kind: 'person',
  id: 'p_karen',
  role: 'citizen',
  disabled: false,
  organisationIds: ['org_a', 'org_b'],
  workspaceIds: [],
};
const withGrants = (...grants: Grant[]) => ({ grants });
const toPerson = (personId: string, role: Grant['role']): Grant => ({ subject: 'person', personId, role });
const toOrganisation = (organisationId: string, role: Grant['role']): Grant => ({ subject: 'organisation', organisationId, role });

describe('effectiveDocumentRole', () => {
  it('is null without any grant', () => {
    expect(effectiveDocumentRole(karen, withGrants())).toBeNull();
  });

  it("is the person's own grant", () => {
    expect(effectiveDocumentRole(karen, withGrants(toPerson('p_karen', 'commenter')))).toBe('commenter');
  });

  it("is an organisation's grant for its members", () => {
    expect(effectiveDocumentRole(karen, withGrants(toOrganisation('org_b', 'editor')))).toBe('editor');
  });

  it('takes the strongest of own and organisation grants, whichever is listed first', () => {
    expect(effectiveDocumentRole(karen, withGrants(toPerson('p_karen', 'viewer'), toOrganisation('org_a', 'editor')))).toBe('editor');
    expect(effectiveDocumentRole(karen, withGrants(toOrganisation('org_a', 'commenter'), toPerson('p_karen', 'owner')))).toBe('owner');
    expect(effectiveDocumentRole(karen, withGrants(toOrganisation('org_a', 'viewer'), toOrganisation('org_b', 'commenter')))).toBe(
      'commenter',
    );
    expect(effectiveDocumentRole(karen, withGrants(toPerson('p_karen', 'editor'), toPerson('p_karen', 'viewer')))).toBe('editor');
  });

  it('ignores grants to other people and to organisations the person is not in', () => {
    expect(effectiveDocumentRole(karen, withGrants(toPerson('p_other', 'owner'), toOrganisation('org_c', 'owner')))).toBeNull();
  });

  it('does not confuse a person id with an organisation id', () => {
    expect(effectiveDocumentRole(karen, withGrants(toOrganisation('p_karen', 'owner'), toPerson('org_a', 'owner')))).toBeNull();
  });

  it.each<Actor>([{ kind: 'anonymous' }, { kind: 'guest', id: 'g_1', displayName: 'p_karen' }])(
    'is null for someone without an account (%o)',
    (actor) => {
      expect(effectiveDocumentRole(actor, withGrants(toPerson('p_karen', 'owner')))).toBeNull();
    },
  );
});

describe('roleAtLeast', () => {
  it('orders owner > editor > commenter > viewer', () => {
    expect(roleAtLeast('owner', 'editor')).toBe(true);
    expect(roleAtLeast('editor', 'editor')).toBe(true);
    expect(roleAtLeast('commenter', 'editor')).toBe(false);
    expect(roleAtLeast('viewer', 'commenter')).toBe(false);
    expect(roleAtLeast('viewer', 'viewer')).toBe(true);
  });

  it('is false for no role at all', () => {
    expect(roleAtLeast(null, 'viewer')).toBe(false);
  });
});
