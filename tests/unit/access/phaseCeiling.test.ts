import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';
import {
  DOCUMENT_STATES,
  VISIBILITIES,
  type ConsultationTiming,
  type DocumentResource,
  type DocumentState,
} from '../../../lib/access/model';
import { phaseCeiling } from '../../../lib/access/phaseCeiling';

const documentIn = (state: DocumentState, overrides: Partial<DocumentResource> = {}): DocumentResource => ({
  kind: 'document',
  id: 'd1',
  workspaceId: null,
  visibility: 'private',
  state,
  grants: [],
  consultation: { ...DEFAULT_CONSULTATION, timing: 'open' },
  ...overrides,
});

const EXPECTED: Record<DocumentState, 'edit' | 'view'> = {
  draft: 'edit',
  in_review: 'edit',
  consultation: 'edit',
  final: 'view',
  archived: 'view',
};

describe('phaseCeiling: the most a token may have in a phase (what can() gives an owner)', () => {
  it('covers every state', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...DOCUMENT_STATES].sort());
  });

  it.each(DOCUMENT_STATES.flatMap((state) => VISIBILITIES.map((visibility) => [state, visibility] as const)))(
    '%s, %s',
    (state, visibility) => {
      expect(phaseCeiling(documentIn(state, { visibility }))).toBe(EXPECTED[state]);
    },
  );

  it.each(['before', 'open', 'after'] as ConsultationTiming[])('does not depend on the consultation dates (%s)', (timing) => {
    const consultation = { ...DEFAULT_CONSULTATION, timing };
    expect(phaseCeiling(documentIn('consultation', { consultation }))).toBe('edit');
    expect(phaseCeiling(documentIn('final', { consultation }))).toBe('view');
  });

  it('is not raised or lowered by the document’s own grants', () => {
    const grants = [{ subject: 'person', personId: 'p_karen', role: 'viewer' }] as const;
    expect(phaseCeiling(documentIn('draft', { grants }))).toBe('edit');
    expect(phaseCeiling(documentIn('archived', { grants: [{ subject: 'person', personId: 'p_karen', role: 'owner' }] }))).toBe('view');
  });
});
