import { roleAtLeast } from './effectiveDocumentRole';
import type { DocumentRole, Grant } from './model';

type Subject =
  { readonly subject: 'person'; readonly personId: string } | { readonly subject: 'organisation'; readonly organisationId: string };

const sameSubject = (grant: Grant, subject: Subject) =>
  grant.subject === 'person'
    ? subject.subject === 'person' && grant.personId === subject.personId
    : subject.subject === 'organisation' && grant.organisationId === subject.organisationId;

/**
 * The grants with `subject` holding at least `role`: a stronger grant they already hold is kept
 * (accepting an editor invite never demotes an owner). Returns the same array when nothing changes.
 */
export function withGrantAtLeast(grants: readonly Grant[], subject: Subject, role: DocumentRole): readonly Grant[] {
  const held = grants.find((grant) => sameSubject(grant, subject));
  if (held && roleAtLeast(held.role, role)) return grants;
  const others = grants.filter((grant) => !sameSubject(grant, subject));
  const grant: Grant =
    subject.subject === 'person'
      ? { subject: 'person', personId: subject.personId, role }
      : { subject: 'organisation', organisationId: subject.organisationId, role };
  return [...others, grant];
}

/** The grants with `subject`'s grant replaced by `role` (up or down), as the owner chose. */
export function withGrantReplaced(grants: readonly Grant[], subject: Subject, role: DocumentRole): readonly Grant[] {
  return withGrantAtLeast(
    grants.filter((grant) => !sameSubject(grant, subject)),
    subject,
    role,
  );
}

export function withoutGrant(grants: readonly Grant[], subject: Subject): readonly Grant[] {
  return grants.filter((grant) => !sameSubject(grant, subject));
}
