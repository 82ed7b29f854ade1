'use client';
/**
 * "Historik" beside the editor, for the document's editors (`view_history`): the timeline of
 * sessions (who, when, how many changes), "Fremhæv forfattere" (decorations, the document is
 * untouched; a legend names each author's style) and "Hvem skrev dette?" for the selection.
 */
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { Authorship } from '../../lib/authorship/Authorship';
import { errorMessage } from '../../lib/i18n/t';
import { useLocale, useT } from '../../lib/i18n/useT';
import { authorClass, highlightedAuthorsAt, setAuthorHighlights } from './AuthorHighlights';
import { authorLabel } from './authorLabel';
import { authorsBetween, highlightsOf, type LegendEntry } from './highlightsOf';

/** While a refresh runs, the previous answer stays on screen (no flicker of the timeline or the highlights). */
type Loaded =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly previous: Authorship | null }
  | { readonly kind: 'error'; readonly message: string }
  | Ready;
type Ready = { readonly kind: 'ready'; readonly authorship: Authorship };

export function HistoryPanel({ documentId, editor }: { documentId: string; editor: Editor | null }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'idle' });
  const [highlight, setHighlight] = useState(false);
  const [answer, setAnswer] = useState<string | null>(null);
  const [here, setHere] = useState<string | null>(null);

  const load = useCallback(async (): Promise<Authorship | null> => {
    setLoaded((current) => ({
      kind: 'loading',
      previous: current.kind === 'ready' ? current.authorship : current.kind === 'loading' ? current.previous : null,
    }));
    try {
      const response = await fetch(`/api/documents/${encodeURIComponent(documentId)}/authorship`, { credentials: 'same-origin' });
      const body = (await response.json().catch(() => null)) as (Authorship & { error?: { code?: string } }) | null;
      if (!response.ok || !body) {
        setLoaded({ kind: 'error', message: errorMessage(t, body?.error?.code ?? 'internal') });
        return null;
      }
      setLoaded({ kind: 'ready', authorship: body });
      return body;
    } catch {
      setLoaded({ kind: 'error', message: errorMessage(t, 'network') });
      return null;
    }
  }, [documentId, t]);

  function toggleOpen() {
    if (!open && loaded.kind === 'idle') void load();
    setOpen(!open);
  }

  // The highlights follow the latest answer while the toggle is on, and go when it is off or the panel closes.
  const authorship = loaded.kind === 'ready' ? loaded.authorship : loaded.kind === 'loading' ? loaded.previous : null;
  const shown = useMemo(() => (open && highlight && authorship ? highlightsOf(authorship, t) : null), [open, highlight, authorship, t]);
  const legend: LegendEntry[] = shown?.legend ?? [];
  useEffect(() => {
    if (editor) setAuthorHighlights(editor, shown?.highlights ?? []);
  }, [editor, shown]);
  useEffect(() => () => void (editor && setAuthorHighlights(editor, [])), [editor]);

  // With highlights on, the author at the caret is named as it moves (keyboard and screen reader users).
  useEffect(() => {
    if (!editor || !shown) return;
    const update = () => {
      const names = highlightedAuthorsAt(editor);
      setHere(names.length > 0 ? t('authorship.here', { names: names.join(', ') }) : null);
    };
    editor.on('selectionUpdate', update);
    return () => void editor.off('selectionUpdate', update);
  }, [editor, shown, t]);

  async function whoWrote() {
    if (!editor) return;
    const { from, to } = editor.state.selection;
    // Fresh from the server, so the answer includes what others wrote since the panel opened.
    const fresh = await load();
    if (!fresh) return;
    const names = authorsBetween(fresh, from, to, t);
    setAnswer(names.length > 0 ? t('authorship.whoWrote.result', { names: names.join(', ') }) : t('authorship.whoWrote.none'));
  }

  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const sessions = authorship ? [...authorship.sessions].reverse() : [];

  return (
    <section className="card history-panel" aria-labelledby={`${id}-heading`} data-testid="history-panel">
      <h2 id={`${id}-heading`}>{t('authorship.heading')}</h2>
      <p>{t('authorship.intro')}</p>
      <button className="button button--small" type="button" aria-expanded={open} aria-controls={`${id}-body`} onClick={toggleOpen}>
        {open ? t('authorship.hide') : t('authorship.show')}
      </button>
      {open && (
        <div id={`${id}-body`}>
          <p role="status" aria-live="polite">
            {loaded.kind === 'loading' ? t('authorship.loading') : ''}
          </p>
          {loaded.kind === 'error' && (
            <p className="field-error" role="alert">
              {loaded.message}
            </p>
          )}
          <p>
            <label>
              <input
                type="checkbox"
                checked={highlight}
                onChange={(event) => setHighlight(event.target.checked)}
                data-testid="highlight-authors"
              />{' '}
              {t('authorship.highlight')}
            </label>
          </p>
          {highlight && legend.length > 0 && (
            <>
              <h3 id={`${id}-legend`}>{t('authorship.legend')}</h3>
              <ul aria-labelledby={`${id}-legend`} data-testid="author-legend">
                {legend.map((entry) => (
                  <li key={entry.key}>
                    <span className={`author-swatch ${authorClass(entry.style)}`} aria-hidden="true" />
                    {t('authorship.chars', { name: entry.name, count: entry.chars })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {shown && here && (
            <p aria-live="polite" data-testid="author-here">
              {here}
            </p>
          )}
          <p>
            <button className="button button--small" type="button" onClick={() => void whoWrote()} disabled={!editor}>
              {t('authorship.whoWrote')}
            </button>
          </p>
          {answer && (
            <p role="status" data-testid="who-wrote">
              {answer}
            </p>
          )}
          <h3>{t('authorship.timeline')}</h3>
          {authorship && sessions.length === 0 && <p>{t('authorship.noSessions')}</p>}
          {sessions.length > 0 && (
            <ol reversed data-testid="history-timeline">
              {sessions.map((session) => {
                const name = authorLabel(t, session);
                const from = time.format(new Date(session.from));
                const to = time.format(new Date(session.to));
                return (
                  <li key={`${session.kind}:${session.personId ?? session.name}:${session.from}`}>
                    <time dateTime={session.from}>
                      {session.edits === 1
                        ? t('authorship.session.one', { name, from })
                        : t('authorship.session.many', { name, from, to, edits: session.edits })}
                    </time>
                  </li>
                );
              })}
            </ol>
          )}
          <p>
            <button className="button button--small" type="button" onClick={() => void load()} disabled={loaded.kind === 'loading'}>
              {t('authorship.refresh')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
