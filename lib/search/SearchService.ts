/**
 * Search across what a person may read (issue 14). The index ranks candidates; every one is then
 * judged with can(actor, 'view') on the document's metadata as it is NOW (loaded in batches), so a
 * revoked grant takes effect on the next search, and nothing of a document the person cannot read
 * reaches them, not even its title (titles come from the metadata, only for readable documents).
 * A comment hidden by a moderator is found only by those who may moderate the document (as the
 * comment views blank it for everyone else); deleted comments are never indexed.
 */
import { can } from '../access/can';
import type { FixedWindowLimiter } from '../apiKeys/FixedWindowLimiter';
import { SearchError } from './SearchError';
import type { Actor } from '../access/model';
import { documentResourceOf, type DocumentService } from '../documents/DocumentService';
import type { SearchHit, SearchRequest, SearchResults } from './model';
import { parseQuery } from './parseQuery';
import type { SearchCandidate, SearchIndex } from './SearchIndex';
import { highlightAll, snippetOf, termMatcher } from './snippetOf';

export interface SearchService {
  /**
   * `caller`: who asks, for the rate limit (a person's id, else the client's address); without it
   * no limit applies (the server's own uses). Throws SearchError `rate_limited` beyond the limit.
   */
  search(actor: Actor, request: SearchRequest, caller?: string): Promise<SearchResults>;
}

/** Candidates looked at per search, at most (a person who may read little of a big index sees fewer hits, never wrong ones). */
export const MAX_CANDIDATES = 2_000;
/** Candidates whose metadata is loaded in one batch. */
const BATCH = 100;

export interface SearchServiceOptions {
  readonly index: SearchIndex;
  readonly documents: Pick<DocumentService, 'getMany'>;
  readonly now?: () => Date;
  /** Searches per caller per window (a person by id, others by address). */
  readonly limiter?: Pick<FixedWindowLimiter, 'hit'>;
}

export function createSearchService(options: SearchServiceOptions): SearchService {
  const { index, documents } = options;
  const now = options.now ?? (() => new Date());
  return {
    async search(actor, request, caller) {
      if (caller !== undefined && options.limiter) {
        const limited = options.limiter.hit(actor.kind === 'person' ? `person:${actor.id}` : `ip:${caller}`);
        if (!limited.allowed) throw new SearchError('rate_limited', 'rate_limited', limited.retryAfterMs);
      }
      const query = parseQuery(request.q);
      if (query.terms.length === 0) return { results: [], more: false };
      const filters = {
        ...(request.workspaceId !== undefined && { workspaceId: request.workspaceId }),
        ...(request.kind !== undefined && { kind: request.kind }),
        ...(request.state !== undefined && { state: request.state }),
        ...(request.tag !== undefined && { tag: request.tag }),
      };
      const candidates = await index.query(query, filters, MAX_CANDIDATES);
      const at = now();
      const kept: { candidate: SearchCandidate; hit: Omit<SearchHit, 'snippet' | 'highlights' | 'titleHighlights'> }[] = [];
      for (let from = 0; from < candidates.length && kept.length <= request.limit; from += BATCH) {
        const batch = candidates.slice(from, from + BATCH);
        const metas = await documents.getMany([...new Set(batch.map((candidate) => candidate.documentId))]);
        for (const candidate of batch) {
          const meta = metas.get(candidate.documentId);
          if (!meta) continue;
          const resource = documentResourceOf(meta, at);
          if (!can(actor, 'view', resource).allowed) continue;
          if (candidate.hidden && !can(actor, 'moderate', resource).allowed) continue;
          // The metadata decides the filters (the index's copy may lag a moment behind a change).
          if (request.workspaceId !== undefined && meta.workspaceId !== request.workspaceId) continue;
          if (request.state !== undefined && meta.state !== request.state) continue;
          kept.push({
            candidate,
            hit: {
              kind: candidate.kind,
              documentId: meta.id,
              ...(candidate.commentId !== undefined && { commentId: candidate.commentId }),
              title: meta.title,
              score: Math.round(candidate.score * 1000) / 1000,
              workspaceId: meta.workspaceId,
              state: meta.state,
            },
          });
          if (kept.length > request.limit) break;
        }
      }
      const shown = kept.slice(0, request.limit);
      const texts = await index.texts(shown.map(({ candidate }) => candidate.id));
      const prefixes = query.prefix === null ? [] : [query.prefix];
      const results = shown.map(({ candidate, hit }): SearchHit => {
        const matches = termMatcher([...query.terms, ...(candidate.terms ?? [])], prefixes);
        const snippet = snippetOf(texts.get(candidate.id)?.text ?? '', matches);
        return { ...hit, titleHighlights: highlightAll(hit.title, matches), snippet: snippet.text, highlights: snippet.highlights };
      });
      return { results, more: kept.length > request.limit };
    },
  };
}
