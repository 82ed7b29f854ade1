import type { DocumentState } from '../../lib/access/model';
import { t } from '../../lib/i18n/t';

/** The document's phase as a badge beside its title (server-rendered). */
export function PhaseBadge({ state }: { state: DocumentState }) {
  return (
    <span className={`badge phase-badge phase-badge--${state}`} data-testid="phase-badge">
      <span className="visually-hidden">{t('consultation.phase.label')}: </span>
      {t(`consultation.phase.${state}`)}
    </span>
  );
}
