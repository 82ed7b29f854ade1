/**
 * One JSON file that this process alone writes, through lowdb and DurableJSONFile (temp file,
 * fsync, rename, fsync dir). Changes are serialised: each builds the next data from the last,
 * writes it, and only then makes it current; a failed write leaves the previous data in place, so
 * memory never drifts from the file. Reading is lazy; a failed read is retried on the next call
 * (an operator may have fixed the file). The Low*Store classes are thin views over one of these.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { DurableJSONFile } from './DurableJSONFile';

export interface Changed<T, R> {
  readonly data: T;
  readonly result: R;
}

export interface SerialJsonFileOptions<T> {
  /** What the file holds, for error messages ("document metadata", "people", …). */
  readonly what: string;
  /** The data of a file that does not exist yet. */
  readonly empty: () => T;
  /** Checks and upgrades what was read (a JSON value); throws with a sentence when it is not usable. */
  readonly parse: (raw: unknown) => T;
}

export class SerialJsonFile<T> {
  private readonly db: Low<T>;
  private opened: Promise<void> | null = null;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly options: SerialJsonFileOptions<T>,
  ) {
    this.db = new Low<T>(new DurableJSONFile<T>(file), options.empty());
  }

  /** The current data; never mutate it (changes go through `change`). */
  async view(): Promise<T> {
    this.opened ??= this.read();
    try {
      await this.opened;
    } catch (error) {
      this.opened = null;
      throw error;
    }
    return this.db.data;
  }

  /** One change at a time: `next` returns the data unchanged (no write) or new data and a result. */
  change<R>(next: (data: T) => Changed<T, R>): Promise<R> {
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

  /** Waits for every write issued so far. */
  async close(): Promise<void> {
    await this.writes.catch(() => undefined);
  }

  private async read(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    let raw: unknown;
    try {
      await this.db.read();
      raw = this.db.data;
    } catch (error) {
      throw new Error(`cannot read ${this.options.what} from ${this.file}: ${(error as Error).message}`, { cause: error });
    }
    try {
      this.db.data = this.options.parse(raw);
    } catch (error) {
      throw new Error(`cannot read ${this.options.what} from ${this.file}: ${(error as Error).message}`, { cause: error });
    }
  }
}
