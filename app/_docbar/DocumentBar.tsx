import Link from 'next/link';
import type { DocumentState, Visibility } from '../../lib/access/model';
import type { FollowState } from '../../lib/notifications/NotificationService';
import { ConsultationStatus } from '../_consultation/ConsultationStatus';
import { PhaseBadge } from '../_consultation/PhaseBadge';
import { PhasePanel, type ConsultationSettingsView } from '../_consultation/PhasePanel';
import { SharePanel } from '../_editor/SharePanel';
import { FollowToggle } from '../_notifications/FollowToggle';
import { getT } from '../_server/requestLocale';
import { AskToCoAuthor } from '../_sharing/AskToCoAuthor';
import { PublishButton, type PublishButtonProps } from '../_versions/PublishButton';
import { BarDialog } from './BarDialog';
import styles from './DocumentBar.module.css';

export interface DocumentBarProps {
  readonly documentId: string;
  readonly title: string;
  readonly state: DocumentState;
  readonly consultation: ConsultationSettingsView;
  readonly visibility: Visibility;
  /** The høringsnotat is there to link to (consultation, final, archived). */
  readonly hasReport: boolean;
  /** The phase moves can() allows this person from here; null: no "Fase…" (may not change the phase). */
  readonly moves: readonly DocumentState[] | null;
  /** "Udgiv…" (can() allows the move into final), with what its dialog needs. */
  readonly publish: Omit<PublishButtonProps, 'documentId' | 'title' | 'visibility'> | null;
  /** Whether the signed-in reader follows the document; null: no "Følg" (signed out). */
  readonly follow: FollowState | null;
  /** "Del" (can(manage_access)): the signed-in person's id (their own grant cannot be removed). */
  readonly shareAs: string | null;
  /** "Bed om at skrive med…": a signed-in reader who may not edit. */
  readonly mayAsk: boolean;
}

/**
 * The document page's top bar, as in the editors people know: the title (the page's one h1), the
 * consultation's status and the høringsnotat, and on the right the phase with "Fase…", "Udgiv…",
 * "Følg" and "Del". Each button is there only when can() allows what it leads to (the page decides
 * and passes it in); the dialogs hold what the panels under the document used to.
 */
export async function DocumentBar(props: DocumentBarProps) {
  const t = await getT();
  const { documentId, title, state, consultation } = props;
  return (
    <div className={styles.bar} data-testid="document-bar">
      <div className={styles.heading}>
        <Link href="/">← {t('nav.allDocuments')}</Link>
        <h1 data-testid="document-title">{title}</h1>
        <div className={styles.meta}>
          <ConsultationStatus consultation={{ state, opensAt: consultation.opensAt, closesAt: consultation.closesAt }} />
          {props.hasReport && <Link href={`/d/${documentId}/hoeringsnotat`}>{t('consultation.notat.link')}</Link>}
        </div>
      </div>
      <div className={styles.actions}>
        <span className={styles.phase}>
          <PhaseBadge state={state} />
          {props.moves && (
            <BarDialog label={t('docbar.phase.open')} title={t('consultation.phasePanel.heading')} testId="phase-dialog">
              <PhasePanel
                documentId={documentId}
                state={state}
                moves={props.moves}
                consultation={consultation}
                isPublic={props.visibility === 'public'}
                publishes={props.publish !== null}
              />
            </BarDialog>
          )}
        </span>
        {props.publish && <PublishButton documentId={documentId} title={title} visibility={props.visibility} {...props.publish} />}
        {props.follow && <FollowToggle documentId={documentId} initial={props.follow} className={styles.follow} />}
        {props.mayAsk && (
          <BarDialog label={t('docbar.ask.open')} title={t('sharing.ask.heading')} testId="ask-dialog">
            <AskToCoAuthor documentId={documentId} />
          </BarDialog>
        )}
        {props.shareAs !== null && (
          <BarDialog label={t('docbar.share.open')} title={t('docbar.share.title', { title })} primary testId="share-dialog">
            <SharePanel documentId={documentId} selfId={props.shareAs} />
          </BarDialog>
        )}
      </div>
    </div>
  );
}
