import { describe, expect, it } from 'vitest';
import type { Grant } from '../../../lib/access/model';
import { withGrantAtLeast, withGrantReplaced, withoutGrant } from '../../../lib/access/withGrant';

const owner: Grant = { subject: 'person', personId: 'p_anna', role: 'owner' };
const bent = { subject: 'person', personId: 'p_bent' } as const;
const club = { subject: 'organisation', organisationId: 'o_klub' } as const;

describe('withGrantAtLeast', () => {
  it('adds a grant for someone without one', () => {
    expect(withGrantAtLeast([owner], bent, 'editor')).toEqual([owner, { ...bent, role: 'editor' }]);
  });

  it('raises a weaker grant', () => {
    expect(withGrantAtLeast([owner, { ...bent, role: 'viewer' }], bent, 'editor')).toEqual([owner, { ...bent, role: 'editor' }]);
  });

  it('never lowers a stronger grant, and returns the same array then', () => {
    const grants = [owner];
    expect(withGrantAtLeast(grants, { subject: 'person', personId: 'p_anna' }, 'viewer')).toBe(grants);
  });

  it('keeps a person’s and an organisation’s grants apart even with the same id', () => {
    const grants: Grant[] = [{ subject: 'organisation', organisationId: 'p_bent', role: 'editor' }];
    expect(withGrantAtLeast(grants, bent, 'viewer')).toHaveLength(2);
  });
});

describe('withGrantReplaced and withoutGrant', () => {
  it('replaces an organisation’s role, also downwards, and removes it', () => {
    const grants = withGrantReplaced([owner, { ...club, role: 'editor' }], club, 'viewer');
    expect(grants).toEqual([owner, { ...club, role: 'viewer' }]);
    expect(withoutGrant(grants, club)).toEqual([owner]);
  });
});
