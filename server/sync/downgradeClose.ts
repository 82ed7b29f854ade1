/**
 * Which close a live connection gets when a re-check finds its access changed: a connection that
 * lost edit (or comment) because the document is now final was not refused anything about who it
 * is; the document was published, and it may go on reading (Close.published). Every other change
 * (a grant lowered or raised, a visibility change) is Close.accessChanged, as before.
 */
import type { DocumentState } from '../../lib/access/model';
import type { Access } from '../../lib/auth/syncToken';
import { Close, type CloseReason } from '../../lib/protocol';

const RANK: Record<Access, number> = { view: 0, comment: 1, edit: 2 };

export function downgradeClose(before: Access, now: Access, state: DocumentState | null): CloseReason {
  return state === 'final' && RANK[now] < RANK[before] ? Close.published : Close.accessChanged;
}
