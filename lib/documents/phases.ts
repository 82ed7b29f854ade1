/**
 * A document's phases and the moves between them. Pure: the route asks `transitionBetween` which
 * action a move is (so can() decides it) and whether the move exists at all.
 *
 *   draft → in_review → consultation → final → archived, and back from in_review or consultation to draft.
 *   final → draft starts a new draft after publishing (issue 9): the published versions stay as they
 *   were (they are stored apart, lib/versions), the text becomes editable again for the next version.
 *
 * A move into final is a `publish`; every other move is a `change_phase`. A review may be published
 * without a consultation (in_review → final), as can() already allows publishing from both states.
 * Nothing leaves archived. Moving final → draft is a `change_phase` (can() allows it on final
 * documents to the same people as any other phase change).
 */
import type { Action, DocumentState } from '../access/model';

export type PhaseAction = Extract<Action, 'change_phase' | 'publish'>;

const NEXT: Readonly<Record<DocumentState, readonly DocumentState[]>> = {
  draft: ['in_review'],
  in_review: ['consultation', 'final', 'draft'],
  consultation: ['final', 'draft'],
  final: ['archived', 'draft'],
  archived: [],
};

/** The states a document in `from` may move to. */
export function nextStates(from: DocumentState): readonly DocumentState[] {
  return NEXT[from];
}

/** The action a move into `to` takes, whether or not the move exists (so refusals can be judged first). */
export function phaseActionFor(to: DocumentState): PhaseAction {
  return to === 'final' ? 'publish' : 'change_phase';
}

/** The move from `from` to `to`: its action, or null when there is no such move (staying put included). */
export function transitionBetween(from: DocumentState, to: DocumentState): { readonly action: PhaseAction } | null {
  return NEXT[from].includes(to) ? { action: phaseActionFor(to) } : null;
}
