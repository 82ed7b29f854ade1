/**
 * The sync socket's "comments changed" message (MessageType.commentsChanged = 101: varuint type,
 * varuint revision), sent by the server to every connection that opted in with `?ack=1` after
 * any comment change on the document. y-websocket hands unknown types to
 * `provider.messageHandlers[type]`; without a handler it logs an error, so editors without a
 * comments panel (embeds) install one that ignores the message. Either way the notice is announced
 * on the page by the provider's room (the document id: commentChangeSignal.ts).
 */
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../lib/protocol';
import { announceCommentChange } from './commentChangeSignal';

const COMMENTS_CHANGED = MessageType.commentsChanged;

export function listenForCommentChanges(
  provider: Pick<WebsocketProvider, 'messageHandlers'> & Partial<Pick<WebsocketProvider, 'roomname'>>,
  onChanged: (revision: number) => void,
): () => void {
  const handlers = provider.messageHandlers;
  const previous = handlers[COMMENTS_CHANGED];
  const handler: (typeof handlers)[number] = (_encoder, decoder) => {
    const revision = decoding.readVarUint(decoder);
    onChanged(revision);
    if (provider.roomname !== undefined) announceCommentChange(provider.roomname, revision);
  };
  handlers[COMMENTS_CHANGED] = handler;
  return () => {
    if (handlers[COMMENTS_CHANGED] !== handler) return;
    if (previous) handlers[COMMENTS_CHANGED] = previous;
    else delete handlers[COMMENTS_CHANGED];
  };
}
