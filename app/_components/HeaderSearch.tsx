import type { Translate } from '../../lib/i18n/t';
import styles from './HeaderSearch.module.css';

/** The header's search field (issue 14): a plain GET form to /soeg, so it works without JavaScript. */
export function HeaderSearch({ t }: { t: Translate }) {
  return (
    <form className={styles.form} role="search" aria-label={t('search.header.landmark')} action="/soeg" method="get">
      <label className="visually-hidden" htmlFor="header-search">
        {t('search.header.label')}
      </label>
      <input className={styles.input} id="header-search" type="search" name="q" maxLength={200} required autoComplete="off" />
      <button className={styles.button} type="submit">
        {t('search.header.submit')}
      </button>
    </form>
  );
}
