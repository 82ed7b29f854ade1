'use client';
import { useEffect, useState } from 'react';
import { REPORT_GROUNDS, type ReportGround } from '../../lib/comments/model';
import { useT } from '../../lib/i18n/useT';

interface Summary {
  readonly hidden: number;
  readonly hiddenByGround: Readonly<Record<ReportGround, number>>;
}

/**
 * The public account of moderation on a document: "2 kommentarer skjult: 1 krænkende,
 * 1 personoplysninger". Fetched again whenever the comment list's revision changes.
 */
export function ModerationSummaryText({ documentId, revision }: { documentId: string; revision: number }) {
  const t = useT();
  const [summary, setSummary] = useState<Summary | null>(null);

  useEffect(() => {
    let current = true;
    fetch(`/api/documents/${encodeURIComponent(documentId)}/moderation-summary`, { credentials: 'same-origin', cache: 'no-store' })
      .then(async (response) => (response.ok ? ((await response.json()) as Summary) : null))
      .then((next) => {
        if (current && next) setSummary(next);
      })
      .catch(() => undefined /* offline: keep what was shown */);
    return () => {
      current = false;
    };
  }, [documentId, revision]);

  if (!summary || summary.hidden === 0) return null;
  const grounds = REPORT_GROUNDS.filter((ground) => (summary.hiddenByGround[ground] ?? 0) > 0)
    .map((ground) =>
      t('consultation.summary.ground', { n: summary.hiddenByGround[ground], ground: t(`consultation.groundShort.${ground}`) }),
    )
    .join(', ');
  return (
    <p className="moderation-summary" data-testid="moderation-summary">
      {summary.hidden === 1 ? t('consultation.summary.one', { grounds }) : t('consultation.summary.other', { n: summary.hidden, grounds })}
    </p>
  );
}
