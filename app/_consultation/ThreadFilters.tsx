'use client';
import { useId } from 'react';
import { useT } from '../../lib/i18n/useT';
import { THREAD_FILTERS, THREAD_SORTS, type ThreadFilter, type ThreadSort } from './threadList';

/** Which threads to show and in what order: two selects that apply at once. */
export function ThreadFilters({
  filter,
  sort,
  onFilter,
  onSort,
}: {
  filter: ThreadFilter;
  sort: ThreadSort;
  onFilter: (filter: ThreadFilter) => void;
  onSort: (sort: ThreadSort) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="thread-filters" role="group" aria-label={t('consultation.filters.label')}>
      <div className="field">
        <label htmlFor={`${id}-filter`}>{t('consultation.filters.show')}</label>
        <select id={`${id}-filter`} value={filter} onChange={(event) => onFilter(event.target.value as ThreadFilter)}>
          {THREAD_FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(`consultation.filter.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>{t('consultation.filters.sort')}</label>
        <select id={`${id}-sort`} value={sort} onChange={(event) => onSort(event.target.value as ThreadSort)}>
          {THREAD_SORTS.map((value) => (
            <option key={value} value={value}>
              {t(`consultation.sort.${value}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
