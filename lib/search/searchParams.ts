/**
 * The search's query string, shared by GET /api/search and the /soeg page: `q` (1–200 characters),
 * `workspace`, `kind` (document | comment | post), `phase` (a document state), `tag`, `limit` (1–50,
 * default 20). Every parameter at most once; the API refuses unknown ones (the page ignores them).
 * Issue codes are `error.<code>` in the catalogue.
 */
import { DOCUMENT_STATES } from '../access/model';
import { SEARCH_KINDS, type SearchRequest } from './model';

export const MAX_QUERY_LENGTH = 200;
export const MAX_LIMIT = 50;
export const DEFAULT_LIMIT = 20;
const KNOWN = new Set(['q', 'workspace', 'kind', 'phase', 'tag', 'limit']);
const ID = /^[A-Za-z0-9_-]{1,100}$/;

export type ParsedSearchParams = { readonly ok: true; readonly request: SearchRequest } | { readonly ok: false; readonly code: string };

export function readSearchParams(params: URLSearchParams, options: { readonly strict: boolean }): ParsedSearchParams {
  const fail = (code: string): ParsedSearchParams => ({ ok: false, code });
  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key)) {
      if (options.strict) return fail('search_param_unknown');
      continue;
    }
    if (params.getAll(key).length > 1) return fail('search_param_repeated');
  }
  const value = (key: string) => {
    const raw = params.get(key);
    return raw === null || raw.trim() === '' ? undefined : raw.trim();
  };
  const q = value('q');
  if (q === undefined) return fail('search_query_missing');
  if (q.length > MAX_QUERY_LENGTH) return fail('query_too_long');
  const workspace = value('workspace');
  if (workspace !== undefined && !ID.test(workspace)) return fail('search_workspace_invalid');
  const kind = value('kind');
  if (kind !== undefined && !(SEARCH_KINDS as readonly string[]).includes(kind)) return fail('search_kind_invalid');
  const phase = value('phase');
  if (phase !== undefined && !(DOCUMENT_STATES as readonly string[]).includes(phase)) return fail('search_phase_invalid');
  const tag = value('tag');
  if (tag !== undefined && tag.length > 50) return fail('search_tag_invalid');
  const limitText = value('limit');
  let limit = DEFAULT_LIMIT;
  if (limitText !== undefined) {
    if (!/^\d{1,3}$/.test(limitText)) return fail('search_limit_invalid');
    limit = Number(limitText);
    if (limit < 1 || limit > MAX_LIMIT) return fail('search_limit_invalid');
  }
  return {
    ok: true,
    request: {
      q,
      limit,
      ...(workspace !== undefined && { workspaceId: workspace }),
      ...(kind !== undefined && { kind: kind as SearchRequest['kind'] & string }),
      ...(phase !== undefined && { state: phase as SearchRequest['state'] & string }),
      ...(tag !== undefined && { tag: tag.toLowerCase() }),
    },
  };
}
