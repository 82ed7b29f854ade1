'use client';
import { createContext, useContext } from 'react';
import type { ViewerCapabilities } from './commentViews';
import type { CommentWriter } from './useCommentWriter';
import type { Thread } from './threadList';

/** What every part of the thread list needs, provided once by the comments panel. */
export interface ConsultationContextValue {
  readonly documentId: string;
  readonly viewer: ViewerCapabilities;
  readonly writer: CommentWriter;
  /** The server can be reached (editor-only actions are sent directly and need it). */
  readonly online: boolean;
  /** Fetch the list again (after a direct write). */
  readonly refresh: () => void;
  /** Select the thread's passage in the editor, scroll to it and move focus there. */
  readonly showPassage: (threadId: string) => void;
  /** Apply an accepted suggestion to the body; resolves with an error message or null. */
  readonly applySuggestion: (thread: Thread) => string | null;
  /** Whether the editor can apply suggestions now (editable and synced). */
  readonly canApply: boolean;
}

export const ConsultationContext = createContext<ConsultationContextValue | null>(null);

export function useConsultation(): ConsultationContextValue {
  const value = useContext(ConsultationContext);
  if (!value) throw new Error('useConsultation outside the comments panel');
  return value;
}

export function commentUrl(documentId: string, commentId: string, rest = ''): string {
  return `/api/documents/${encodeURIComponent(documentId)}/comments/${encodeURIComponent(commentId)}${rest}`;
}
