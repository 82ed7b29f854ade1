import Link from 'next/link';
import type { PostSummary } from '../../lib/forum/ForumService';
import type { Translate } from '../../lib/i18n/t';
import { formatDate } from '../../lib/i18n/formatDate';
import type { Locale } from '../../lib/i18n/locales';
import styles from './Forum.module.css';

/** A post's tags as links to the front page filtered by each. */
export function TagLinks({ tags, t, testId }: { tags: readonly string[]; t: Translate; testId?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className={styles.tags} aria-label={t('forum.post.tags')} data-testid={testId}>
      {tags.map((tag) => (
        <li key={tag}>
          <Link className={styles.tag} href={`/forum?tag=${encodeURIComponent(tag)}`}>
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Posts as a list: title (a link to the post), type, author and date, counts and tags. */
export function PostList({
  posts,
  t,
  locale,
  empty,
  testId,
}: {
  posts: readonly PostSummary[];
  t: Translate;
  locale: Locale;
  empty: string;
  testId: string;
}) {
  if (posts.length === 0) {
    return (
      <p className="hint" data-testid={`${testId}-empty`}>
        {empty}
      </p>
    );
  }
  return (
    <ul className={styles.list} data-testid={testId}>
      {posts.map((post) => (
        <li key={post.id} className={styles.item} data-testid="forum-post">
          <h3>
            <Link href={`/d/${post.id}`}>{post.title}</Link>
          </h3>
          <p className={styles.meta}>
            <span className="badge">{t(`forum.type.${post.type}`)}</span>{' '}
            {t('forum.post.byline', { author: post.author, date: formatDate(post.createdAt, locale) })}
          </p>
          <p className={styles.meta} data-testid="forum-post-counts">
            {t('forum.post.counts', { replies: post.replyCount, supports: post.supportCount })}
          </p>
          <TagLinks tags={post.tags} t={t} />
        </li>
      ))}
    </ul>
  );
}
