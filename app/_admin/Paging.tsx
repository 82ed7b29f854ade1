'use client';
import { useT } from '../../lib/i18n/useT';

/** "Forrige side · Side 2 af 5 · Næste side" as plain links (shareable, back button works); nothing for one page. */
export function Paging({
  label,
  offset,
  limit,
  total,
  href,
}: {
  label: string;
  offset: number;
  limit: number;
  total: number;
  href: (offset: number) => string;
}) {
  const t = useT();
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="admin-paging">
      {page > 1 && <a href={href(Math.max(0, offset - limit))}>{t('admin.people.previous')}</a>}
      <span>{t('admin.people.pageOf', { page, pages })}</span>
      {page < pages && <a href={href(offset + limit)}>{t('admin.people.next')}</a>}
    </nav>
  );
}
