import { DataAccountStore, type Change } from './DataAccountStore';
import { emptyPeopleData, type PeopleData } from './PeopleData';

/** In-memory AccountStore for unit tests: the same rules as LowAccountStore, no file. */
export class MemoryAccountStore extends DataAccountStore {
  private data: PeopleData = emptyPeopleData();

  protected async view(): Promise<PeopleData> {
    return this.data;
  }

  // Synchronous inside, so each change is atomic without a queue.
  protected async change<T>(next: Change<T>): Promise<T> {
    const { data, result } = next(this.data);
    this.data = data;
    return result;
  }

  async close(): Promise<void> {}
}
