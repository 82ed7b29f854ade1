/**
 * THE access matrix: every actor profile × every action × every visibility × every state (× whether the
 * consultation lets guests comment) for documents, plus the workspace and platform resources.
 *
 * The expectations are written by hand, per profile, from the product rules in issue 3 — a different
 * shape from can() (which is written per action), so that one cannot simply mirror the other. A
 * change to a rule must change this table too.
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
  type DocumentResource,
  type DocumentState,
  type PersonActor,
  type PlatformRole,
  type Visibility,
  type WorkspaceResource,
} from '../../../lib/access/model';

// The table below was written for exactly these; if the model grows, the table must grow with it.
const WRITTEN_FOR_ACTIONS: readonly Action[] = [
  'view',
  'comment',
  'edit',
  'manage_access',
  'change_phase',
  'publish',
  'moderate',
  'administer',
];
const WRITTEN_FOR_VISIBILITIES: readonly Visibility[] = ['private', 'workspace', 'public'];
const WRITTEN_FOR_STATES: readonly DocumentState[] = ['draft', 'in_review', 'consultation', 'final', 'archived'];
const GUEST_SETTINGS = [false, true] as const;

const WORKSPACE_ID = 'ws_faelles_skabet';
const ORGANISATION_WITH_EDITOR = 'org_groenne_hjerter';

type Cell = { readonly visibility: Visibility; readonly state: DocumentState; readonly guestsMayComment: boolean };
type Rule = (cell: Cell) => boolean;

const never: Rule = () => false;
const always: Rule = () => true;
/** True when every given dimension matches; a dimension left out matches anything. */
const when =
  (only: { visibility?: readonly Visibility[]; state?: readonly DocumentState[]; guestsMayComment?: boolean }): Rule =>
  (cell) =>
    (only.visibility === undefined || only.visibility.includes(cell.visibility)) &&
    (only.state === undefined || only.state.includes(cell.state)) &&
    (only.guestsMayComment === undefined || only.guestsMayComment === cell.guestsMayComment);

// Named sets, spelled out from the rules.
const NOT_FROZEN: readonly DocumentState[] = ['draft', 'in_review', 'consultation']; // neither final nor archived
const UNDER_REVIEW: readonly DocumentState[] = ['in_review', 'consultation']; // publishable
const READABLE_BY_MODERATORS: readonly Visibility[] = ['public', 'workspace'];

const person = (id: string, role: PlatformRole, extra: Partial<PersonActor> = {}): Actor => ({
  kind: 'person',
  id,
  role,
  disabled: false,
  organisationIds: [],
  workspaceIds: [],
  ...extra,
});

interface Profile {
  readonly name: string;
  readonly actor: Actor;
  readonly document: Readonly<Record<Action, Rule>>;
  readonly workspace: Readonly<Record<Action, boolean>>;
  readonly platform: Readonly<Record<Action, boolean>>;
}

const NOTHING: Readonly<Record<Action, boolean>> = {
  view: false,
  comment: false,
  edit: false,
  manage_access: false,
  change_phase: false,
  publish: false,
  moderate: false,
  administer: false,
};
const PLATFORM_VIEW_ONLY: Readonly<Record<Action, boolean>> = { ...NOTHING, view: true };

const PROFILES: readonly Profile[] = [
  {
    name: 'anonymous',
    actor: { kind: 'anonymous' },
    document: {
      view: when({ visibility: ['public'] }),
      comment: never,
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'guest',
    actor: { kind: 'guest', displayName: 'Gæst Hansen' },
    document: {
      view: when({ visibility: ['public'] }),
      comment: when({ visibility: ['public'], state: ['consultation'], guestsMayComment: true }),
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'citizen with no relation',
    actor: person('p_citizen', 'citizen'),
    document: {
      view: when({ visibility: ['public'] }),
      comment: when({ visibility: ['public'], state: ['consultation'] }),
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'citizen owner',
    actor: person('p_owner', 'citizen'),
    document: {
      view: always,
      comment: when({ state: NOT_FROZEN }),
      edit: when({ state: NOT_FROZEN }),
      manage_access: always,
      change_phase: always,
      publish: never,
      moderate: never,
      administer: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'citizen editor',
    actor: person('p_editor', 'citizen'),
    document: {
      view: always,
      comment: when({ state: NOT_FROZEN }),
      edit: when({ state: NOT_FROZEN }),
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'citizen commenter',
    actor: person('p_commenter', 'citizen'),
    document: {
      view: always,
      comment: when({ state: NOT_FROZEN }),
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'citizen viewer',
    actor: person('p_viewer', 'citizen'),
    document: {
      view: always,
      comment: when({ state: ['consultation'] }),
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'org_rep whose organisation holds editor',
    actor: person('p_org_rep', 'org_rep', { organisationIds: ['org_andet', ORGANISATION_WITH_EDITOR] }),
    document: {
      view: always,
      comment: when({ state: NOT_FROZEN }),
      edit: when({ state: NOT_FROZEN }),
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'workspace member without grant',
    actor: person('p_member', 'citizen', { workspaceIds: ['ws_andet', WORKSPACE_ID] }),
    document: {
      view: when({ visibility: ['public', 'workspace'] }),
      comment: when({ visibility: ['public', 'workspace'], state: ['consultation'] }),
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
    },
    workspace: { ...NOTHING, view: true },
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'staff editor',
    actor: person('p_staff_editor', 'staff'),
    document: {
      view: always,
      comment: when({ state: NOT_FROZEN }),
      edit: when({ state: NOT_FROZEN }),
      manage_access: never,
      change_phase: always,
      publish: never,
      moderate: never,
      administer: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'staff without grant',
    actor: person('p_staff', 'staff'),
    document: {
      view: when({ visibility: ['public'] }),
      comment: when({ visibility: ['public'], state: ['consultation'] }),
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'moderator',
    actor: person('p_moderator', 'moderator'),
    document: {
      view: when({ visibility: READABLE_BY_MODERATORS }),
      comment: when({ visibility: READABLE_BY_MODERATORS, state: ['consultation'] }),
      edit: never,
      manage_access: never,
      change_phase: when({ visibility: READABLE_BY_MODERATORS }),
      publish: when({ visibility: READABLE_BY_MODERATORS, state: UNDER_REVIEW }),
      moderate: when({ visibility: READABLE_BY_MODERATORS }),
      administer: never,
    },
    workspace: { ...NOTHING, view: true },
    platform: { ...NOTHING, view: true, moderate: true },
  },
  {
    name: 'admin',
    actor: person('p_admin', 'admin'),
    document: {
      view: always,
      comment: when({ state: ['consultation'] }),
      edit: never,
      manage_access: always,
      change_phase: always,
      publish: when({ state: UNDER_REVIEW }),
      moderate: always,
      administer: always,
    },
    workspace: { ...NOTHING, view: true, manage_access: true, administer: true },
    platform: { ...NOTHING, view: true, moderate: true, administer: true },
  },
  {
    name: 'disabled admin',
    // Also a member, an owner through a grant, and in the organisation: none of it may count.
    actor: person('p_admin_disabled', 'admin', {
      disabled: true,
      organisationIds: [ORGANISATION_WITH_EDITOR],
      workspaceIds: [WORKSPACE_ID],
    }),
    document: {
      view: never,
      comment: never,
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
    },
    workspace: NOTHING,
    platform: NOTHING,
  },
];

function documentFor(cell: Cell): DocumentResource {
  return {
    kind: 'document',
    id: `d_${cell.visibility}_${cell.state}`,
    workspaceId: WORKSPACE_ID,
    visibility: cell.visibility,
    state: cell.state,
    grants: [
      { subject: 'person', personId: 'p_owner', role: 'owner' },
      { subject: 'person', personId: 'p_editor', role: 'editor' },
      { subject: 'person', personId: 'p_commenter', role: 'commenter' },
      { subject: 'person', personId: 'p_viewer', role: 'viewer' },
      { subject: 'person', personId: 'p_staff_editor', role: 'editor' },
      { subject: 'person', personId: 'p_admin_disabled', role: 'owner' },
      { subject: 'organisation', organisationId: ORGANISATION_WITH_EDITOR, role: 'editor' },
      // Grants to others must not rub off on anyone in the matrix.
      { subject: 'person', personId: 'p_someone_else', role: 'owner' },
      { subject: 'organisation', organisationId: 'org_nobody_here', role: 'owner' },
    ],
    consultation: { guestsMayComment: cell.guestsMayComment },
  };
}

const WORKSPACE: WorkspaceResource = { kind: 'workspace', id: WORKSPACE_ID, memberIds: ['p_member', 'p_admin_disabled', 'p_other'] };

interface DocumentCell extends Cell {
  readonly profile: Profile;
  readonly action: Action;
  readonly expected: boolean;
}

const DOCUMENT_CELLS: readonly DocumentCell[] = PROFILES.flatMap((profile) =>
  WRITTEN_FOR_ACTIONS.flatMap((action) =>
    WRITTEN_FOR_VISIBILITIES.flatMap((visibility) =>
      WRITTEN_FOR_STATES.flatMap((state) =>
        GUEST_SETTINGS.map((guestsMayComment) => {
          const cell = { visibility, state, guestsMayComment };
          return { ...cell, profile, action, expected: profile.document[action](cell) };
        }),
      ),
    ),
  ),
);

const KNOWN_REASONS: readonly string[] = [...ALLOW_REASONS, ...DENY_REASONS];
const describeCell = (c: DocumentCell) => `${c.visibility}/${c.state}${c.guestsMayComment ? '/guests' : ''}`;

describe('access matrix: documents', () => {
  it('covers every profile, action, visibility, state and guest setting: no cell left out', () => {
    expect([...WRITTEN_FOR_ACTIONS].sort()).toEqual([...ACTIONS].sort());
    expect([...WRITTEN_FOR_VISIBILITIES].sort()).toEqual([...VISIBILITIES].sort());
    expect([...WRITTEN_FOR_STATES].sort()).toEqual([...DOCUMENT_STATES].sort());
    expect(PROFILES).toHaveLength(14);
    expect(new Set(PROFILES.map((p) => p.name)).size).toBe(14);
    // 14 profiles × 8 actions × 3 visibilities × 5 states × 2 guest settings.
    expect(DOCUMENT_CELLS).toHaveLength(3360);
    const keys = new Set(DOCUMENT_CELLS.map((c) => `${c.profile.name}|${c.action}|${describeCell(c)}|${c.guestsMayComment}`));
    expect(keys.size).toBe(3360);
  });

  // One test per profile × action; each checks its 30 cells and lists every cell that disagrees.
  const groups = PROFILES.flatMap((profile) => WRITTEN_FOR_ACTIONS.map((action) => ({ profile, action })));
  it('splits the cells into groups that together hold every cell once', () => {
    const sizes = groups.map((g) => DOCUMENT_CELLS.filter((c) => c.profile === g.profile && c.action === g.action).length);
    expect(sizes.every((n) => n === 30)).toBe(true);
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
    // 14 profiles × 8 actions × 2 resources.
    expect(cells).toHaveLength(224);
    expect(new Set(cells.map((c) => `${c.resource}|${c.profile.name}|${c.action}`)).size).toBe(224);
  });

  it.each(cells.map((c) => [c.resource, c.profile.name, c.action, c] as const))('%s, %s: %s', (_resource, _name, _action, cell) => {
    const decision = can(cell.profile.actor, cell.action, cell.resource === 'workspace' ? WORKSPACE : { kind: 'platform' });
    expect({ allowed: decision.allowed, known: KNOWN_REASONS.includes(decision.reason) }).toEqual({ allowed: cell.expected, known: true });
  });
});

describe('guests in a consultation', () => {
  const guest: Actor = { kind: 'guest', displayName: 'Gæst Hansen' };
  const cell = (visibility: Visibility, state: DocumentState, guestsMayComment: boolean) =>
    documentFor({ visibility, state, guestsMayComment });

  it('may comment on a public consultation when the moderator allows guests', () => {
    expect(can(guest, 'comment', cell('public', 'consultation', true))).toEqual({ allowed: true, reason: 'consultation_open' });
  });

  it('may not comment on a public consultation that does not allow guests', () => {
    expect(can(guest, 'comment', cell('public', 'consultation', false))).toEqual({ allowed: false, reason: 'guests_not_allowed' });
  });

  it('may not comment where they cannot read, even when guests are allowed', () => {
    expect(can(guest, 'comment', cell('workspace', 'consultation', true))).toEqual({ allowed: false, reason: 'not_signed_in' });
    expect(can(guest, 'comment', cell('private', 'consultation', true))).toEqual({ allowed: false, reason: 'not_signed_in' });
  });

  it('may not comment outside a consultation, even when guests are allowed', () => {
    for (const state of ['draft', 'in_review', 'final', 'archived'] as const) {
      expect(can(guest, 'comment', cell('public', state, true)).allowed).toBe(false);
    }
  });

  it('is not the same as anonymous: without a name nobody comments', () => {
    expect(can({ kind: 'anonymous' }, 'comment', cell('public', 'consultation', true))).toEqual({
      allowed: false,
      reason: 'not_signed_in',
    });
  });
});
