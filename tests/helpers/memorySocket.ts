/**
 * An in-memory SyncSocket. Frames travel in microtasks in both directions, as they would across
 * event-loop turns on a real socket, so nothing re-enters the room while it is sending.
 */
import type { SyncSocket } from '../../server/sync/SyncSocket';

export class MemorySocket implements SyncSocket {
  /** Frames the server sent, in order. */
  readonly sent: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;
  /** Called (in a microtask) for every frame the server sends. */
  onServerFrame: ((data: Uint8Array) => void) | null = null;
  private messageListener: ((data: Uint8Array) => void) | null = null;
  private readonly closeListeners: Array<() => void> = [];

  send(data: Uint8Array): void {
    if (this.closedWith) return;
    this.sent.push(data);
    queueMicrotask(() => this.onServerFrame?.(data));
  }

  close(code: number, reason: string): void {
    if (this.closedWith) return;
    this.closedWith = { code, reason };
    for (const listener of this.closeListeners) listener();
  }

  onMessage(listener: (data: Uint8Array) => void): void {
    this.messageListener = listener;
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** The client sends a frame. */
  deliver(data: Uint8Array): void {
    queueMicrotask(() => {
      if (!this.closedWith) this.messageListener?.(data);
    });
  }

  /** The client goes away without a close handshake. */
  hangUp(): void {
    this.close(1006, '');
  }
}
