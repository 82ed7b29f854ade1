/**
 * The embedded search index (issue 14): MiniSearch over every document's title and body and every
 * comment's words, with Danish stems as terms (lib/search/danishTerms.ts), BM25 ranking with the
 * title weighing 3×, every word required (AND), the last word also as a prefix and longer words
 * fuzzily (one edit in six letters). Held in memory; the texts are kept beside it for snippets.
 *
 * Persistence (writeTo/readFrom): NOT MiniSearch's own JSON (one JSON.stringify of the whole index
 * would block the process for long on 10,000 documents): the entries themselves, one JSON line each,
 * written in slices with a pause between them, to a temporary file renamed over the old one. A load
 * adds them back in slices. The first line carries the format's version; another version is ignored
 * (the start then indexes everything again).
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { termOf, tokenize } from '../../lib/search/danishTerms';
import type { DocumentFields, IndexedMark, SearchCandidate, SearchIndex } from '../../lib/search/SearchIndex';
import type { ParsedQuery } from '../../lib/search/parseQuery';
import { documentEntryId, type SearchEntry, type SearchFilters } from '../../lib/search/model';

export const INDEX_FORMAT_VERSION = 1;
/** Entries added or written between two pauses (setImmediate) in a load or a save. */
const SLICE = 200;

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

interface FileHeader {
  readonly format: 'samskriv-search';
  readonly version: number;
}

interface FileLine {
  readonly entry: SearchEntry;
  /** Documents' own entries: the mark. */
  readonly mark?: IndexedMark;
}

export class MiniSearchIndex implements SearchIndex {
  private search = MiniSearchIndex.fresh();
  /** Every entry as indexed (the texts for snippets, and what a replace needs). */
  private readonly entries = new Map<string, SearchEntry>();
  /** Per document: its comments' entry ids. */
  private readonly commentIds = new Map<string, Set<string>>();
  private readonly markOf = new Map<string, IndexedMark>();
  private changes = 0;

  private static fresh(): MiniSearch<SearchEntry> {
    return new MiniSearch<SearchEntry>({
      idField: 'id',
      fields: ['title', 'text', 'tags'],
      storeFields: [],
      extractField: (entry, field) => {
        const value = (entry as unknown as Record<string, unknown>)[field];
        return Array.isArray(value) ? value.join(' ') : (value as string | undefined);
      },
      tokenize,
      processTerm: (term) => termOf(term),
      searchOptions: {
        tokenize,
        processTerm: (term) => termOf(term),
      },
    });
  }

  /** How many entries the index holds. */
  get size(): number {
    return this.entries.size;
  }

  /** Changes since the last save (the store saves when there are some). */
  get unsaved(): number {
    return this.changes;
  }

  async putDocument(entry: SearchEntry, updatedAt: string): Promise<void> {
    this.put(entry);
    this.markOf.set(entry.documentId, { updatedAt, commentsRevision: this.markOf.get(entry.documentId)?.commentsRevision ?? 0 });
  }

  async putComments(documentId: string, entries: readonly SearchEntry[], revision: number): Promise<void> {
    const before = this.commentIds.get(documentId) ?? new Set<string>();
    const now = new Set(entries.map((entry) => entry.id));
    for (const id of before) if (!now.has(id)) this.remove(id);
    for (const entry of entries) this.put(entry);
    if (now.size > 0) this.commentIds.set(documentId, now);
    else this.commentIds.delete(documentId);
    const mark = this.markOf.get(documentId);
    this.markOf.set(documentId, { updatedAt: mark?.updatedAt ?? '', commentsRevision: revision });
  }

  async setDocumentFields(documentId: string, fields: DocumentFields): Promise<void> {
    const own = this.entries.get(documentEntryId(documentId));
    const same = own && own.title === fields.title && own.workspaceId === fields.workspaceId && own.state === fields.state;
    if (own && !(same && fields.tags === undefined))
      this.put({ ...own, title: fields.title, workspaceId: fields.workspaceId, state: fields.state, ...tagsOf(fields) });
    for (const id of this.commentIds.get(documentId) ?? []) {
      const comment = this.entries.get(id);
      if (comment && (comment.workspaceId !== fields.workspaceId || comment.state !== fields.state))
        this.put({ ...comment, workspaceId: fields.workspaceId, state: fields.state });
    }
  }

  async removeDocument(documentId: string): Promise<void> {
    this.remove(documentEntryId(documentId));
    for (const id of this.commentIds.get(documentId) ?? []) this.remove(id);
    this.commentIds.delete(documentId);
    this.markOf.delete(documentId);
  }

  async query(query: ParsedQuery, filters: SearchFilters, max: number): Promise<SearchCandidate[]> {
    return this.querySync(query, filters, max);
  }

  /** The same, without a promise (the benchmark measures the index itself). */
  querySync(query: ParsedQuery, filters: SearchFilters, max: number): SearchCandidate[] {
    if (query.words.length === 0) return [];
    const last = query.words.length - 1;
    const results = this.search.search(query.words.join(' '), {
      combineWith: 'AND',
      boost: { title: 3, tags: 2 },
      prefix: (_term, i) => i === last && query.prefix !== null,
      fuzzy: (term) => (term.length >= 6 ? 0.17 : false),
      weights: { fuzzy: 0.3, prefix: 0.6 },
      filter: (result) => this.passes(result, filters),
    });
    const candidates: SearchCandidate[] = [];
    for (const result of results) {
      const entry = this.entries.get(String(result.id));
      if (!entry) continue;
      candidates.push({
        id: entry.id,
        kind: entry.kind,
        documentId: entry.documentId,
        ...(entry.commentId !== undefined && { commentId: entry.commentId }),
        score: result.score,
        ...(entry.hidden && { hidden: true }),
        terms: result.terms,
      });
      if (candidates.length >= max) break;
    }
    return candidates;
  }

  async texts(ids: readonly string[]): Promise<Map<string, { title: string; text: string }>> {
    const found = new Map<string, { title: string; text: string }>();
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) found.set(id, { title: entry.title, text: entry.text });
    }
    return found;
  }

  async mark(documentId: string): Promise<IndexedMark | null> {
    return this.markOf.get(documentId) ?? null;
  }

  async marks(): Promise<Map<string, IndexedMark>> {
    return new Map(this.markOf);
  }

  /** Writes every entry to `path` (atomically: a temporary file renamed over it), in slices. */
  async writeTo(path: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.tmp`;
    const saved = this.changes;
    const out = createWriteStream(temporary, { mode: 0o600 });
    try {
      const write = async (line: string) => {
        if (!out.write(line + '\n')) await once(out, 'drain');
      };
      await write(JSON.stringify({ format: 'samskriv-search', version: INDEX_FORMAT_VERSION } satisfies FileHeader));
      let count = 0;
      for (const entry of [...this.entries.values()]) {
        const mark = entry.kind !== 'comment' ? this.markOf.get(entry.documentId) : undefined;
        await write(JSON.stringify({ entry, ...(mark && { mark }) } satisfies FileLine));
        if (++count % SLICE === 0) await yieldNow();
      }
      // Documents without an own entry yet (comments only) keep their marks too.
      for (const [documentId, mark] of this.markOf)
        if (!this.entries.has(documentEntryId(documentId))) await write(JSON.stringify({ documentId, mark }));
      out.end();
      await once(out, 'finish');
      await rename(temporary, path);
      this.changes -= saved;
    } catch (error) {
      out.destroy();
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /** Loads entries written by writeTo, in slices. False (and empty) when there is no file or its version is another. */
  async readFrom(path: string): Promise<boolean> {
    const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
    let first = true;
    let count = 0;
    try {
      for await (const line of lines) {
        if (line === '') continue;
        const parsed = JSON.parse(line) as FileHeader & FileLine & { documentId?: string };
        if (first) {
          first = false;
          if (parsed.format !== 'samskriv-search' || parsed.version !== INDEX_FORMAT_VERSION) return false;
          continue;
        }
        if (parsed.entry) {
          this.put(parsed.entry);
          if (parsed.entry.kind === 'comment') {
            const ids = this.commentIds.get(parsed.entry.documentId) ?? new Set<string>();
            ids.add(parsed.entry.id);
            this.commentIds.set(parsed.entry.documentId, ids);
          }
        }
        const documentId = parsed.entry?.documentId ?? parsed.documentId;
        if (parsed.mark && documentId) this.markOf.set(documentId, parsed.mark);
        if (++count % SLICE === 0) await yieldNow();
      }
      this.changes = 0;
      return !first;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      // A damaged file: start empty (everything is indexed again).
      this.clear();
      return false;
    } finally {
      lines.close();
    }
  }

  /** Empties the index. */
  clear(): void {
    this.search = MiniSearchIndex.fresh();
    this.entries.clear();
    this.commentIds.clear();
    this.markOf.clear();
    this.changes++;
  }

  private put(entry: SearchEntry): void {
    if (this.entries.has(entry.id)) this.search.replace(entry);
    else this.search.add(entry);
    this.entries.set(entry.id, entry);
    if (entry.kind === 'comment') {
      const ids = this.commentIds.get(entry.documentId) ?? new Set<string>();
      ids.add(entry.id);
      this.commentIds.set(entry.documentId, ids);
    }
    this.changes++;
  }

  private remove(id: string): void {
    if (!this.entries.has(id)) return;
    this.search.discard(id);
    this.entries.delete(id);
    this.changes++;
  }

  private passes(result: SearchResult, filters: SearchFilters): boolean {
    const entry = this.entries.get(String(result.id));
    if (!entry) return false;
    if (filters.kind !== undefined && entry.kind !== filters.kind) return false;
    if (filters.workspaceId !== undefined && entry.workspaceId !== filters.workspaceId) return false;
    if (filters.state !== undefined && entry.state !== filters.state) return false;
    if (filters.tag !== undefined && !(entry.tags ?? []).includes(filters.tag)) return false;
    return true;
  }
}

const tagsOf = (fields: DocumentFields): Pick<SearchEntry, 'tags'> => (fields.tags ? { tags: fields.tags } : {});
