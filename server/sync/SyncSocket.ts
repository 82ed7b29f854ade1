/**
 * All the sync core knows of a WebSocket. The `ws` adapter (createSyncServer) implements it for
 * real sockets; tests implement it in memory, so rooms are tested without ports or sleeps.
 */
export interface SyncSocket {
  /** Queues one binary frame. Must not throw once the socket is closing; it just drops the frame. */
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Registers the listener for inbound binary frames (one per socket). */
  onMessage(listener: (data: Uint8Array) => void): void;
  /** Registers the listener called once when the socket is gone, whoever closed it. */
  onClose(listener: () => void): void;
  /**
   * Optional batching: frames sent between cork() and uncork() may leave in one write (one
   * syscall instead of one per frame). Calls are always paired.
   */
  cork?(): void;
  uncork?(): void;
}
