import type { Metadata } from 'next';
import type { Translate } from '../../../../lib/i18n/t';
import { getT } from '../../../_server/requestLocale';
import { kindLabel } from '../../../../lib/notifications/kindLabel';
import type { UnsubscribeView } from '../../../../lib/notifications/NotificationSettingsService';
import { getServices } from '../../../../lib/services';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('unsubscribe.heading'), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const whatOf = (t: Translate, view: UnsubscribeView) =>
  view.scope === 'all'
    ? t(view.stopped ? 'unsubscribe.done.all' : 'unsubscribe.what.all', { email: view.email })
    : t(view.stopped ? 'unsubscribe.done.kind' : 'unsubscribe.what.kind', { email: view.email, kind: kindLabel(t, view.scope) });

/**
 * An e-mail's unsubscribe link, without signing in. Opening it changes nothing (mail scanners
 * follow links): it says what would stop, and the button POSTs. Once stopped, it says so.
 */
export default async function UnsubscribePage({ searchParams }: Props) {
  const t = await getT();
  const token = (await searchParams).token;
  const view = typeof token === 'string' ? await getServices().notificationSettings.viewUnsubscribe(token) : null;
  if (!view || typeof token !== 'string') {
    return (
      <section className="card name-gate" data-testid="unsubscribe-invalid">
        <h1>{t('unsubscribe.invalid.heading')}</h1>
        <p role="alert">{t('unsubscribe.invalid.body')}</p>
        <p>
          <a href="/konto#notifikationer">{t('unsubscribe.settings')}</a>
        </p>
      </section>
    );
  }
  return (
    <section className="card name-gate" data-testid="unsubscribe">
      <h1>{t('unsubscribe.heading')}</h1>
      {view.stopped ? (
        <p role="status" data-testid="unsubscribe-done">
          {whatOf(t, view)}
        </p>
      ) : (
        <>
          <p>{whatOf(t, view)}</p>
          <p>{t('unsubscribe.inApp')}</p>
          <form method="post" action={`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`}>
            <input type="hidden" name="from" value="page" />
            <button className="button" type="submit">
              {t('unsubscribe.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <a href="/konto#notifikationer">{t('unsubscribe.settings')}</a>
      </p>
    </section>
  );
}
