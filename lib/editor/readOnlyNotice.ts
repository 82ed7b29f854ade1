/**
 * What a read-only editor tells the person they can do, in one message key: by their access now
 * (the sync token's, else the page's) and the document's phase. "Kun læseadgang" is true only for
 * readers; someone who may comment is told so, and a published or archived document says why no
 * one edits it. Pure.
 */
import type { DocumentState } from '../access/model';
import type { Access } from '../auth/syncToken';
import type { PlainMessageKey } from '../i18n/t';

export interface ReadOnlyFacts {
  /** The access the person's connection has (null: unknown). */
  readonly access: Access | null;
  /** The document's phase (null: unknown). */
  readonly state: DocumentState | null;
  /** The comments panel found that this person may comment (the finer rule: dates, who may). */
  readonly mayComment: boolean;
}

export function readOnlyNotice({ access, state, mayComment }: ReadOnlyFacts): PlainMessageKey {
  if (state === 'final') return 'editor.readOnly.final';
  if (state === 'archived') return 'editor.readOnly.archived';
  if (mayComment || access === 'comment') return 'editor.readOnly.comment';
  // An editor whose session is read-only all the same (an older editor version): no promise either way.
  if (access === 'edit') return 'editor.readOnly';
  return 'editor.readOnly.view';
}
