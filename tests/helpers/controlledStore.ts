/**
 * A DocumentStore whose appends resolve only when the test says so: proves that nothing is
 * relayed before it is durable, and lets appends complete out of order. Loads and flushes can
 * be held behind a gate too, to catch a room in the middle of loading or unloading.
 */
import { MemoryDocumentStore } from '../../server/storage/MemoryDocumentStore';

export interface PendingAppend {
  readonly documentId: string;
  readonly update: Uint8Array;
  resolve(): void;
  reject(error: Error): void;
}

export interface Gate {
  readonly promise: Promise<void>;
  open(): void;
}

export function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

export class ControlledStore extends MemoryDocumentStore {
  readonly pending: PendingAppend[] = [];
  /** While false, appends complete at once like the memory store's. */
  holding = true;
  loadGate: Gate | null = null;
  flushGate: Gate | null = null;
  /** When set, load() rejects for that document id. */
  failLoadOf: string | null = null;
  compactions = 0;

  override append(documentId: string, update: Uint8Array, attribution?: Uint8Array): Promise<void> {
    if (!this.holding) return super.append(documentId, update, attribution);
    return new Promise<void>((resolve, reject) => {
      this.pending.push({
        documentId,
        update,
        resolve: () => void super.append(documentId, update, attribution).then(resolve, reject),
        reject,
      });
    });
  }

  override async load(documentId: string): Promise<Uint8Array[] | null> {
    if (this.loadGate) await this.loadGate.promise;
    if (documentId === this.failLoadOf) throw new Error('disk says no');
    return super.load(documentId);
  }

  override async flush(documentId?: string): Promise<void> {
    if (this.flushGate) await this.flushGate.promise;
    return super.flush(documentId);
  }

  override async compact(documentId: string, snapshot: Uint8Array, attribution?: Uint8Array): Promise<void> {
    this.compactions++;
    return super.compact(documentId, snapshot, attribution);
  }

  /** Completes every held append, oldest first. */
  releaseAll(): void {
    for (const append of this.pending.splice(0)) append.resolve();
  }
}
