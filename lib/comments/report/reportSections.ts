/**
 * The report's passages under the document's own headings, as every rendering shows them: one
 * section per run of passages under the same heading (document order), passages before the first
 * heading under "Indledning", and the passages that are gone in a section of their own, last.
 * Each group keeps its number in the whole report (1, 2, …), so links and CSV rows agree.
 */
import type { ConsultationReport, ReportGroup } from './buildConsultationReport';

export interface ReportSection {
  readonly kind: 'heading' | 'untitled' | 'orphaned';
  /** The heading's text (kind 'heading'); empty otherwise (the renderer names it). */
  readonly heading: string;
  readonly groups: readonly { readonly group: ReportGroup; readonly number: number }[];
}

export function reportSections(report: ConsultationReport): ReportSection[] {
  const sections: { kind: ReportSection['kind']; heading: string; groups: { group: ReportGroup; number: number }[] }[] = [];
  report.groups.forEach((group, index) => {
    const kind: ReportSection['kind'] = group.kind === 'orphaned' ? 'orphaned' : group.section === null ? 'untitled' : 'heading';
    const heading = group.kind === 'passage' ? (group.section ?? '') : '';
    const last = sections.at(-1);
    if (last && last.kind === kind && last.heading === heading) last.groups.push({ group, number: index + 1 });
    else sections.push({ kind, heading, groups: [{ group, number: index + 1 }] });
  });
  return sections;
}
