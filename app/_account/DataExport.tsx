import { useId } from 'react';
import { t } from '../../lib/i18n/t';

/** "Hent dine data": a plain link to the zip (the browser downloads it; no script needed). */
export function DataExport({ href = '/api/account/export' }: { href?: string }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="account-export">
      <h2 id={`${id}-heading`}>{t('account.export.heading')}</h2>
      <p>{t('account.export.intro')}</p>
      <p>
        <a className="button" href={href} download>
          {t('account.export.link')}
        </a>
      </p>
    </section>
  );
}
