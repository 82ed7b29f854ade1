/**
 * THE access matrix's actor profiles and their hand-written expectations, shared by the unit matrix
 * (can() itself, tests/unit/access/can.matrix.test.ts), the HTTP matrix (tests/e2e/accessMatrixHttp)
 * and the sync matrix (tests/integration/accessMatrixSync): one table, so the three cannot drift.
 *
 * The expectations are written by hand, per profile, from the product rules in issues 3 and 5 — a
 * different shape from can() (which is written per action), so that one cannot simply mirror the
 * other. A change to a rule must change this table too.
 *
 * Issue 13 makes admins and the staff of the document's workspace a consultation's responsible
 * staff: during a consultation they comment and edit (answer, resolve, accept) without a grant.
 *
 * Issue 12 adds `view_history` (who wrote what): the document's editors and owners in every phase,
 * and admins; nobody else.
 *
 * Issue 5 adds a consultation dimension to every document cell: who the consultation takes
 * comments from and whether its dates hold now (CONSULTATION_CASES). It matters only for `comment`
 * on documents in consultation, which is exactly where the rules below name it.
 */
import type {
  Action,
  Actor,
  ConsultationResource,
  DocumentResource,
  DocumentState,
  PersonActor,
  PlatformRole,
  Visibility,
  WorkspaceResource,
} from '../../lib/access/model';

// The table below was written for exactly these; if the model grows, the table must grow with it.
export const WRITTEN_FOR_ACTIONS: readonly Action[] = [
  'view',
  'comment',
  'edit',
  'manage_access',
  'change_phase',
  'publish',
  'moderate',
  'administer',
  'view_history',
];
export const WRITTEN_FOR_VISIBILITIES: readonly Visibility[] = ['private', 'workspace', 'public'];
export const WRITTEN_FOR_STATES: readonly DocumentState[] = ['draft', 'in_review', 'consultation', 'final', 'archived'];

/** The consultations the table is written for: its audience and where the clock stands against its dates. */
export const CONSULTATION_CASES = {
  /** A new document's settings (no dates): everyone signed in, no guests. */
  signed_in: {
    opensAt: null,
    closesAt: null,
    citizensMayComment: true,
    organisationsMayComment: true,
    guestsMayComment: false,
    timing: 'open',
  },
  /** Everyone, guests with a display name too, within its dates. */
  everyone: {
    opensAt: '2027-03-01T00:00:00.000Z',
    closesAt: '2027-03-15T00:00:00.000Z',
    citizensMayComment: true,
    organisationsMayComment: true,
    guestsMayComment: true,
    timing: 'open',
  },
  /** Only people who speak for an organisation (org_rep, or members of one). */
  organisations: {
    opensAt: null,
    closesAt: null,
    citizensMayComment: false,
    organisationsMayComment: true,
    guestsMayComment: false,
    timing: 'open',
  },
  /** Nobody from the public: only the document's commenters, as outside a consultation. */
  commenters_only: {
    opensAt: null,
    closesAt: null,
    citizensMayComment: false,
    organisationsMayComment: false,
    guestsMayComment: false,
    timing: 'open',
  },
  /** Everyone, guests too, but it opens later. */
  not_yet_open: {
    opensAt: '2027-03-01T00:00:00.000Z',
    closesAt: null,
    citizensMayComment: true,
    organisationsMayComment: true,
    guestsMayComment: true,
    timing: 'before',
  },
  /** Everyone, guests too, but it has closed. */
  closed: {
    opensAt: null,
    closesAt: '2027-03-15T00:00:00.000Z',
    citizensMayComment: true,
    organisationsMayComment: true,
    guestsMayComment: true,
    timing: 'after',
  },
} as const satisfies Record<string, ConsultationResource>;
export type ConsultationCase = keyof typeof CONSULTATION_CASES;
export const WRITTEN_FOR_CONSULTATIONS = Object.keys(CONSULTATION_CASES) as readonly ConsultationCase[];

export const WORKSPACE_ID = 'ws_faelles_skabet';
export const ORGANISATION_WITH_EDITOR = 'org_groenne_hjerter';

export type Cell = { readonly visibility: Visibility; readonly state: DocumentState; readonly consultation: ConsultationCase };
export type Rule = (cell: Cell) => boolean;

const never: Rule = () => false;
const always: Rule = () => true;
/** True when every given dimension matches; a dimension left out matches anything. */
const when =
  (only: { visibility?: readonly Visibility[]; state?: readonly DocumentState[]; consultation?: readonly ConsultationCase[] }): Rule =>
  (cell) =>
    (only.visibility === undefined || only.visibility.includes(cell.visibility)) &&
    (only.state === undefined || only.state.includes(cell.state)) &&
    (only.consultation === undefined || only.consultation.includes(cell.consultation));

// Named sets, spelled out from the rules.
const NOT_FROZEN: readonly DocumentState[] = ['draft', 'in_review', 'consultation']; // neither final nor archived
const UNDER_REVIEW: readonly DocumentState[] = ['in_review', 'consultation']; // publishable
const READABLE_BY_MODERATORS: readonly Visibility[] = ['public', 'workspace'];
// Consultations open now to every signed-in reader, to people of organisations, to guests.
const OPEN_TO_CITIZENS: readonly ConsultationCase[] = ['signed_in', 'everyone'];
const OPEN_TO_ORGANISATIONS: readonly ConsultationCase[] = ['signed_in', 'everyone', 'organisations'];
const OPEN_TO_GUESTS: readonly ConsultationCase[] = ['everyone'];

const person = (id: string, role: PlatformRole, extra: Partial<PersonActor> = {}): Actor => ({
  kind: 'person',
  id,
  role,
  disabled: false,
  organisationIds: [],
  workspaceIds: [],
  ...extra,
});

export interface Profile {
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
  view_history: false,
};
const PLATFORM_VIEW_ONLY: Readonly<Record<Action, boolean>> = { ...NOTHING, view: true };

export const PROFILES: readonly Profile[] = [
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
      view_history: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'guest',
    actor: { kind: 'guest', id: 'g_gaest', displayName: 'Gæst Hansen' },
    document: {
      view: when({ visibility: ['public'] }),
      comment: when({ visibility: ['public'], state: ['consultation'], consultation: OPEN_TO_GUESTS }),
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
      view_history: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'citizen with no relation',
    actor: person('p_citizen', 'citizen'),
    document: {
      view: when({ visibility: ['public'] }),
      comment: when({ visibility: ['public'], state: ['consultation'], consultation: OPEN_TO_CITIZENS }),
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
      view_history: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'organisation member without grant',
    // A citizen by platform role who belongs to an organisation that holds no grant here.
    actor: person('p_org_member', 'citizen', { organisationIds: ['org_andet'] }),
    document: {
      view: when({ visibility: ['public'] }),
      comment: when({ visibility: ['public'], state: ['consultation'], consultation: OPEN_TO_ORGANISATIONS }),
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
      view_history: never,
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
      view_history: always,
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
      view_history: always,
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
      view_history: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'citizen viewer',
    actor: person('p_viewer', 'citizen'),
    document: {
      view: always,
      comment: when({ state: ['consultation'], consultation: OPEN_TO_CITIZENS }),
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
      view_history: never,
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
      view_history: always,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'workspace member without grant',
    actor: person('p_member', 'citizen', { workspaceIds: ['ws_andet', WORKSPACE_ID] }),
    document: {
      view: when({ visibility: ['public', 'workspace'] }),
      comment: when({ visibility: ['public', 'workspace'], state: ['consultation'], consultation: OPEN_TO_CITIZENS }),
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
      view_history: never,
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
      view_history: always,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'staff without grant',
    actor: person('p_staff', 'staff'),
    document: {
      view: when({ visibility: ['public'] }),
      comment: when({ visibility: ['public'], state: ['consultation'], consultation: OPEN_TO_CITIZENS }),
      edit: never,
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
      view_history: never,
    },
    workspace: NOTHING,
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    // Municipal staff of the document's workspace: its consultation's responsible staff (issue 13).
    name: 'staff in the workspace without grant',
    actor: person('p_staff_member', 'staff', { workspaceIds: [WORKSPACE_ID] }),
    document: {
      view: when({ visibility: ['public', 'workspace'] }),
      comment: when({ visibility: ['public', 'workspace'], state: ['consultation'] }),
      edit: when({ visibility: ['public', 'workspace'], state: ['consultation'] }),
      manage_access: never,
      change_phase: never,
      publish: never,
      moderate: never,
      administer: never,
      view_history: never,
    },
    workspace: { ...NOTHING, view: true },
    platform: PLATFORM_VIEW_ONLY,
  },
  {
    name: 'moderator',
    actor: person('p_moderator', 'moderator'),
    document: {
      view: when({ visibility: READABLE_BY_MODERATORS }),
      comment: when({ visibility: READABLE_BY_MODERATORS, state: ['consultation'], consultation: OPEN_TO_CITIZENS }),
      edit: never,
      manage_access: never,
      change_phase: when({ visibility: READABLE_BY_MODERATORS }),
      publish: when({ visibility: READABLE_BY_MODERATORS, state: UNDER_REVIEW }),
      moderate: when({ visibility: READABLE_BY_MODERATORS }),
      administer: never,
      view_history: never,
    },
    workspace: { ...NOTHING, view: true },
    platform: { ...NOTHING, view: true, moderate: true },
  },
  {
    name: 'admin',
    actor: person('p_admin', 'admin'),
    document: {
      view: always,
      // A consultation's responsible staff (issue 13): comments, answers and accepts without a grant.
      comment: when({ state: ['consultation'] }),
      edit: when({ state: ['consultation'] }),
      manage_access: always,
      change_phase: always,
      publish: when({ state: UNDER_REVIEW }),
      moderate: always,
      administer: always,
      view_history: always,
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
      view_history: never,
    },
    workspace: NOTHING,
    platform: NOTHING,
  },
];

export function documentFor(cell: Cell): DocumentResource {
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
    consultation: CONSULTATION_CASES[cell.consultation],
  };
}

export const WORKSPACE: WorkspaceResource = {
  kind: 'workspace',
  id: WORKSPACE_ID,
  memberIds: ['p_member', 'p_staff_member', 'p_admin_disabled', 'p_other'],
};

/** The profile with this name (the other matrices name the profiles they build people for). */
export function profileNamed(name: string): Profile {
  const profile = PROFILES.find((p) => p.name === name);
  if (!profile) throw new Error(`no profile named ${name}`);
  return profile;
}

/** A document cell; by default with a new document's consultation settings, as the sync matrix creates them. */
export const cellFor = (visibility: Visibility, state: DocumentState, consultation: ConsultationCase = 'signed_in'): Cell => ({
  visibility,
  state,
  consultation,
});

/** Every visibility × state, in table order, with the given consultation. */
export const visibilityStateCells = (consultation: ConsultationCase = 'signed_in'): readonly Cell[] =>
  WRITTEN_FOR_VISIBILITIES.flatMap((visibility) => WRITTEN_FOR_STATES.map((state) => cellFor(visibility, state, consultation)));
export const VISIBILITY_STATE_CELLS: readonly Cell[] = visibilityStateCells();

export type SyncLevel = 'edit' | 'comment' | 'view';

/** The sync access the table gives the profile on the cell's document (edit ⊃ comment ⊃ view), or null for none. */
export function expectedSyncLevel(profile: Profile, cell: Cell): SyncLevel | null {
  if (profile.document.edit(cell)) return 'edit';
  if (profile.document.comment(cell)) return 'comment';
  if (profile.document.view(cell)) return 'view';
  return null;
}
