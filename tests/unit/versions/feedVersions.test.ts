import { describe, expect, it } from 'vitest';
import type { Actor, DocumentResource, Visibility } from '../../../lib/access/model';
import { feedVersions } from '../../../lib/versions/feedVersions';
import type { VersionKind, VersionSummary } from '../../../lib/versions/model';

const resource = (id: string, visibility: Visibility, workspaceId: string | null = null): DocumentResource => ({
  kind: 'document',
  id,
  workspaceId,
  visibility,
  state: 'final',
  grants: [],
  consultation: {
    opensAt: null,
    closesAt: null,
    citizensMayComment: false,
    organisationsMayComment: false,
    guestsMayComment: false,
    timing: 'open',
  },
});

let clock = Date.parse('2026-12-01T12:00:00Z');
const version = (documentId: string, number: number, kind: VersionKind = 'published'): VersionSummary => {
  clock -= 60_000;
  return {
    documentId,
    number,
    kind,
    title: `Dokument ${documentId}`,
    summary: '',
    publishedAt: new Date(clock).toISOString(),
    publishedBy: { id: 'p_1', name: 'Sara' },
    closesPhase: 'consultation',
    hash: `sha256-${documentId}${number}`,
  };
};

const RESOURCES = new Map<string, DocumentResource>([
  ['pub', resource('pub', 'public')],
  ['priv', resource('priv', 'private')],
  ['ws', resource('ws', 'workspace', 'w_a')],
  ['wspub', resource('wspub', 'public', 'w_a')],
  ['other', resource('other', 'workspace', 'w_b')],
]);

const anonymous: Actor = { kind: 'anonymous' };
const member: Actor = { kind: 'person', id: 'p_2', role: 'citizen', disabled: false, organisationIds: [], workspaceIds: ['w_a'] };

describe('feedVersions', () => {
  const candidates = [
    version('pub', 3),
    version('priv', 2),
    version('ws', 1),
    version('pub', 2, 'consultation_draft'),
    version('gone', 1),
    version('wspub', 1),
    version('other', 4),
    version('pub', 1),
  ];
  const looked: string[] = [];
  const resourceOf = (id: string) => {
    looked.push(id);
    return Promise.resolve(RESOURCES.get(id) ?? null);
  };

  it('gives an anonymous reader only published versions of documents anyone may view, newest first', async () => {
    looked.length = 0;
    const chosen = await feedVersions({ candidates, reader: anonymous, resourceOf, limit: 10 });
    expect(chosen.map((v) => `${v.documentId}/${v.number}`)).toEqual(['pub/3', 'wspub/1', 'pub/1']);
    // Each document is judged once.
    expect(looked.filter((id) => id === 'pub')).toHaveLength(1);
  });

  it('gives a workspace member the workspace’s documents they may view, narrowed to that workspace', async () => {
    const chosen = await feedVersions({ candidates, reader: member, resourceOf, limit: 10, include: (r) => r.workspaceId === 'w_a' });
    expect(chosen.map((v) => `${v.documentId}/${v.number}`)).toEqual(['ws/1', 'wspub/1']);
  });

  it('stops at the limit', async () => {
    const chosen = await feedVersions({ candidates, reader: anonymous, resourceOf, limit: 2 });
    expect(chosen.map((v) => `${v.documentId}/${v.number}`)).toEqual(['pub/3', 'wspub/1']);
  });

  it('judges a disabled person as can() does: nothing', async () => {
    const disabled: Actor = { ...member, disabled: true } as Actor;
    expect(await feedVersions({ candidates, reader: disabled, resourceOf, limit: 10 })).toEqual([]);
  });
});
