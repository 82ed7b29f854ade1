import { wordDiff } from '../../lib/text/wordDiff';
import { useT } from '../../lib/i18n/useT';

/** A suggested wording against the passage: removed words struck through, added words underlined. */
export function SuggestionDiff({ before, after }: { before: string; after: string }) {
  const t = useT();
  return (
    <div className="suggestion-diff">
      <p className="visually-hidden">{t('consultation.diff.explained')}</p>
      <p className="suggestion-diff__text">
        {wordDiff(before, after).map((part, index) =>
          part.kind === 'removed' ? (
            <del key={index}>{part.text}</del>
          ) : part.kind === 'added' ? (
            <ins key={index}>{part.text}</ins>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
    </div>
  );
}
