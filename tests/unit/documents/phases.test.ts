import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATES, type DocumentState } from '../../../lib/access/model';
import { nextStates, phaseActionFor, transitionBetween } from '../../../lib/documents/phases';

// Written by hand from the lifecycle, not derived from phases.ts.
const EXPECTED_MOVES: readonly (readonly [DocumentState, DocumentState, 'change_phase' | 'publish'])[] = [
  ['draft', 'in_review', 'change_phase'],
  ['in_review', 'consultation', 'change_phase'],
  ['in_review', 'final', 'publish'],
  ['in_review', 'draft', 'change_phase'],
  ['consultation', 'final', 'publish'],
  ['consultation', 'draft', 'change_phase'],
  ['final', 'archived', 'change_phase'],
  // A new draft after publishing (issue 9): the published versions are kept apart and never change.
  ['final', 'draft', 'change_phase'],
];

describe('document phases', () => {
  it('allows exactly the lifecycle moves, each with its action, and no other pair of states', () => {
    for (const from of DOCUMENT_STATES) {
      for (const to of DOCUMENT_STATES) {
        const expected = EXPECTED_MOVES.find(([f, t]) => f === from && t === to);
        expect(transitionBetween(from, to), `${from} → ${to}`).toEqual(expected ? { action: expected[2] } : null);
      }
    }
  });

  it('makes every move into final a publish and every other move a change of phase', () => {
    expect(phaseActionFor('final')).toBe('publish');
    for (const to of DOCUMENT_STATES.filter((s) => s !== 'final')) expect(phaseActionFor(to)).toBe('change_phase');
  });

  it('lets nothing leave archived and nothing stay where it is', () => {
    expect(nextStates('archived')).toEqual([]);
    for (const state of DOCUMENT_STATES) expect(transitionBetween(state, state)).toBeNull();
  });

  it('lets a published document be archived or start a new draft, and nothing else', () => {
    expect(nextStates('final')).toEqual(['archived', 'draft']);
  });
});
