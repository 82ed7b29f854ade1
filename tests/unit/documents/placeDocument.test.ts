import { describe, expect, it } from 'vitest';
import type { PersonActor } from '../../../lib/access/model';
import { inWorkspace } from '../../../lib/documents/inWorkspace';
import { placeDocument } from '../../../lib/documents/placeDocument';

const member: PersonActor = { kind: 'person', id: 'p_1', role: 'citizen', disabled: false, organisationIds: [], workspaceIds: ['w_1'] };

describe('placeDocument', () => {
  it('keeps a document outside any workspace private', () => {
    expect(placeDocument(member, null)).toEqual({ workspaceId: null, visibility: 'private' });
    expect(placeDocument(member, undefined)).toEqual({ workspaceId: null, visibility: 'private' });
    expect(placeDocument(member, '')).toEqual({ workspaceId: null, visibility: 'private' });
  });

  it('makes a document in one of the person’s workspaces visible to that workspace', () => {
    expect(placeDocument(member, 'w_1')).toEqual({ workspaceId: 'w_1', visibility: 'workspace' });
  });

  it('refuses a workspace the person is not a member of, even for an admin', () => {
    expect(placeDocument(member, 'w_2')).toBeNull();
    expect(placeDocument({ ...member, role: 'admin', workspaceIds: [] }, 'w_1')).toBeNull();
  });

  it('refuses a disabled person', () => {
    expect(placeDocument({ ...member, disabled: true }, 'w_1')).toBeNull();
  });
});

describe('inWorkspace', () => {
  const documents = [
    { id: 'a', workspaceId: 'w_1' },
    { id: 'b', workspaceId: null },
    { id: 'c', workspaceId: 'w_2' },
    { id: 'd', workspaceId: 'w_1' },
  ];

  it('keeps every document, in order, when no workspace is chosen', () => {
    expect(inWorkspace(documents, null).map((document) => document.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps only the chosen workspace’s documents, in order', () => {
    expect(inWorkspace(documents, 'w_1').map((document) => document.id)).toEqual(['a', 'd']);
  });
});
