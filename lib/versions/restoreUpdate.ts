/**
 * Restoring a version as new edits on top of the current body (history is never rewritten): the
 * Yjs update that, applied to the current state, makes the body equal the version's again.
 *
 * When the current state grew from the version's (the usual case), the Yjs undo technique: the
 * version's state in a fresh doc, everything since applied as one tracked transaction, undone. Undo
 * re-creates what was deleted since and deletes what was added since, and it keeps what it cannot
 * tell apart (text typed between restored words stays where it belongs). Otherwise (the history
 * was reset since, so the version's items are not in the current state), the body is rewritten
 * from the version's ProseMirror JSON with y-prosemirror's fragment update, which keeps the
 * paragraphs that are equal and edits the rest.
 *
 * Either way the edits carry a fresh client id (never one in either state), so they are new edits
 * by nobody else, and the update holds only them (encoded against the current state vector).
 */
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { bodyExtensions } from '../editor/bodyExtensions';
import { BODY_FRAGMENT } from '../protocol';
import type { DocumentVersion } from './model';

export type RestorePath = 'undo' | 'rewrite';

export interface RestoreUpdate {
  readonly update: Uint8Array;
  /** Which technique made it: `undo` (same history) or `rewrite` (after a history reset). */
  readonly path: RestorePath;
  /** The client id the edits carry. */
  readonly clientId: number;
}

let schema: Schema | undefined;
const bodySchema = (): Schema => (schema ??= getSchema(bodyExtensions()));

/** Marks the transaction that brings the edits made since the version (the one undone). */
const SINCE_VERSION = Symbol('since-version');

export function restoreUpdate(current: Uint8Array, version: Pick<DocumentVersion, 'content'>): RestoreUpdate {
  const versionState = version.content.yjsState;
  const clientId = freshClientId([current, versionState]);
  const currentVector = Y.encodeStateVectorFromUpdate(current);
  if (grewFrom(current, versionState)) {
    // No garbage collection: undo needs the content of what was deleted since.
    const doc = new Y.Doc({ gc: false });
    try {
      Y.applyUpdate(doc, versionState);
      const undo = new Y.UndoManager(doc.getXmlFragment(BODY_FRAGMENT), { trackedOrigins: new Set([SINCE_VERSION]) });
      Y.applyUpdate(doc, current, SINCE_VERSION);
      doc.clientID = clientId;
      undo.undo();
      undo.destroy();
      return { update: Y.encodeStateAsUpdate(doc, currentVector), path: 'undo', clientId };
    } finally {
      doc.destroy();
    }
  }
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, current);
    doc.clientID = clientId;
    const body = bodySchema().nodeFromJSON(version.content.body);
    updateYFragment(doc, doc.getXmlFragment(BODY_FRAGMENT), body, { mapping: new Map(), isOMark: new Map() });
    return { update: Y.encodeStateAsUpdate(doc, currentVector), path: 'rewrite', clientId };
  } finally {
    doc.destroy();
  }
}

/** Whether `current` holds everything `earlier` does (applying `earlier` to it would change nothing). */
function grewFrom(current: Uint8Array, earlier: Uint8Array): boolean {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, current);
    let changed = false;
    doc.on('update', () => (changed = true));
    Y.applyUpdate(doc, earlier);
    // A struct waiting for a missing dependency is not in `current` either.
    return !changed && doc.store.pendingStructs === null && doc.store.pendingDs === null;
  } finally {
    doc.destroy();
  }
}

/** A random 32-bit client id that none of these states has used. */
function freshClientId(states: readonly Uint8Array[]): number {
  const used = new Set<number>();
  for (const state of states) for (const client of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state)).keys()) used.add(client);
  const random = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(random);
    const id = random[0] as number;
    if (!used.has(id)) return id;
  }
}
