import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDateTime } from '../../../../../../lib/i18n/format';
import type { Translate } from '../../../../../../lib/i18n/t';
import { getT, requestLocale } from '../../../../../_server/requestLocale';
import { isDomainError } from '../../../../../../lib/errors/DomainError';
import type { VersionSummary } from '../../../../../../lib/versions/model';
import { compareBodies, type BodyChange, type BodyComparison } from '../../../../../../lib/versions/compare/compareBodies';
import { parseCompareQuery, type CompareTarget } from '../../../../../../lib/versions/compare/parseCompareQuery';
import { changeAnchor, changeCountText, renderComparison } from '../../../../../../lib/versions/compare/renderComparison';
import { can } from '../../../../../../lib/access/can';
import { findViewableDocument, viewableDocument } from '../../../../../_server/viewableDocument';
import styles from './compare.module.css';
import { getServices } from '../../../../../../lib/services';
import { RestoreVersion } from './RestoreVersion';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT();
  const found = await findViewableDocument((await params).id);
  return { title: found ? t('compare.title', { title: found.meta.title }) : t('notFound.heading') };
}

/** How long an excerpt in the list of changes may be. */
const EXCERPT_MAX = 80;
const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX)}…` : flat;
};

function describe(t: Translate, change: BodyChange): string {
  const deleted = excerpt(change.deletedText);
  const inserted = excerpt(change.insertedText);
  if (change.kind === 'format') return deleted ? t('compare.change.format', { text: deleted }) : t('compare.change.structure');
  if (deleted && inserted) return t('compare.change.replace', { old: deleted, new: inserted });
  if (inserted) return t('compare.change.insert', { text: inserted });
  if (deleted) return t('compare.change.delete', { text: deleted });
  return t('compare.change.structure');
}

const labelOf = (t: Translate, target: CompareTarget): string =>
  target === 'current' ? t('compare.current') : t('compare.version', { n: target });

/**
 * Two versions of a document, or a version and the current draft, compared: `?from=<n>&to=<m|current>
 * &view=inline|side`. Server-rendered and usable without JavaScript (the form is a GET); a list of
 * the changes links to each one. For everyone who may read the document.
 */
export default async function ComparePage({ params, searchParams }: Props) {
  const t = await getT();
  const { id } = await params;
  const { id: documentId, meta, actor, resource } = await viewableDocument(id, `/d/${id}/versions/compare`);
  const versions = getServices().versions;
  const list = await versions.list(actor, documentId);
  const query = parseCompareQuery(
    await searchParams,
    list.map((version) => version.number),
  );

  let problem: string | null = null;
  let comparison: BodyComparison | null = null;
  if (list.length === 0) problem = t('compare.error.noVersions');
  else if (!query.ok) problem = query.error === 'same' ? t('compare.error.same') : t('compare.error.params', { value: query.value });
  else {
    try {
      const bodyOf = async (target: CompareTarget) =>
        target === 'current'
          ? (await versions.draft(actor, documentId)).body
          : (await versions.get(actor, documentId, target)).content.body;
      const [before, after] = await Promise.all([bodyOf(query.from), bodyOf(query.to)]);
      try {
        comparison = compareBodies(before, after);
      } catch {
        problem = t('compare.error.unreadable');
      }
    } catch (error) {
      // A version that went missing between the list and the read: as a wrong number.
      if (!isDomainError(error) || error.kind !== 'not_found') throw error;
      problem = t('compare.error.params', { value: String(query.from) });
    }
  }

  const from = query.ok ? query.from : (list[0]?.number ?? 1);
  const to: CompareTarget = query.ok ? query.to : 'current';
  const view = query.ok ? query.view : 'inline';
  return (
    <div className={styles.page}>
      <p>
        <Link href={`/d/${id}`}>← {t('compare.back')}</Link>
      </p>
      <h1>
        {t('compare.heading')}: {meta.title}
      </h1>
      {list.length > 0 && <CompareForm documentId={id} versions={list} from={from} to={to} view={view} />}
      {problem !== null && (
        <p className={styles.message} role="status">
          {problem}
        </p>
      )}
      {comparison && query.ok && (
        <>
          {/* Restoring is offered where it is read: a version against the current draft, to those who may edit. */}
          {query.to === 'current' && comparison.changes.length > 0 && actor.kind === 'person' && can(actor, 'edit', resource).allowed && (
            <RestoreVersion documentId={id} number={query.from} />
          )}
          <Comparison comparison={comparison} from={query.from} to={query.to} view={query.view} />
        </>
      )}
    </div>
  );
}

async function CompareForm(props: {
  documentId: string;
  versions: readonly VersionSummary[];
  from: number;
  to: CompareTarget;
  view: 'inline' | 'side';
}) {
  const t = await getT();
  const locale = await requestLocale();
  const option = (version: VersionSummary) => (
    <option key={version.number} value={version.number}>
      {t('compare.versionOption', {
        n: version.number,
        kind: t(version.kind === 'published' ? 'compare.kind.published' : 'compare.kind.consultation_draft'),
        date: formatDateTime(version.publishedAt, locale),
      })}
    </option>
  );
  return (
    <form method="get" action={`/d/${props.documentId}/versions/compare`} className={styles.form} aria-label={t('compare.form.legend')}>
      <div>
        <label htmlFor="compare-from">{t('compare.form.from')}</label>
        <select id="compare-from" name="from" defaultValue={String(props.from)}>
          {props.versions.map(option)}
        </select>
      </div>
      <div>
        <label htmlFor="compare-to">{t('compare.form.to')}</label>
        <select id="compare-to" name="to" defaultValue={String(props.to)}>
          <option value="current">{t('compare.current')}</option>
          {props.versions.map(option)}
        </select>
      </div>
      <fieldset className={styles.views}>
        <legend>{t('compare.form.view')}</legend>
        {(['inline', 'side'] as const).map((view) => (
          <label key={view}>
            <input type="radio" name="view" value={view} defaultChecked={props.view === view} />{' '}
            {t(view === 'inline' ? 'compare.view.inline' : 'compare.view.side')}
          </label>
        ))}
      </fieldset>
      <button type="submit">{t('compare.form.submit')}</button>
    </form>
  );
}

async function Comparison({
  comparison,
  from,
  to,
  view,
}: {
  comparison: BodyComparison;
  from: number;
  to: CompareTarget;
  view: 'inline' | 'side';
}) {
  const t = await getT();
  const { changes } = comparison;
  // Side by side, each column has its own h2: the bodies' headings start one level further down.
  const rendered = renderComparison(comparison, view, t, { headingShift: view === 'side' ? 2 : 1 });
  return (
    <>
      <p id="compare-summary">
        {t('compare.summary', { from: labelOf(t, from), to: labelOf(t, to), count: changeCountText(changes.length, t) })}
      </p>
      <p className={styles.legend}>{t('compare.explained')}</p>
      {changes.length > 0 && (
        <nav aria-labelledby="compare-changes">
          <h2 id="compare-changes">{t('compare.changes.heading')}</h2>
          <ol>
            {changes.map((change) => (
              <li key={change.index}>
                <a href={`#${changeAnchor(change.index)}`}>{t('compare.changes.item', { n: change.index })}</a>: {describe(t, change)}
              </li>
            ))}
          </ol>
        </nav>
      )}
      {rendered.view === 'inline' ? (
        // No heading of its own: the body's headings (one level down) are this part's outline.
        <section aria-label={t('compare.body.heading')} className={styles.body} dangerouslySetInnerHTML={{ __html: rendered.html }} />
      ) : (
        <div className={styles.side}>
          <section aria-labelledby="compare-old">
            <h2 id="compare-old">{t('compare.side.old', { label: labelOf(t, from) })}</h2>
            <div className={styles.body} dangerouslySetInnerHTML={{ __html: rendered.oldHtml }} />
          </section>
          <section aria-labelledby="compare-new">
            <h2 id="compare-new">{t('compare.side.new', { label: labelOf(t, to) })}</h2>
            <div className={styles.body} dangerouslySetInnerHTML={{ __html: rendered.newHtml }} />
          </section>
        </div>
      )}
    </>
  );
}
