'use client';
/**
 * "Dansk / English": a plain form (it works without JavaScript) that POSTs the chosen language to
 * /api/account/locale, which stores it (on the account when signed in, in a cookie always) and
 * sends the browser back to this page, now rendered in that language. Each option is written in
 * its own language, with `lang`; the current one has `aria-current`.
 */
import { usePathname, useSearchParams } from 'next/navigation';
import { Fragment } from 'react';
import { LOCALE_NAMES, LOCALES } from '../../lib/i18n/locales';
import { useLocale, useT } from '../../lib/i18n/useT';

export function LanguageSwitch({ className = 'language-switch' }: { className?: string }) {
  const t = useT();
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <form method="post" action="/api/account/locale" className={className} aria-label={t('language.switch.label')}>
      <input type="hidden" name="next" value={search ? `${pathname}?${search}` : pathname} />
      {LOCALES.map((option, index) => (
        <Fragment key={option}>
          {index > 0 && <span aria-hidden="true"> / </span>}
          <button
            type="submit"
            name="locale"
            value={option}
            lang={option}
            className="language-switch__option"
            aria-current={option === locale ? 'true' : undefined}
          >
            {LOCALE_NAMES[option]}
          </button>
        </Fragment>
      ))}
    </form>
  );
}
