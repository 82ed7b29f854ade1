/**
 * THE access matrix: every actor profile × every action × every visibility × every state × every
 * consultation case (its audience and dates) for documents, plus the workspace and platform resources.
 *
 * The profiles and their hand-written expectations live in tests/helpers/accessMatrix.ts, shared
 * with the HTTP and sync matrices.
 */
import { describe, expect, it } from 'vitest';
import { can } from '../../../lib/access/can';
import { ALLOW_REASONS, DENY_REASONS } from '../../../lib/access/decision';
import {
  ACTIONS,
  DOCUMENT_STATES,
  VISIBILITIES,
  type Action,
  type Actor,
  type DocumentState,
  type Visibility,
} from '../../../lib/access/model';
import {
  CONSULTATION_CASES,
  PROFILES,
  WORKSPACE,
  WRITTEN_FOR_ACTIONS,
  WRITTEN_FOR_CONSULTATIONS,
  WRITTEN_FOR_STATES,
  WRITTEN_FOR_VISIBILITIES,
  cellFor,
  documentFor,
  profileNamed,
  type Cell,
  type ConsultationCase,
  type Profile,
} from '../../helpers/accessMatrix';

interface DocumentCell extends Cell {
  readonly profile: Profile;
  readonly action: Action;
  readonly expected: boolean;
}

const DOCUMENT_CELLS: readonly DocumentCell[] = PROFILES.flatMap((profile) =>
  WRITTEN_FOR_ACTIONS.flatMap((action) =>
    WRITTEN_FOR_VISIBILITIES.flatMap((visibility) =>
      WRITTEN_FOR_STATES.flatMap((state) =>
        WRITTEN_FOR_CONSULTATIONS.map((consultation) => {
          const cell = { visibility, state, consultation };
          return { ...cell, profile, action, expected: profile.document[action](cell) };
        }),
      ),
    ),
  ),
);

const KNOWN_REASONS: readonly string[] = [...ALLOW_REASONS, ...DENY_REASONS];
const describeCell = (c: DocumentCell) => `${c.visibility}/${c.state}/${c.consultation}`;

describe('access matrix: documents', () => {
  it('covers every profile, action, visibility, state and consultation case: no cell left out', () => {
    expect([...WRITTEN_FOR_ACTIONS].sort()).toEqual([...ACTIONS].sort());
    expect([...WRITTEN_FOR_VISIBILITIES].sort()).toEqual([...VISIBILITIES].sort());
    expect([...WRITTEN_FOR_STATES].sort()).toEqual([...DOCUMENT_STATES].sort());
    // Every audience flag on and off somewhere, and every timing.
    const cases = Object.values(CONSULTATION_CASES);
    for (const flag of ['citizensMayComment', 'organisationsMayComment', 'guestsMayComment'] as const)
      expect(new Set(cases.map((c) => c[flag]))).toEqual(new Set([true, false]));
    expect(new Set(cases.map((c) => c.timing))).toEqual(new Set(['before', 'open', 'after']));
    expect(PROFILES).toHaveLength(16);
    expect(new Set(PROFILES.map((p) => p.name)).size).toBe(16);
    // 16 profiles × 9 actions × 3 visibilities × 5 states × 6 consultation cases.
    expect(DOCUMENT_CELLS).toHaveLength(12960);
    const keys = new Set(DOCUMENT_CELLS.map((c) => `${c.profile.name}|${c.action}|${describeCell(c)}`));
    expect(keys.size).toBe(12960);
  });

  // One test per profile × action; each checks its 90 cells and lists every cell that disagrees.
  const groups = PROFILES.flatMap((profile) => WRITTEN_FOR_ACTIONS.map((action) => ({ profile, action })));
  it('splits the cells into groups that together hold every cell once', () => {
    const sizes = groups.map((g) => DOCUMENT_CELLS.filter((c) => c.profile === g.profile && c.action === g.action).length);
    expect(sizes.every((n) => n === 90)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(DOCUMENT_CELLS.length);
  });

  it.each(groups.map((g) => [g.profile.name, g.action, g] as const))('%s: %s', (_name, _action, group) => {
    const wrong: string[] = [];
    for (const cell of DOCUMENT_CELLS.filter((c) => c.profile === group.profile && c.action === group.action)) {
      const decision = can(cell.profile.actor, cell.action, documentFor(cell));
      if (decision.allowed !== cell.expected) wrong.push(`${describeCell(cell)}: expected ${cell.expected}, got ${decision.reason}`);
      if (!KNOWN_REASONS.includes(decision.reason)) wrong.push(`${describeCell(cell)}: unknown reason ${decision.reason}`);
      if (cell.profile.name === 'disabled admin' && decision.reason !== 'disabled') wrong.push(`${describeCell(cell)}: ${decision.reason}`);
    }
    expect(wrong).toEqual([]);
  });

  it('allows and refuses in the expected proportion (a sanity check on the table itself)', () => {
    const allowed = DOCUMENT_CELLS.filter((c) => c.expected).length;
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThan(DOCUMENT_CELLS.length);
  });
});

describe('access matrix: workspace and platform', () => {
  const cells = PROFILES.flatMap((profile) =>
    WRITTEN_FOR_ACTIONS.flatMap((action) => [
      { resource: 'workspace' as const, profile, action, expected: profile.workspace[action] },
      { resource: 'platform' as const, profile, action, expected: profile.platform[action] },
    ]),
  );

  it('covers every profile and action for both: no cell left out', () => {
    // 16 profiles × 9 actions × 2 resources.
    expect(cells).toHaveLength(288);
    expect(new Set(cells.map((c) => `${c.resource}|${c.profile.name}|${c.action}`)).size).toBe(288);
  });

  it.each(cells.map((c) => [c.resource, c.profile.name, c.action, c] as const))('%s, %s: %s', (_resource, _name, _action, cell) => {
    const decision = can(cell.profile.actor, cell.action, cell.resource === 'workspace' ? WORKSPACE : { kind: 'platform' });
    expect({ allowed: decision.allowed, known: KNOWN_REASONS.includes(decision.reason) }).toEqual({ allowed: cell.expected, known: true });
  });
});

describe('guests in a consultation', () => {
  const guest: Actor = { kind: 'guest', id: 'g_gaest', displayName: 'Gæst Hansen' };
  const cell = (visibility: Visibility, state: DocumentState, consultation: ConsultationCase) =>
    documentFor({ visibility, state, consultation });

  it('may comment on a public consultation when the moderator allows guests', () => {
    expect(can(guest, 'comment', cell('public', 'consultation', 'everyone'))).toEqual({ allowed: true, reason: 'consultation_open' });
  });

  it('may not comment on a public consultation that does not allow guests', () => {
    expect(can(guest, 'comment', cell('public', 'consultation', 'signed_in'))).toEqual({ allowed: false, reason: 'guests_not_allowed' });
  });

  it('may not comment where they cannot read, even when guests are allowed', () => {
    expect(can(guest, 'comment', cell('workspace', 'consultation', 'everyone'))).toEqual({ allowed: false, reason: 'not_signed_in' });
    expect(can(guest, 'comment', cell('private', 'consultation', 'everyone'))).toEqual({ allowed: false, reason: 'not_signed_in' });
  });

  it('may not comment outside a consultation, even when guests are allowed', () => {
    for (const state of ['draft', 'in_review', 'final', 'archived'] as const) {
      expect(can(guest, 'comment', cell('public', state, 'everyone')).allowed).toBe(false);
    }
  });

  it('may not comment before the consultation opens or once it has closed, with reasons saying which', () => {
    expect(can(guest, 'comment', cell('public', 'consultation', 'not_yet_open'))).toEqual({
      allowed: false,
      reason: 'consultation_not_open',
    });
    expect(can(guest, 'comment', cell('public', 'consultation', 'closed'))).toEqual({ allowed: false, reason: 'consultation_closed' });
  });

  it('is not the same as anonymous: without a name nobody comments', () => {
    expect(can({ kind: 'anonymous' }, 'comment', cell('public', 'consultation', 'everyone'))).toEqual({
      allowed: false,
      reason: 'not_signed_in',
    });
  });
});

describe('the audience and dates of a consultation', () => {
  const citizen = profileNamed('citizen with no relation').actor;
  const member = profileNamed('organisation member without grant').actor;
  const commenter = profileNamed('citizen commenter').actor;
  const orgRep: Actor = { kind: 'person', id: 'p_rep', role: 'org_rep', disabled: false, organisationIds: [], workspaceIds: [] };
  const consultation = (c: ConsultationCase) => documentFor({ visibility: 'public', state: 'consultation', consultation: c });

  it('takes organisations only: members of one and org_reps may comment, other citizens are told why not', () => {
    expect(can(member, 'comment', consultation('organisations'))).toEqual({ allowed: true, reason: 'consultation_open' });
    expect(can(orgRep, 'comment', consultation('organisations'))).toEqual({ allowed: true, reason: 'consultation_open' });
    expect(can(citizen, 'comment', consultation('organisations'))).toEqual({ allowed: false, reason: 'organisations_only' });
  });

  it('says "citizens_not_allowed" when neither citizens nor organisations may comment', () => {
    expect(can(citizen, 'comment', consultation('commenters_only'))).toEqual({ allowed: false, reason: 'citizens_not_allowed' });
    expect(can(member, 'comment', consultation('commenters_only'))).toEqual({ allowed: false, reason: 'citizens_not_allowed' });
    expect(can(orgRep, 'comment', consultation('commenters_only'))).toEqual({ allowed: false, reason: 'citizens_not_allowed' });
  });

  it("lets the document's commenters comment before, during and after the dates, with their role as the reason", () => {
    for (const c of WRITTEN_FOR_CONSULTATIONS)
      expect(can(commenter, 'comment', consultation(c))).toEqual({ allowed: true, reason: 'commenter' });
  });

  it('refuses everyone else before the opening and after the closing, whatever the audience', () => {
    expect(can(citizen, 'comment', consultation('not_yet_open'))).toEqual({ allowed: false, reason: 'consultation_not_open' });
    expect(can(member, 'comment', consultation('closed'))).toEqual({ allowed: false, reason: 'consultation_closed' });
  });
});

/**
 * The knowledge forum (issue 14): a post (a document with `forumPost`) differs from any other
 * document in two rules only. Visible to its workspace, every signed-in person reads it
 * (`forum_reader`), and in draft and review every signed-in reader replies and supports (`comment`).
 * Every other cell is the document's own, so the expectations are the table's above with those two
 * rules added; a forum workspace takes posts (`comment`) from every signed-in person.
 */
describe('access matrix: forum posts and forum workspaces', () => {
  const isPerson = (profile: Profile) => profile.actor.kind === 'person' && !profile.actor.disabled;
  const forumExpected = (profile: Profile, action: Action, cell: Cell): boolean => {
    const own = profile.document[action](cell);
    if (!isPerson(profile) || cell.visibility !== 'workspace') {
      if (action === 'comment' && isPerson(profile) && (cell.state === 'draft' || cell.state === 'in_review'))
        return own || profile.document.view(cell);
      return own;
    }
    // Visible to the workspace: read as if public, for signed-in people.
    if (action === 'view') return true;
    if (action === 'comment') {
      if (cell.state === 'draft' || cell.state === 'in_review') return true;
      return profile.document.comment({ ...cell, visibility: 'public' });
    }
    return own;
  };
  const cells = PROFILES.flatMap((profile) =>
    WRITTEN_FOR_ACTIONS.flatMap((action) =>
      WRITTEN_FOR_VISIBILITIES.flatMap((visibility) =>
        WRITTEN_FOR_STATES.flatMap((state) =>
          (['signed_in', 'everyone'] as const)
            .filter((consultation) => (WRITTEN_FOR_CONSULTATIONS as readonly string[]).includes(consultation))
            .map((consultation) => {
              const cell = { visibility, state, consultation };
              return { ...cell, profile, action, expected: forumExpected(profile, action, cell) };
            }),
        ),
      ),
    ),
  );

  it.each(PROFILES.map((profile) => [profile.name, profile] as const))('%s: every action on a forum post', (_name, profile) => {
    const wrong: string[] = [];
    for (const cell of cells.filter((c) => c.profile === profile)) {
      const decision = can(profile.actor, cell.action, { ...documentFor(cell), forumPost: true });
      if (decision.allowed !== cell.expected) wrong.push(`${cell.action} ${describeCell(cell)}: ${decision.reason}`);
      if (!KNOWN_REASONS.includes(decision.reason)) wrong.push(`${cell.action} ${describeCell(cell)}: unknown reason ${decision.reason}`);
    }
    expect(wrong).toEqual([]);
  });

  it('says why: forum_reader for a signed-in reader without any relation, not_signed_in for guests', () => {
    const citizen = profileNamed('citizen with no relation').actor;
    const post = { ...documentFor(cellFor('workspace', 'draft')), forumPost: true };
    expect(can(citizen, 'view', post)).toEqual({ allowed: true, reason: 'forum_reader' });
    expect(can(citizen, 'comment', post)).toEqual({ allowed: true, reason: 'forum_reader' });
    expect(can(citizen, 'edit', post)).toEqual({ allowed: false, reason: 'no_grant' });
    expect(can({ kind: 'guest', id: 'g', displayName: 'G' }, 'view', post)).toEqual({ allowed: false, reason: 'not_signed_in' });
    // A published post takes no more replies, from anyone.
    expect(can(citizen, 'comment', { ...post, state: 'final' })).toEqual({ allowed: false, reason: 'state_final' });
  });

  it.each(PROFILES.map((profile) => [profile.name, profile] as const))(
    '%s: posting in a forum, never in a team workspace',
    (_name, profile) => {
      const forum = can(profile.actor, 'comment', { ...WORKSPACE, forum: true });
      expect(forum.allowed).toBe(isPerson(profile));
      expect(can(profile.actor, 'comment', WORKSPACE).allowed).toBe(false);
      // The forum changes nothing else about the workspace.
      for (const action of WRITTEN_FOR_ACTIONS.filter((a) => a !== 'comment'))
        expect(can(profile.actor, action, { ...WORKSPACE, forum: true }).allowed).toBe(profile.workspace[action]);
    },
  );
});
