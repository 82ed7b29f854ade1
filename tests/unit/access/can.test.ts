/** The reasons can() gives and the edges the matrix does not vary (see can.matrix.test.ts for the full grid). */
import { describe, expect, it } from 'vitest';
import { can, effectiveDocumentRole } from '../../../lib/access/can';
import { DEFAULT_CONSULTATION } from '../../../lib/access/consultation';
import { ALLOW_REASONS, DENY_REASONS } from '../../../lib/access/decision';
import {
  DOCUMENT_STATES,
  type Action,
  type Decision,
  type Actor,
  type DocumentResource,
  type PersonActor,
  type Resource,
} from '../../../lib/access/model';

const person = (extra: Partial<PersonActor> = {}): PersonActor => ({
  kind: 'person',
  id: 'p_jens',
  role: 'citizen',
  disabled: false,
  organisationIds: [],
  workspaceIds: [],
  ...extra,
});
const doc = (extra: Partial<DocumentResource> = {}): DocumentResource => ({
  kind: 'document',
  id: 'd_1',
  workspaceId: 'ws_1',
  visibility: 'private',
  state: 'draft',
  grants: [],
  consultation: { ...DEFAULT_CONSULTATION, timing: 'open' },
  ...extra,
});
const ownedBy = (personId: string) => [{ subject: 'person' as const, personId, role: 'owner' as const }];

describe('can: reasons', () => {
  it('gives every code once, in snake_case, and never the same code for allow and deny', () => {
    const all = [...ALLOW_REASONS, ...DENY_REASONS];
    expect(new Set(all).size).toBe(all.length);
    for (const reason of all) expect(reason).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('has a state_<state> refusal for every state', () => {
    for (const state of DOCUMENT_STATES) expect(DENY_REASONS).toContain(`state_${state}`);
  });

  it('refuses a disabled person with "disabled", before anything else', () => {
    const disabled = person({ role: 'admin', disabled: true });
    expect(can(disabled, 'view', doc({ visibility: 'public' }))).toEqual({ allowed: false, reason: 'disabled' });
    expect(can(disabled, 'view', { kind: 'platform' })).toEqual({ allowed: false, reason: 'disabled' });
    expect(can(disabled, 'edit', doc({ state: 'final' }))).toEqual({ allowed: false, reason: 'disabled' });
  });

  it('says why a document cannot be read', () => {
    expect(can({ kind: 'anonymous' }, 'view', doc())).toEqual({ allowed: false, reason: 'not_signed_in' });
    expect(can(person(), 'view', doc())).toEqual({ allowed: false, reason: 'visibility_private' });
    expect(can(person(), 'view', doc({ visibility: 'workspace' }))).toEqual({ allowed: false, reason: 'visibility_workspace' });
    expect(can(person({ role: 'moderator' }), 'view', doc())).toEqual({ allowed: false, reason: 'visibility_private' });
  });

  it('says how a document can be read', () => {
    expect(can({ kind: 'anonymous' }, 'view', doc({ visibility: 'public' }))).toEqual({ allowed: true, reason: 'visibility_public' });
    expect(can(person({ workspaceIds: ['ws_1'] }), 'view', doc({ visibility: 'workspace' }))).toEqual({
      allowed: true,
      reason: 'workspace_member',
    });
    expect(can(person(), 'view', doc({ grants: ownedBy('p_jens') }))).toEqual({ allowed: true, reason: 'owner' });
    expect(can(person({ role: 'admin' }), 'view', doc())).toEqual({ allowed: true, reason: 'admin' });
    expect(can(person({ role: 'moderator' }), 'view', doc({ visibility: 'workspace' }))).toEqual({ allowed: true, reason: 'moderator' });
  });

  it('names the missing grant before the state, and the state for those who hold the grant', () => {
    expect(can(person(), 'edit', doc({ visibility: 'public', state: 'final' }))).toEqual({ allowed: false, reason: 'no_grant' });
    expect(can(person(), 'edit', doc({ state: 'final', grants: ownedBy('p_jens') }))).toEqual({ allowed: false, reason: 'state_final' });
    expect(can(person(), 'edit', doc({ state: 'archived', grants: ownedBy('p_jens') }))).toEqual({
      allowed: false,
      reason: 'state_archived',
    });
    const viewer = doc({ grants: [{ subject: 'person', personId: 'p_jens', role: 'viewer' }] });
    expect(can(person(), 'edit', viewer)).toEqual({ allowed: false, reason: 'role_insufficient' });
    expect(can(person(), 'comment', viewer)).toEqual({ allowed: false, reason: 'role_insufficient' });
  });

  it('closes commenting on final and archived documents, naming the state, for everyone who can read them', () => {
    expect(can(person(), 'comment', doc({ visibility: 'public', state: 'final' }))).toEqual({ allowed: false, reason: 'state_final' });
    expect(can(person({ role: 'admin' }), 'comment', doc({ state: 'archived' }))).toEqual({ allowed: false, reason: 'state_archived' });
  });

  it('opens a consultation to signed-in readers with "consultation_open"', () => {
    expect(can(person(), 'comment', doc({ visibility: 'public', state: 'consultation' }))).toEqual({
      allowed: true,
      reason: 'consultation_open',
    });
  });

  it('gives no implicit edit to admins or moderators', () => {
    expect(can(person({ role: 'admin' }), 'edit', doc())).toEqual({ allowed: false, reason: 'no_grant' });
    expect(can(person({ role: 'moderator' }), 'edit', doc({ visibility: 'public' }))).toEqual({ allowed: false, reason: 'no_grant' });
  });

  it("lets a consultation's responsible staff (admins, staff of its workspace) answer and accept there without a grant", () => {
    const consultation = doc({
      state: 'consultation',
      visibility: 'workspace',
      consultation: { ...DEFAULT_CONSULTATION, timing: 'after' },
    });
    const staff = person({ role: 'staff', workspaceIds: ['ws_1'] });
    for (const actor of [person({ role: 'admin' }), staff]) {
      expect(can(actor, 'edit', consultation)).toEqual({ allowed: true, reason: 'responsible_staff' });
      // Replies too, after the dates and whoever the audience is.
      expect(can(actor, 'comment', consultation)).toEqual({ allowed: true, reason: 'responsible_staff' });
      // Not outside the consultation, and moderation is not theirs on that account.
      expect(can(actor, 'edit', { ...consultation, state: 'in_review' }).allowed).toBe(false);
      expect(can(actor, 'edit', { ...consultation, state: 'final' }).allowed).toBe(false);
    }
    expect(can(staff, 'moderate', consultation).allowed).toBe(false);
    // Staff of another workspace, a citizen of this one, or a private document they cannot read: no.
    expect(can(person({ role: 'staff', workspaceIds: ['ws_2'] }), 'edit', consultation).allowed).toBe(false);
    expect(can(person({ role: 'citizen', workspaceIds: ['ws_1'] }), 'edit', consultation).allowed).toBe(false);
    expect(can(staff, 'edit', { ...consultation, visibility: 'private' }).allowed).toBe(false);
    expect(can({ ...staff, disabled: true }, 'edit', consultation)).toEqual({ allowed: false, reason: 'disabled' });
  });

  it('lets a moderator or admin publish only what is under review, naming the state otherwise', () => {
    const moderator = person({ role: 'moderator' });
    expect(can(moderator, 'publish', doc({ visibility: 'public', state: 'draft' }))).toEqual({ allowed: false, reason: 'state_draft' });
    expect(can(moderator, 'publish', doc({ visibility: 'public', state: 'in_review' }))).toEqual({ allowed: true, reason: 'moderator' });
    expect(can(person({ role: 'admin' }), 'publish', doc({ state: 'final' }))).toEqual({ allowed: false, reason: 'state_final' });
    expect(can(person(), 'publish', doc({ state: 'in_review', grants: ownedBy('p_jens') }))).toEqual({
      allowed: false,
      reason: 'not_moderator',
    });
  });

  it('lets a moderator act on a private document only with a grant', () => {
    const moderator = person({ role: 'moderator' });
    const privateDoc = doc({ state: 'consultation' });
    for (const action of ['moderate', 'publish', 'change_phase'] as const) {
      expect(can(moderator, action, privateDoc)).toEqual({ allowed: false, reason: 'visibility_private' });
    }
    const granted = doc({ state: 'consultation', grants: [{ subject: 'person', personId: 'p_jens', role: 'viewer' }] });
    for (const action of ['moderate', 'publish', 'change_phase'] as const) {
      expect(can(moderator, action, granted)).toEqual({ allowed: true, reason: 'moderator' });
    }
  });

  it('counts an organisation that owns a document as making its members owners', () => {
    const member = person({ organisationIds: ['org_forening'] });
    const owned = doc({ state: 'final', grants: [{ subject: 'organisation', organisationId: 'org_forening', role: 'owner' }] });
    expect(can(member, 'manage_access', owned)).toEqual({ allowed: true, reason: 'owner' });
    expect(can(member, 'change_phase', owned)).toEqual({ allowed: true, reason: 'owner' });
  });

  it("lets staff change the phase with an organisation's editor grant, not with a commenter's", () => {
    const staff = person({ role: 'staff', organisationIds: ['org_centre'] });
    const grant = (role: 'editor' | 'commenter') => doc({ grants: [{ subject: 'organisation', organisationId: 'org_centre', role }] });
    expect(can(staff, 'change_phase', grant('editor'))).toEqual({ allowed: true, reason: 'staff_editor' });
    expect(can(staff, 'change_phase', grant('commenter'))).toEqual({ allowed: false, reason: 'role_insufficient' });
    expect(can(person({ role: 'org_rep', organisationIds: ['org_centre'] }), 'change_phase', grant('editor'))).toEqual({
      allowed: false,
      reason: 'role_insufficient',
    });
  });

  it('refuses manage_access to an editor and to a stranger, with different reasons', () => {
    const edited = doc({ grants: [{ subject: 'person', personId: 'p_jens', role: 'editor' }] });
    expect(can(person(), 'manage_access', edited)).toEqual({ allowed: false, reason: 'role_insufficient' });
    expect(can(person(), 'manage_access', doc())).toEqual({ allowed: false, reason: 'no_grant' });
    expect(can({ kind: 'anonymous' }, 'manage_access', doc({ visibility: 'public' }))).toEqual({ allowed: false, reason: 'not_signed_in' });
  });

  it('gives a document outside any workspace no workspace readers, only grants, moderators and admins', () => {
    const loose = doc({ visibility: 'workspace', workspaceId: null });
    expect(can(person({ workspaceIds: ['ws_1'] }), 'view', loose)).toEqual({ allowed: false, reason: 'visibility_workspace' });
    expect(can(person({ role: 'moderator' }), 'view', loose).allowed).toBe(true);
  });

  it("reads membership of a document's workspace from the actor, and of a workspace from the workspace", () => {
    const member = person({ workspaceIds: ['ws_1'] });
    expect(can(member, 'view', doc({ visibility: 'workspace', workspaceId: 'ws_2' })).allowed).toBe(false);
    expect(can(member, 'view', { kind: 'workspace', id: 'ws_1', memberIds: [] })).toEqual({
      allowed: false,
      reason: 'not_workspace_member',
    });
    expect(can(person(), 'view', { kind: 'workspace', id: 'ws_1', memberIds: ['p_jens'] })).toEqual({
      allowed: true,
      reason: 'workspace_member',
    });
  });

  it('refuses actions that do not apply to a resource with "not_applicable"', () => {
    const admin = person({ role: 'admin' });
    const workspace: Resource = { kind: 'workspace', id: 'ws_1', memberIds: ['p_jens'] };
    for (const action of ['comment', 'edit', 'change_phase', 'publish', 'moderate'] as const) {
      expect(can(admin, action, workspace)).toEqual({ allowed: false, reason: 'not_applicable' });
    }
    for (const action of ['comment', 'edit', 'manage_access', 'change_phase', 'publish'] as const) {
      expect(can(admin, action, { kind: 'platform' })).toEqual({ allowed: false, reason: 'not_applicable' });
    }
  });

  it('fails closed on an action or resource that is not in the model (from an untyped caller)', () => {
    const admin = person({ role: 'admin' });
    const bogusAction = 'delete' as unknown as Action;
    expect(can(admin, bogusAction, doc())).toEqual({ allowed: false, reason: 'not_applicable' });
    expect(can(admin, bogusAction, { kind: 'workspace', id: 'ws_1', memberIds: [] }).allowed).toBe(false);
    expect(can(admin, bogusAction, { kind: 'platform' }).allowed).toBe(false);
    expect(can(admin, 'view', { kind: 'folder' } as unknown as Resource)).toEqual({ allowed: false, reason: 'not_applicable' });
    expect(can(admin, 'edit', doc({ state: 'deleted' as unknown as DocumentResource['state'], grants: ownedBy('p_jens') })).allowed).toBe(
      false,
    );
    expect(
      can(admin, 'comment', doc({ state: 'deleted' as unknown as DocumentResource['state'], grants: ownedBy('p_jens') })).allowed,
    ).toBe(false);
  });

  it('treats an actor kind it does not know as someone without an account', () => {
    const stranger = { kind: 'robot' } as unknown as Actor;
    expect(can(stranger, 'view', doc({ visibility: 'public' })).allowed).toBe(true);
    expect(
      can(
        stranger,
        'comment',
        doc({
          visibility: 'public',
          state: 'consultation',
          consultation: { ...DEFAULT_CONSULTATION, guestsMayComment: true, timing: 'open' },
        }),
      ),
    ).toEqual({
      allowed: false,
      reason: 'not_signed_in',
    });
  });

  it("answers with the model's Decision type", () => {
    // A compile-time check as much as a run-time one: tsc fails here if can() stops returning a Decision.
    const decision: Decision = can(person(), 'view', doc({ visibility: 'public' }));
    expect(decision).toEqual({ allowed: true, reason: 'visibility_public' });
  });

  it('re-exports effectiveDocumentRole next to can', () => {
    expect(effectiveDocumentRole(person(), doc({ grants: ownedBy('p_jens') }))).toBe('owner');
  });
});

describe('can: renaming and removing organisations and workspaces (issue 13)', () => {
  // The services ask `administer` on the platform: belonging to the workspace or organisation is not enough.
  const PLATFORM = { kind: 'platform' } as const;
  const workspace = { kind: 'workspace', id: 'ws_1', memberIds: ['p_jens'] } as const;

  it('is for enabled admins only, whatever else the person manages or belongs to', () => {
    expect(can(person({ role: 'admin' }), 'administer', PLATFORM).allowed).toBe(true);
    expect(can(person({ role: 'admin', disabled: true }), 'administer', PLATFORM).allowed).toBe(false);
    for (const role of ['citizen', 'org_rep', 'staff', 'moderator'] as const) {
      const member = person({ role, organisationIds: ['o_1'], workspaceIds: ['ws_1'] });
      expect(can(member, 'administer', PLATFORM).allowed, role).toBe(false);
    }
    const member = person({ role: 'staff', workspaceIds: ['ws_1'] });
    expect(can(member, 'view', workspace).allowed).toBe(true);
    expect(can(member, 'administer', workspace).allowed).toBe(false);
    expect(can(member, 'administer', PLATFORM).allowed).toBe(false);
    expect(can({ kind: 'anonymous' }, 'administer', PLATFORM).allowed).toBe(false);
    expect(can({ kind: 'guest', id: 'g_1', displayName: 'Gæst' }, 'administer', PLATFORM).allowed).toBe(false);
  });
});
