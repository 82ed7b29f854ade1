'use client';
import { useId } from 'react';
import { REPORT_GROUNDS, type ReportGround } from '../../lib/comments/model';
import { useT } from '../../lib/i18n/useT';
import { TextForm } from './TextForm';
import { REPORT_NOTE_MAX_LENGTH } from './limits';

/** Report a comment to the moderators: a ground and an optional note. */
export function ReportForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (ground: ReportGround, note: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <TextForm
      className="comment-form--report"
      testId="report-form"
      label={t('consultation.report.note')}
      submitLabel={t('consultation.report.submit')}
      maxLength={REPORT_NOTE_MAX_LENGTH}
      rows={2}
      before={
        <div className="field">
          <label htmlFor={`${id}-ground`}>{t('consultation.report.ground')}</label>
          <select id={`${id}-ground`} name="ground" defaultValue="offensive">
            {REPORT_GROUNDS.map((ground) => (
              <option key={ground} value={ground}>
                {t(`consultation.ground.${ground}`)}
              </option>
            ))}
          </select>
        </div>
      }
      onSubmit={(note, form) => onSubmit(String(form.get('ground')) as ReportGround, note)}
      onCancel={onCancel}
    />
  );
}
