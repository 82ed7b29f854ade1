import type { DocumentState } from '../../lib/access/model';
import { getT } from '../_server/requestLocale';

/** The document's phase as a badge beside its title (server-rendered). */
export async function PhaseBadge({ state }: { state: DocumentState }) {
  const t = await getT();
  return (
    <span className={`badge phase-badge phase-badge--${state}`} data-testid="phase-badge">
      <span className="visually-hidden">{t('consultation.phase.label')}: </span>
      {t(`consultation.phase.${state}`)}
    </span>
  );
}
