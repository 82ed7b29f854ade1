/**
 * AccountStore in a lowdb JSON file (`<DATA_DIR>/people.json`), like LowMetadataStore: changes
 * are serialised, each builds new data from the last, writes it durably (DurableJSONFile: temp
 * file, fsync, rename, fsync dir), and a failed write puts the previous data back, so memory never
 * drifts from the file. This process must be the file's only writer. The file holds password
 * hashes and session hashes, so it is written with mode 0600.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { DurableJSONFile } from '../storage/DurableJSONFile';
import { DataAccountStore, type Change } from './DataAccountStore';
import { emptyPeopleData, type PeopleData } from './PeopleData';
import { peopleFileSchema } from './peopleFileSchema';

export class LowAccountStore extends DataAccountStore {
  private readonly db: Low<PeopleData>;
  private opened: Promise<void> | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  /** @param file the JSON file, normally `<DATA_DIR>/people.json`; created on the first write. */
  constructor(private readonly file: string) {
    super();
    this.db = new Low<PeopleData>(new DurableJSONFile<PeopleData>(file), emptyPeopleData());
  }

  async close(): Promise<void> {
    await this.writes.catch(() => undefined);
  }

  protected async view(): Promise<PeopleData> {
    this.opened ??= this.read();
    try {
      await this.opened;
    } catch (error) {
      this.opened = null; // a later call tries again (e.g. after an operator fixed the file)
      throw error;
    }
    return this.db.data;
  }

  /** One change at a time: compute the next data, write it, then make it current. */
  protected change<T>(next: Change<T>): Promise<T> {
    const run = this.writes.then(async () => {
      const previous = await this.view();
      const { data, result } = next(previous);
      if (data === previous) return result;
      this.db.data = data;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        throw error;
      }
      return result;
    });
    this.writes = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    let raw: unknown;
    try {
      await this.db.read();
      raw = this.db.data ?? {};
    } catch (error) {
      throw new Error(`cannot read people from ${this.file}: ${(error as Error).message}`, { cause: error });
    }
    const parsed = peopleFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `cannot read people from ${this.file}: ${issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'invalid'}`,
      );
    }
    this.db.data = parsed.data as PeopleData;
  }
}
