/**
 * The record collections of one store (server/storage/RecordCollection.ts), opened on first use:
 * every store method awaits `ready()` and then checks and writes in one synchronous step. A failed
 * open (a damaged log, a damaged file to import) is retried on the next call, as an operator may
 * have repaired the file meanwhile; a collection whose write failed is read back from disk first.
 */
import { RecordCollection, type RecordCollectionOptions } from './RecordCollection';

/** What the set needs of a collection (RecordCollection<T> for any T). */
type Collection = Pick<RecordCollection<unknown>, 'stale' | 'recover' | 'close'>;
type AnyCollections = Record<string, Collection>;

export type CollectionOpener = <T>(name: string, indexes?: RecordCollectionOptions<T>['indexes']) => Promise<RecordCollection<T>>;

export class CollectionSet<C extends AnyCollections> {
  private opening: Promise<C> | null = null;

  /**
   * @param base what every collection shares (directory, group commit, compaction, logger)
   * @param openAll opens each collection with `open`, then may import older data into them
   */
  constructor(
    private readonly base: Omit<RecordCollectionOptions<unknown>, 'name' | 'indexes'>,
    private readonly openAll: (open: CollectionOpener) => Promise<C>,
  ) {}

  /** Opens (and imports) once; rejects with an error naming the damaged file, and tries again next time. */
  open(): Promise<C> {
    if (!this.opening) {
      const opening = this.openAllOrNone();
      this.opening = opening;
      opening.catch(() => {
        if (this.opening === opening) this.opening = null;
      });
    }
    return this.opening;
  }

  /** The collections, each read back from disk first if a write of it failed. */
  async ready(): Promise<C> {
    const collections = await this.open();
    for (const collection of Object.values(collections)) if (collection.stale) await collection.recover();
    return collections;
  }

  /** Waits for every write issued so far, then closes the logs. */
  async close(): Promise<void> {
    const collections = await this.opening?.catch(() => null);
    if (collections) await Promise.all(Object.values(collections).map((collection) => collection.close()));
  }

  private async openAllOrNone(): Promise<C> {
    const opened: Collection[] = [];
    const open: CollectionOpener = async <T>(name: string, indexes?: RecordCollectionOptions<T>['indexes']) => {
      const collection = await RecordCollection.open<T>({ ...(this.base as Omit<RecordCollectionOptions<T>, 'name'>), name, indexes });
      opened.push(collection);
      return collection;
    };
    try {
      return await this.openAll(open);
    } catch (error) {
      await Promise.all(opened.map((collection) => collection.close().catch(() => undefined)));
      throw error;
    }
  }
}
