import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { bodyExtensions } from '../../lib/editor/bodyExtensions';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { renderCaret } from './caretLabel';
import type { Translate } from '../../lib/i18n/t';
import { mentionSuggestion } from './mentionSuggestion';

export interface CaretUser {
  readonly name: string;
  /** #rrggbb (other forms render transparent). */
  readonly color: string;
}

/** The body schema plus collaboration: the Yjs binding and other people's carets; "@" suggests readers when `mentions` is given. */
export function collaborativeExtensions(
  doc: Y.Doc,
  provider: WebsocketProvider,
  user: CaretUser,
  mentions?: { readonly documentId: string; readonly t: Translate },
): AnyExtension[] {
  return [
    ...bodyExtensions(mentions ? { mentionSuggestion: mentionSuggestion(mentions.documentId, mentions.t) } : {}),
    Collaboration.configure({ document: doc, field: BODY_FRAGMENT }),
    CollaborationCaret.configure({ provider, user: { name: user.name, color: user.color }, render: renderCaret }),
  ];
}
