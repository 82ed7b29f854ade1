/**
 * AccountStore in a lowdb JSON file (`<DATA_DIR>/people.json`), written through SerialJsonFile
 * (serialised, durable, rolled back on a failed write). This process must be the file's only
 * writer. The file holds password hashes and session hashes, so it is written with mode 0600.
 */
import { SerialJsonFile } from '../storage/SerialJsonFile';
import { DataAccountStore, type Change } from './DataAccountStore';
import { emptyPeopleData, type PeopleData } from './PeopleData';
import { peopleFileSchema } from './peopleFileSchema';

export class LowAccountStore extends DataAccountStore {
  private readonly file: SerialJsonFile<PeopleData>;

  /** @param path the JSON file, normally `<DATA_DIR>/people.json`; created on the first write. */
  constructor(path: string) {
    super();
    this.file = new SerialJsonFile(path, { what: 'people', empty: emptyPeopleData, parse: parsePeopleFile });
  }

  close(): Promise<void> {
    return this.file.close();
  }

  protected view(): Promise<PeopleData> {
    return this.file.view();
  }

  protected change<T>(next: Change<T>): Promise<T> {
    return this.file.change(next);
  }
}

function parsePeopleFile(raw: unknown): PeopleData {
  const parsed = peopleFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'invalid');
  }
  return parsed.data as PeopleData;
}
