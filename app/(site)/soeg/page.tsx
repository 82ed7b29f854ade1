import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { CLIENT_IP_HEADER } from '../../../lib/auth/clientIp';
import { isDomainError } from '../../../lib/errors/DomainError';
import { DOCUMENT_STATES } from '../../../lib/access/model';
import { errorMessage } from '../../../lib/i18n/t';
import { SEARCH_KINDS, type SearchHit, type SearchResults } from '../../../lib/search/model';
import { searchHitPath } from '../../../lib/search/searchHitPath';
import { MAX_QUERY_LENGTH, readSearchParams } from '../../../lib/search/searchParams';
import { getServices } from '../../../lib/services';
import { readActor, readPrincipal } from '../../_server/readPrincipal';
import { getT } from '../../_server/requestLocale';
import { Marked } from './Marked';
import styles from './SearchPage.module.css';

export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Params> }): Promise<Metadata> {
  const t = await getT();
  const q = first((await searchParams).q)?.trim();
  return { title: q ? `${t('search.heading')}: ${q.slice(0, 60)}` : t('search.heading') };
}

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Search (issue 14): a GET form (works without JavaScript) with filters by workspace, phase and
 * type, and the results the person may read, best first: the title and a snippet with the matched
 * words marked (<mark>, from the ranges the search gives; the text is never read as HTML).
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const t = await getT();
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    const one = first(value);
    if (one !== undefined) params.set(key, one);
  }
  const principal = await readPrincipal();
  const workspaces = principal?.actor.kind === 'person' ? await getServices().workspaces.workspacesOf(principal.actor.id) : [];
  const asked = params.get('q')?.trim() ?? '';
  const parsed = asked === '' ? null : readSearchParams(params, { strict: false });
  let found: SearchResults | null = null;
  let refused: string | null = parsed && !parsed.ok ? parsed.code : null;
  if (parsed?.ok) {
    try {
      found = await getServices().search.search(await readActor(), parsed.request, (await headers()).get(CLIENT_IP_HEADER) ?? 'unknown');
    } catch (error) {
      // Too many searches a minute: said like a bad query; anything else is the error page's.
      if (!isDomainError(error)) throw error;
      refused = error.code;
    }
  }
  const request = parsed?.ok ? parsed.request : null;
  const filtered =
    request !== null &&
    (request.workspaceId !== undefined || request.state !== undefined || request.kind !== undefined || request.tag !== undefined);

  return (
    <section className={`card ${styles.page}`} aria-labelledby="search-heading">
      <h1 id="search-heading">{t('search.heading')}</h1>
      <p>{t('search.intro')}</p>
      <form className={styles.form} role="search" aria-label={t('search.form.landmark')} action="/soeg" method="get">
        <div className={styles.query}>
          <label htmlFor="search-q">{t('search.form.query')}</label>
          <input id="search-q" type="search" name="q" defaultValue={asked} maxLength={MAX_QUERY_LENGTH} required />
        </div>
        {workspaces.length > 0 && (
          <div className={styles.filter}>
            <label htmlFor="search-workspace">{t('search.form.workspace')}</label>
            <select id="search-workspace" name="workspace" defaultValue={params.get('workspace') ?? ''}>
              <option value="">{t('search.form.anyWorkspace')}</option>
              {workspaces.map((workspace) => (
                <option key={workspace.id} value={workspace.id}>
                  {workspace.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className={styles.filter}>
          <label htmlFor="search-phase">{t('search.form.phase')}</label>
          <select id="search-phase" name="phase" defaultValue={params.get('phase') ?? ''}>
            <option value="">{t('search.form.anyPhase')}</option>
            {DOCUMENT_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`consultation.phase.${state}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filter}>
          <label htmlFor="search-kind">{t('search.form.kind')}</label>
          <select id="search-kind" name="kind" defaultValue={params.get('kind') ?? ''}>
            <option value="">{t('search.form.anyKind')}</option>
            {SEARCH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`search.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filter}>
          <label htmlFor="search-tag">{t('forum.search.tag')}</label>
          <input id="search-tag" type="text" name="tag" defaultValue={params.get('tag') ?? ''} maxLength={50} />
        </div>
        <button className={styles.submit} type="submit">
          {t('search.form.submit')}
        </button>
      </form>

      {refused !== null && (
        <div className={styles.error} role="alert" data-testid="search-error">
          <h2>{t('search.error.heading')}</h2>
          <p>{errorMessage(t, refused)}</p>
        </div>
      )}

      {found && request && (
        <div className={styles.results}>
          <p className={styles.summary} data-testid="search-summary">
            {found.results.length === 0
              ? t('search.empty', { q: request.q })
              : found.more
                ? t('search.count.more', { count: found.results.length, q: request.q })
                : found.results.length === 1
                  ? t('search.count.one', { q: request.q })
                  : t('search.count.many', { count: found.results.length, q: request.q })}
          </p>
          {found.results.length === 0 ? (
            <div data-testid="search-empty">
              <p>{t('search.empty.tipsHeading')}</p>
              <ul>
                <li>{t('search.empty.tipFewer')}</li>
                {filtered && <li>{t('search.empty.tipFilters')}</li>}
                <li>{principal ? t('search.empty.tipAccess') : t('search.empty.tipSignIn')}</li>
              </ul>
            </div>
          ) : (
            <ol className={styles.list} data-testid="search-results">
              {found.results.map((hit) => (
                <SearchResult key={`${hit.kind}:${hit.commentId ?? hit.documentId}`} hit={hit} t={t} />
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}

function SearchResult({ hit, t }: { hit: SearchHit; t: Awaited<ReturnType<typeof getT>> }) {
  return (
    <li className={styles.result} data-testid="search-result">
      <h2 className={styles.title}>
        <a href={searchHitPath(hit)}>
          {hit.kind === 'comment' ? (
            t('search.result.commentOn', { title: hit.title })
          ) : (
            <Marked text={hit.title} ranges={hit.titleHighlights} />
          )}
        </a>
      </h2>
      <p className={styles.meta}>
        <span className="badge">{t(`search.kind.${hit.kind}`)}</span>{' '}
        <span>{t('search.result.phase', { phase: t(`consultation.phase.${hit.state}`) })}</span>
      </p>
      {hit.snippet !== '' && (
        <p className={styles.snippet}>
          <Marked text={hit.snippet} ranges={hit.highlights} />
        </p>
      )}
    </li>
  );
}
