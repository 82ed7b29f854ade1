'use client';
import { useId } from 'react';
import type { ReportGround } from '../../lib/comments/model';
import { useT } from '../../lib/i18n/useT';
import { GroundSelect } from './GroundSelect';
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
      before={<GroundSelect id={`${id}-ground`} label={t('consultation.report.ground')} defaultValue="offensive" />}
      onSubmit={(note, form) => onSubmit(String(form.get('ground')) as ReportGround, note)}
      onCancel={onCancel}
    />
  );
}
