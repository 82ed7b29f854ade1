import { getT } from '../_server/requestLocale';

/** "Hent dine data": a plain link to the zip (the browser downloads it; no script needed). */
export async function DataExport({ href = '/api/account/export', forAdmin = false }: { href?: string; forAdmin?: boolean }) {
  const t = await getT();
  return (
    <section className="card" aria-labelledby="account-export-heading" data-testid="account-export">
      <h2 id="account-export-heading">{t(forAdmin ? 'admin.person.export' : 'account.export.heading')}</h2>
      <p>{t('account.export.intro')}</p>
      <p>
        <a className="button" href={href} download>
          {t(forAdmin ? 'admin.person.exportLink' : 'account.export.link')}
        </a>
      </p>
    </section>
  );
}
