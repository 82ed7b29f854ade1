import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '../../../lib/access/can';
import { isDomainError } from '../../../lib/errors/DomainError';
import { errorMessage } from '../../../lib/i18n/t';
import { getServices } from '../../../lib/services';
import { NewPostForm } from '../../_forum/NewPostForm';
import { PostList, TagLinks } from '../../_forum/PostList';
import { actorOf, readPrincipal } from '../../_server/readPrincipal';
import { getT, requestLocale } from '../../_server/requestLocale';
import type { ForumList } from '../../../lib/forum/ForumService';
import styles from '../../_forum/Forum.module.css';

export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('forum.heading') };
}

/** How many posts each list shows; the tags come from the newest posts. */
const SHOWN = 10;
const TAG_SOURCE = 50;

/**
 * The knowledge forum's front page (issue 14): recent and popular posts the reader may read, the
 * tags to filter by (links; `?tag=`), and "Nyt indlæg" for whoever may post (can() `comment` on the
 * forum). Works without JavaScript apart from the form.
 */
export default async function ForumPage({ searchParams }: { searchParams: Promise<Params> }) {
  const t = await getT();
  const locale = await requestLocale();
  const tag = first((await searchParams).tag)?.trim() || undefined;
  const principal = await readPrincipal();
  const actor = actorOf(principal);
  const { forum } = getServices();
  const forums = await forum.forums();
  const home = forums[0] ?? null;
  let recent: ForumList | null = null;
  let popular: ForumList | null = null;
  let refused: string | null = null;
  try {
    recent = await forum.list(actor, { sort: 'recent', limit: String(SHOWN), ...(tag && { tag }) });
    popular = await forum.list(actor, { sort: 'popular', limit: String(SHOWN), ...(tag && { tag }) });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    refused = error.code;
  }
  const everyTag = [...new Set((await forum.list(actor, { sort: 'recent', limit: String(TAG_SOURCE) })).posts.flatMap((p) => p.tags))].sort(
    (a, b) => a.localeCompare(b, 'da'),
  );
  const mayPost =
    home !== null && can(actor, 'comment', { kind: 'workspace', id: home.id, memberIds: home.memberIds, forum: true }).allowed;

  return (
    <section className={`card ${styles.page}`} aria-labelledby="forum-heading">
      <h1 id="forum-heading">{home?.name ?? t('forum.heading')}</h1>
      <p>{t('forum.intro')}</p>
      {home === null ? (
        <p className="hint" data-testid="forum-none">
          {t('forum.none')}
        </p>
      ) : mayPost ? (
        <NewPostForm workspaceId={home.id} />
      ) : (
        <p className="hint">
          <Link href="/konto/log-ind?next=/forum">{t('forum.new.signIn')}</Link>
        </p>
      )}
      {tag !== undefined && (
        <p data-testid="forum-filter">
          {t('forum.tag.filtered', { tag })} <Link href="/forum">{t('forum.tag.all')}</Link>
        </p>
      )}
      {refused !== null && (
        <p className="field-error" role="alert">
          {errorMessage(t, refused)}
        </p>
      )}
      <div className={styles.columns}>
        <section aria-labelledby="forum-recent">
          <h2 id="forum-recent">{t('forum.recent.heading')}</h2>
          <PostList posts={recent?.posts ?? []} t={t} locale={locale} empty={t('forum.recent.empty')} testId="forum-recent" />
        </section>
        <section aria-labelledby="forum-popular">
          <h2 id="forum-popular">{t('forum.popular.heading')}</h2>
          <PostList posts={popular?.posts ?? []} t={t} locale={locale} empty={t('forum.popular.empty')} testId="forum-popular" />
        </section>
      </div>
      <section aria-labelledby="forum-tags">
        <h2 id="forum-tags">{t('forum.tags.heading')}</h2>
        {everyTag.length === 0 ? <p className="hint">{t('forum.tags.none')}</p> : <TagLinks tags={everyTag} t={t} />}
      </section>
    </section>
  );
}
