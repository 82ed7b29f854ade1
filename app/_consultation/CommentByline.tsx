'use client';
import { displayPersonName } from '../../lib/account/displayPersonName';
import { formatDateTime } from '../../lib/i18n/format';
import { useLocale, useT } from '../../lib/i18n/useT';
import type { CommentView } from './commentViews';

/**
 * "Anna Jensen [✓ på vegne af Grundejerforeningen] · 3. dec. 2026 kl. 10.12 · redigeret". The
 * organisation comes from a verified membership and is its own badge, never part of the name text
 * (which cannot end in brackets, and is shown without them if it was stored so before).
 */
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
            {displayPersonName(t, author.name)}
            {author.kind === 'guest' && <span className="comment__guest"> · {t('consultation.comment.guest')}</span>}
          </span>
          {author.organisation && (
            <>
              {' '}
              <span className="comment__organisation" title={t('consultation.comment.verifiedOrganisation')}>
                <span aria-hidden="true">✓ </span>
                {t('consultation.comment.onBehalfOf', { organisation: author.organisation.name })}
              </span>
            </>
          )}
          {' · '}
        </>
      )}
      <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale)}</time>
      {comment.editedAt && <span> · {t('consultation.comment.edited')}</span>}
    </p>
  );
}
