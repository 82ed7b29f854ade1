'use client';
import { useId } from 'react';
import { ANSWER_STATUSES, type AnswerStatus } from '../../lib/comments/model';
import { useT } from '../../lib/i18n/useT';
import type { CommentView } from './commentViews';
import { TextForm } from './TextForm';
import { ANSWER_TEXT_MAX_LENGTH } from './limits';

/** The official answer to a comment or suggestion (editors): a status and a text. */
export function AnswerForm({
  current,
  onSubmit,
  onCancel,
}: {
  current: CommentView['answer'];
  onSubmit: (status: AnswerStatus, text: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <TextForm
      testId="answer-form"
      label={t('consultation.answer.text')}
      submitLabel={t('consultation.answer.submit')}
      requiredMessage={t('consultation.answer.required')}
      maxLength={ANSWER_TEXT_MAX_LENGTH}
      initial={current?.text}
      before={
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('consultation.answer.status')}</label>
          <select id={`${id}-status`} name="status" defaultValue={current?.status ?? 'taken_into_account'}>
            {ANSWER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`consultation.answerStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
      }
      onSubmit={(text, form) => onSubmit(String(form.get('status')) as AnswerStatus, text)}
      onCancel={onCancel}
    />
  );
}
