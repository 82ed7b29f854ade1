'use client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { DocumentState } from '../../lib/access/model';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { DateField } from '../_components/DateField';
import { sendJson } from '../_components/postJson';
import { useBarDialog } from '../_docbar/BarDialog';

export interface ConsultationSettingsView {
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  readonly citizensMayComment: boolean;
  readonly organisationsMayComment: boolean;
  readonly guestsMayComment: boolean;
}

export interface PhasePanelProps {
  readonly documentId: string;
  readonly state: DocumentState;
  /** The moves this person may make from here (lib/documents/phases.ts, judged by can()). */
  readonly moves: readonly DocumentState[];
  readonly consultation: ConsultationSettingsView;
  /** The document is public: only then can guests be let in. */
  readonly isPublic: boolean;
  /**
   * Issue 9: the "Udgiv…" button with its confirmation dialog (app/_versions/PublishButton) is in
   * the top bar: a move into final is made there, never from the list of moves.
   */
  readonly publishes?: boolean;
}

/** "2026-12-15" in the browser's time zone from an ISO instant (for a date field). */
function dayOf(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A date field's day as an instant: the start of the opening day, the end of the closing day. */
function instantOf(day: string, edge: 'start' | 'end'): string | null {
  if (day === '') return null;
  const date = new Date(`${day}T${edge === 'start' ? '00:00:00' : '23:59:59'}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * What the "Fase…" dialog of the document's top bar holds, for those who may change the phase:
 * the moves can() allows from here, one button each (a move closes the dialog and is said beside
 * its button), and the consultation's dates and who may comment (one form, one save: the dates
 * are checked together).
 */
export function PhasePanel({ documentId, state, moves: allMoves, consultation, isPublic, publishes = false }: PhasePanelProps) {
  const moves: readonly DocumentState[] = publishes ? allMoves.filter((next) => next !== 'final') : allMoves;
  const t = useT();
  const id = useId();
  const router = useRouter();
  const { close } = useBarDialog();
  const [phaseError, setPhaseError] = useState<string | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/documents/${encodeURIComponent(documentId)}`;

  async function move(next: DocumentState) {
    if (!moves.includes(next)) return setPhaseError(t('error.state_invalid'));
    setBusy(true);
    const result = await sendJson('PATCH', `${base}/state`, { state: next });
    setBusy(false);
    if (!result.ok) return setPhaseError(errorMessage(t, result.code));
    setPhaseError(null);
    setDone(null);
    close(t('consultation.phasePanel.moved', { phase: t(`consultation.phase.${next}`) }));
    router.refresh();
  }

  async function saveSettings(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const opensAt = instantOf(String(form.get('opensAt') ?? ''), 'start');
    const closesAt = instantOf(String(form.get('closesAt') ?? ''), 'end');
    if (opensAt && closesAt && opensAt >= closesAt) return setSettingsError(t('consultation.phasePanel.datesOrder'));
    setBusy(true);
    const result = await sendJson('PATCH', `${base}/consultation`, {
      opensAt,
      closesAt,
      citizensMayComment: form.get('citizensMayComment') === 'on',
      organisationsMayComment: form.get('organisationsMayComment') === 'on',
      guestsMayComment: form.get('guestsMayComment') === 'on',
    });
    setBusy(false);
    if (!result.ok) return setSettingsError(errorMessage(t, result.code));
    setSettingsError(null);
    setDone(t('consultation.phasePanel.saved'));
    router.refresh();
  }

  return (
    <div className="phase-panel" data-testid="phase-panel">
      <p>{t('consultation.phasePanel.current', { phase: t(`consultation.phase.${state}`) })}</p>
      {moves.length > 0 ? (
        <div className="phase-panel__move" role="group" aria-labelledby={`${id}-move`}>
          <p id={`${id}-move`} className="field-label">
            {t('consultation.phasePanel.moveTo')}
          </p>
          <ul className="phase-panel__moves">
            {moves.map((next) => (
              <li key={next}>
                <button className="button button--small button--secondary" type="button" disabled={busy} onClick={() => void move(next)}>
                  {t(`consultation.phase.${next}`)}
                </button>
              </li>
            ))}
          </ul>
          {phaseError && (
            <p className="field-error" role="alert">
              {phaseError}
            </p>
          )}
        </div>
      ) : (
        !publishes && <p className="hint">{t('consultation.phasePanel.noMoves')}</p>
      )}
      {publishes && <p className="hint">{t('docbar.phase.publishHint')}</p>}

      {(state === 'draft' || state === 'in_review' || state === 'consultation') && (
        <form className="phase-panel__settings" onSubmit={saveSettings} noValidate>
          <fieldset>
            <legend>{t('consultation.phasePanel.settings')}</legend>
            <div className="phase-panel__dates">
              <DateField label={t('consultation.phasePanel.opensAt')} name="opensAt" defaultValue={dayOf(consultation.opensAt)} />
              <DateField label={t('consultation.phasePanel.closesAt')} name="closesAt" defaultValue={dayOf(consultation.closesAt)} />
            </div>
            <p className="hint">{t('consultation.phasePanel.datesHint')}</p>
            <div className="choice">
              <input id={`${id}-citizens`} name="citizensMayComment" type="checkbox" defaultChecked={consultation.citizensMayComment} />
              <label htmlFor={`${id}-citizens`} className="choice__label">
                {t('consultation.phasePanel.citizens')}
              </label>
            </div>
            <div className="choice">
              <input
                id={`${id}-organisations`}
                name="organisationsMayComment"
                type="checkbox"
                defaultChecked={consultation.organisationsMayComment}
              />
              <label htmlFor={`${id}-organisations`} className="choice__label">
                {t('consultation.phasePanel.organisations')}
              </label>
            </div>
            <div className="choice">
              <input
                id={`${id}-guests`}
                name="guestsMayComment"
                type="checkbox"
                defaultChecked={consultation.guestsMayComment}
                aria-describedby={`${id}-guests-hint`}
              />
              <label htmlFor={`${id}-guests`} className="choice__label">
                {t('consultation.phasePanel.guests')}
              </label>
            </div>
            <p className="hint" id={`${id}-guests-hint`}>
              {t(isPublic ? 'consultation.phasePanel.guestsHint' : 'consultation.phasePanel.guestsNeedPublic')}
            </p>
          </fieldset>
          {settingsError && (
            <p className="field-error" role="alert">
              {settingsError}
            </p>
          )}
          <button className="button button--small" type="submit" disabled={busy}>
            {t('consultation.phasePanel.saveSettings')}
          </button>
        </form>
      )}
      <p role="status">{done}</p>
    </div>
  );
}
