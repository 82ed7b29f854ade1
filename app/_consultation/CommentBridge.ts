/**
 * Connects the parts of the editor page that the comments panel does not render itself: the
 * highlight extension (a click on a passage opens its thread), the toolbar button, the button at
 * the selection and the keyboard shortcut (each asks the panel to start a comment). A tiny
 * external store for whether the viewer may comment at all (known once the list has loaded).
 */
export interface CommentBridgeHandlers {
  readonly activate: (threadId: string) => void;
  readonly requestComment: () => void;
}

export class CommentBridge {
  private canComment = false;
  private handlers: CommentBridgeHandlers | null = null;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getCanComment = (): boolean => this.canComment;

  setCanComment(value: boolean): void {
    if (this.canComment === value) return;
    this.canComment = value;
    for (const listener of this.listeners) listener();
  }

  /** The panel registers what happens; returns the function that unregisters. */
  connect(handlers: CommentBridgeHandlers): () => void {
    this.handlers = handlers;
    return () => {
      if (this.handlers === handlers) this.handlers = null;
    };
  }

  readonly activate = (threadId: string): void => this.handlers?.activate(threadId);

  readonly requestComment = (): void => this.handlers?.requestComment();
}
