'use client';
import { REPORT_GROUNDS, type ReportGround } from '../../lib/comments/model';
import { useT } from '../../lib/i18n/useT';

/** A labelled choice of report ground (`name="ground"`), for reporting a comment and for hiding one. */
export function GroundSelect({ id, label, defaultValue }: { id: string; label: string; defaultValue: ReportGround }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="ground" defaultValue={defaultValue}>
        {REPORT_GROUNDS.map((ground) => (
          <option key={ground} value={ground}>
            {t(`consultation.ground.${ground}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
