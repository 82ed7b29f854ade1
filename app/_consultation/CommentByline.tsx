'use client';
import { formatDateTime } from '../../lib/i18n/format';
import { useLocale, useT } from '../../lib/i18n/useT';
import type { CommentView } from './commentViews';

/** "Anna Jensen (Grundejerforeningen) · 3. dec. 2026 kl. 10.12 · redigeret" */
export function CommentByline({ comment, id }: { comment: CommentView; id?: string }) {
  const t = useT();
  const locale = useLocale();
  const author = comment.author;
  return (
    <p className="comment__byline" id={id}>
      {/* No author for a hidden or deleted comment: the server withholds the name too. */}
      {author && (
        <>
          <span className="comment__author">
            {author.name}
            {author.organisation && <span className="comment__organisation"> ({author.organisation.name})</span>}
            {author.kind === 'guest' && <span className="comment__guest"> · {t('consultation.comment.guest')}</span>}
          </span>
          {' · '}
        </>
      )}
      <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale)}</time>
      {comment.editedAt && <span> · {t('consultation.comment.edited')}</span>}
    </p>
  );
}
