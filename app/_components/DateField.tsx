'use client';
import { useId, useState } from 'react';
import { formatCalendarDay } from '../../lib/i18n/formatCalendarDay';
import { useLocale, useT } from '../../lib/i18n/useT';

export interface DateFieldProps {
  readonly label: string;
  readonly name: string;
  /** "2026-12-15", or '' for none. */
  readonly defaultValue: string;
  /** Also describes the field (a hint that belongs to it). */
  readonly describedBy?: string;
}

/**
 * A date field whose chosen day is also written out in the page's language beside it ("Valgt:
 * 15. december 2026" / "Chosen: 15 December 2026"), updated as the day is typed or picked: the
 * browser shows the field itself in its own locale's order (mm/dd/yyyy in an American Chromium),
 * whatever the page's language, so the words make the day unambiguous. The words are the field's
 * description (read with it on focus), not a live region, so typing a date is not talked over.
 */
export function DateField({ label, name, defaultValue, describedBy }: DateFieldProps) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [day, setDay] = useState(defaultValue);
  const words = formatCalendarDay(day, locale);
  return (
    <div className="field date-field">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        name={name}
        type="date"
        defaultValue={defaultValue}
        aria-describedby={[`${id}-chosen`, describedBy].filter(Boolean).join(' ')}
        onChange={(event) => setDay(event.currentTarget.value)}
        onInput={(event) => setDay(event.currentTarget.value)}
      />
      <p className="hint date-field__chosen" id={`${id}-chosen`} data-testid="date-field-chosen">
        {words ? t('dateField.chosen', { date: words }) : t('dateField.none')}
      </p>
    </div>
  );
}
