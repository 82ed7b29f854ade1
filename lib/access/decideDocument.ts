/**
 * can()'s rules for one document. The actor is known not to be disabled here. Every rule lists the
 * states it allows, so a state added to the model is refused until a rule names it.
 */
import { allow, deny, type AccessDecision } from './decision';
import { effectiveDocumentRole, roleAtLeast } from './effectiveDocumentRole';
import { type Action, type Actor, type DocumentResource, type DocumentRole, type DocumentState, type PersonActor } from './model';

// Published versions are immutable: nothing changes the body once a document is final or archived.
const WRITABLE_STATES: readonly DocumentState[] = ['draft', 'in_review', 'consultation'];
const PUBLISHABLE_STATES: readonly DocumentState[] = ['in_review', 'consultation'];

const refuseState = (state: DocumentState): AccessDecision => deny(`state_${state}`);

export function decideDocument(actor: Actor, action: Action, document: DocumentResource): AccessDecision {
  switch (action) {
    case 'view':
      return view(actor, document);
    case 'comment':
      return comment(actor, document);
    case 'edit':
      return edit(actor, document);
    case 'manage_access':
      return manageAccess(actor, document);
    case 'change_phase':
      return changePhase(actor, document);
    case 'publish':
      return publish(actor, document);
    case 'moderate':
      return moderate(actor, document);
    case 'administer':
      if (actor.kind !== 'person') return deny('not_signed_in');
      return actor.role === 'admin' ? allow('admin') : deny('not_admin');
    case 'view_history':
      return viewHistory(actor, document);
    default:
      // Unreachable for typed callers; an action string from outside (a token, a request) fails closed.
      return deny('not_applicable');
  }
}

function view(actor: Actor, document: DocumentResource): AccessDecision {
  if (document.visibility === 'public') return allow('visibility_public');
  if (actor.kind !== 'person') return deny('not_signed_in');
  const role = effectiveDocumentRole(actor, document);
  if (role !== null) return allow(role);
  if (actor.role === 'admin') return allow('admin');
  if (document.visibility === 'workspace') {
    if (document.workspaceId !== null && actor.workspaceIds.includes(document.workspaceId)) return allow('workspace_member');
    // The knowledge forum is open to everyone signed in: staff, associations, citizens, businesses.
    if (document.forumPost === true) return allow('forum_reader');
    if (actor.role === 'moderator') return allow('moderator');
    return deny('visibility_workspace');
  }
  return deny('visibility_private');
}

/** Allowed with the actor's role when it is `minimum` or stronger. */
function byRole(actor: Actor, document: DocumentResource, minimum: DocumentRole): AccessDecision {
  if (actor.kind !== 'person') return deny('not_signed_in');
  const role = effectiveDocumentRole(actor, document);
  if (role === null) return deny('no_grant');
  return roleAtLeast(role, minimum) ? allow(role) : deny('role_insufficient');
}

function comment(actor: Actor, document: DocumentResource): AccessDecision {
  const canView = view(actor, document);
  if (!canView.allowed) return canView;
  switch (document.state) {
    case 'consultation': {
      // The document's own commenters comment throughout; the public only within the dates.
      const granted = byRole(actor, document, 'commenter');
      if (granted.allowed) return granted;
      // The consultation's responsible staff reply where they answer, whatever the dates and audience.
      return responsibleStaff(actor, document) ? allow('responsible_staff') : consultationAudience(actor, document);
    }
    case 'draft':
    case 'in_review': {
      const granted = byRole(actor, document, 'commenter');
      // A forum post takes replies and supports from every signed-in person who may read it.
      if (!granted.allowed && document.forumPost === true && actor.kind === 'person') return allow('forum_reader');
      return granted;
    }
    default:
      return refuseState(document.state);
  }
}

/** Who an open consultation takes comments from (lib/access/model.ts, ConsultationSettings). */
function consultationAudience(actor: Actor, document: DocumentResource): AccessDecision {
  const consultation = document.consultation;
  if (consultation.timing === 'before') return deny('consultation_not_open');
  if (consultation.timing !== 'open') return deny('consultation_closed');
  switch (actor.kind) {
    case 'person':
      if (consultation.citizensMayComment) return allow('consultation_open');
      if (consultation.organisationsMayComment && speaksForOrganisation(actor)) return allow('consultation_open');
      return deny(consultation.organisationsMayComment ? 'organisations_only' : 'citizens_not_allowed');
    case 'guest':
      return consultation.guestsMayComment ? allow('consultation_open') : deny('guests_not_allowed');
    default:
      return deny('not_signed_in');
  }
}

/**
 * The consultation's responsible staff, who answer comments and accept or decline suggestions
 * without granting themselves an editor's role first (issue 13): platform admins, and municipal
 * staff (platform role `staff`) who belong to the document's workspace and may read the document.
 * During a consultation they have `edit` and `comment` (answering, resolving and deciding are
 * `edit` acts in the comment service; accepting a suggestion edits the body). Moderation is not
 * theirs on that account: it stays with moderators and admins, apart from who wrote the proposal.
 */
function responsibleStaff(actor: Actor, document: DocumentResource): boolean {
  if (actor.kind !== 'person') return false;
  if (actor.role === 'admin') return true;
  return (
    actor.role === 'staff' &&
    document.workspaceId !== null &&
    actor.workspaceIds.includes(document.workspaceId) &&
    view(actor, document).allowed
  );
}

/** An organisation representative by role, or a member of any organisation. */
function speaksForOrganisation(actor: PersonActor): boolean {
  return actor.role === 'org_rep' || actor.organisationIds.length > 0;
}

function edit(actor: Actor, document: DocumentResource): AccessDecision {
  // No implicit edit for admins or moderators: changing the text takes an editor's grant, except
  // during a consultation for its responsible staff (who answer, resolve and accept suggestions).
  const decision = byRole(actor, document, 'editor');
  if (!decision.allowed) {
    if (document.state === 'consultation' && responsibleStaff(actor, document)) return allow('responsible_staff');
    return decision;
  }
  return WRITABLE_STATES.includes(document.state) ? decision : refuseState(document.state);
}

/**
 * Who wrote what: the document's editors and owners in every phase (a published document's
 * history stays theirs to read), and admins. Commenters, readers and moderators do not see it.
 */
function viewHistory(actor: Actor, document: DocumentResource): AccessDecision {
  if (actor.kind !== 'person') return deny('not_signed_in');
  const role = effectiveDocumentRole(actor, document);
  if (roleAtLeast(role, 'editor')) return allow(role ?? 'editor');
  if (actor.role === 'admin') return allow('admin');
  return deny(role === null ? 'no_grant' : 'role_insufficient');
}

function manageAccess(actor: Actor, document: DocumentResource): AccessDecision {
  if (actor.kind !== 'person') return deny('not_signed_in');
  const role = effectiveDocumentRole(actor, document);
  if (role === 'owner') return allow('owner');
  if (actor.role === 'admin') return allow('admin');
  return deny(role === null ? 'no_grant' : 'role_insufficient');
}

function changePhase(actor: Actor, document: DocumentResource): AccessDecision {
  if (actor.kind !== 'person') return deny('not_signed_in');
  const role = effectiveDocumentRole(actor, document);
  if (role === 'owner') return allow('owner');
  if (actor.role === 'staff' && roleAtLeast(role, 'editor')) return allow('staff_editor');
  if (actor.role === 'admin') return allow('admin');
  if (actor.role === 'moderator') return moderatorWhoCanView(actor, document);
  return deny(role === null ? 'no_grant' : 'role_insufficient');
}

function publish(actor: Actor, document: DocumentResource): AccessDecision {
  if (actor.kind !== 'person') return deny('not_signed_in');
  let decision: AccessDecision;
  if (actor.role === 'admin') decision = allow('admin');
  // A moderator publishes only what they can read (as for moderate and change_phase).
  else if (actor.role === 'moderator') decision = moderatorWhoCanView(actor, document);
  else return deny('not_moderator');
  if (!decision.allowed) return decision;
  return PUBLISHABLE_STATES.includes(document.state) ? decision : refuseState(document.state);
}

function moderate(actor: Actor, document: DocumentResource): AccessDecision {
  if (actor.kind !== 'person') return deny('not_signed_in');
  if (actor.role === 'admin') return allow('admin');
  if (actor.role === 'moderator') return moderatorWhoCanView(actor, document);
  return deny('not_moderator');
}

/** A moderator acts on documents they can view; the reason they cannot view is the refusal. */
function moderatorWhoCanView(actor: Actor, document: DocumentResource): AccessDecision {
  const canView = view(actor, document);
  return canView.allowed ? allow('moderator') : canView;
}
