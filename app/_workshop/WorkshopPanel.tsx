'use client';
/**
 * "Workshop og gode spørgsmål" beside the editor (issue 14): the toolbox's good questions for the
 * section the caret (or the workshop) is in, which the group ticks off together (who ticked each
 * is shown), the principles of co-creation, and a workshop mode: a facilitator moves the group from
 * section to section with a timer, and everyone who follows is taken to that section. The state is
 * the document's workshop map (useWorkshop.ts), shared live like the text; only editors change it.
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { useLocale, useT } from '../../lib/i18n/useT';
import { intlLocale } from '../../lib/i18n/locales';
import { ANONYMOUS_KEY } from '../../lib/offline/localNames';
import { MAX_MINUTES, tickKey, type WorkshopPerson } from '../../lib/workshop/model';
import { PRINCIPLES, questionText, questionsFor } from '../../lib/workshop/goodQuestions';
import { anchorTimer, clockText, durationMs, momentCrossed, remainingMs, runOf, type TimerAnchor } from '../../lib/workshop/timer';
import { useSections, useWorkshopMap } from './useWorkshop';

export interface WorkshopPanelProps {
  readonly doc: Y.Doc;
  readonly editor: Editor | null;
  /** The person at this browser; null for readers who are not signed in. */
  readonly person: WorkshopPerson | null;
  readonly canEdit: boolean;
  /**
   * Whether a change from this origin arrived live (the sync provider, once up to date), rather than
   * with the document's earlier state: a section seen starting live is timed on this browser's clock.
   */
  readonly isLive?: (origin: unknown) => boolean;
  /** The clock (milliseconds since the epoch); Date.now unless a test passes another. */
  readonly clock?: () => number;
}

const DEFAULT_MINUTES = 10;

export function WorkshopPanel({ doc, editor, person, canEdit, isLive, clock = Date.now }: WorkshopPanelProps) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const { sections, here } = useSections(editor);
  const [follow, setFollow] = useState(true);
  const [announcement, setAnnouncement] = useState('');
  const [now, setNow] = useState(clock);

  // Following: a new section (or a workshop starting or ending) is announced, and followers are taken there.
  const following = useRef({ sections, follow, person, editor, isLive, clock });
  useEffect(() => {
    following.current = { sections, follow, person, editor, isLive, clock };
  });
  // Where this browser's countdown ends, by its own clock (lib/workshop/timer.ts): anchored when a
  // section is seen starting, so clocks that differ between computers do not matter.
  const [anchor, setAnchor] = useState<TimerAnchor | null>(null);
  const { view, setTick, setMode } = useWorkshopMap(doc, (before, after, change) => {
    const { isLive: liveOrigin, clock: read } = following.current;
    const live = change.local || (liveOrigin?.(change.origin) ?? false);
    setAnchor((previous) => anchorTimer(after.mode, previous, read(), live));
    const key = after.mode?.section ?? null;
    if ((before.mode?.section ?? null) === key && (before.mode === null) === (after.mode === null)) return;
    if (!after.mode || key === null) return setAnnouncement(t('workshop.ended'));
    const { sections: known, follow: follows, person: me, editor: view } = following.current;
    const section = known.find((candidate) => candidate.key === key);
    setAnnouncement(t('workshop.movedTo', { section: section?.title ?? key, name: after.mode.facilitator.name }));
    if (!follows || after.mode.facilitator.id === me?.id || !view || !section) return;
    const dom = view.view.nodeDOM(section.pos);
    if (dom instanceof HTMLElement) {
      const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      dom.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    }
  });
  const mode = view.mode;
  const writable = canEdit && person !== null;
  const facilitating = mode !== null && person !== null && mode.facilitator.id === person.id;
  const shownKey = mode?.section ?? here?.key ?? sections[0]?.key ?? null;
  const shown = sections.find((section) => section.key === shownKey) ?? null;
  const index = shown ? sections.indexOf(shown) : -1;

  // A run that was going before this browser saw it (the first render, or the document's state
  // arriving) is anchored on the facilitator's start: the best there is.
  const run = mode ? runOf(mode) : null;
  if ((anchor?.run ?? null) !== run) setAnchor(anchorTimer(mode, null, clock(), false));
  const current = anchor !== null && anchor.run === run ? anchor : null;

  // The timer's face changes every second; only its moments are announced (lib/workshop/timer.ts).
  useEffect(() => {
    if (!current) return undefined;
    let last = remainingMs(current, clock());
    const timer = setInterval(() => {
      const at = clock();
      const remaining = remainingMs(current, at);
      const moment = momentCrossed(last, remaining);
      last = remaining;
      setNow(at);
      if (moment) setAnnouncement(t(moment === 'time_up' ? 'workshop.timeUp' : 'workshop.oneMinute'));
    }, 1000);
    return () => clearInterval(timer);
  }, [current, clock, t]);
  // Never more than the whole time (the last reading of the clock may be older than the anchor).
  const remaining = mode && current ? Math.min(remainingMs(current, now), durationMs(mode)) : null;

  function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const section = here ?? sections[0];
    if (!person || !section) return;
    const minutes = Number(new FormData(event.currentTarget).get('minutes'));
    setMode({ facilitator: person, section: section.key, startedAt: clock(), minutes: clampMinutes(minutes) });
  }

  function move(step: -1 | 1) {
    const next = sections[index + step];
    if (!mode || !next) return;
    setMode({ ...mode, section: next.key, startedAt: clock() });
  }

  const time = new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short' });
  const questions = shown ? questionsFor(shown.key) : [];

  return (
    <section className="card workshop-panel" aria-labelledby={`${id}-heading`} data-testid="workshop-panel">
      <h2 id={`${id}-heading`}>{t('workshop.heading')}</h2>
      <p className="visually-hidden" aria-live="polite" data-testid="workshop-announcement">
        {announcement}
      </p>
      {mode ? (
        <div className="workshop-panel__mode" data-testid="workshop-mode">
          <p>
            {t('workshop.running', { name: mode.facilitator.name })}
            <br />
            <strong>{shown?.title ?? t('workshop.sectionGone')}</strong>
          </p>
          {remaining !== null && (
            <p className={remaining < 0 ? 'workshop-panel__clock workshop-panel__clock--over' : 'workshop-panel__clock'}>
              <span role="timer" aria-label={t('workshop.timerLabel')} data-testid="workshop-timer">
                {clockText(remaining)}
              </span>{' '}
              {remaining < 0 ? t('workshop.over') : t('workshop.left')}
            </p>
          )}
          {facilitating ? (
            <div className="workshop-panel__buttons">
              <button className="button button--small" type="button" onClick={() => move(-1)} disabled={index <= 0}>
                {t('workshop.previous')}
              </button>
              <button
                className="button button--small"
                type="button"
                onClick={() => move(1)}
                disabled={index < 0 || index >= sections.length - 1}
              >
                {t('workshop.next')}
              </button>
              <button className="button button--small button--secondary" type="button" onClick={() => setMode(null)}>
                {t('workshop.end')}
              </button>
            </div>
          ) : (
            <p>
              <label>
                <input type="checkbox" checked={follow} onChange={(event) => setFollow(event.target.checked)} /> {t('workshop.follow')}
              </label>
            </p>
          )}
        </div>
      ) : (
        writable &&
        sections.length > 0 && (
          <form className="workshop-panel__start" onSubmit={start}>
            <label htmlFor={`${id}-minutes`}>{t('workshop.minutes')}</label>
            <input
              id={`${id}-minutes`}
              name="minutes"
              type="number"
              min={1}
              max={MAX_MINUTES}
              defaultValue={DEFAULT_MINUTES}
              inputMode="numeric"
            />
            <button className="button button--small" type="submit">
              {t('workshop.start')}
            </button>
          </form>
        )
      )}
      {sections.length === 0 ? (
        <p>{t('workshop.noSections')}</p>
      ) : (
        shown && (
          <>
            <h3 id={`${id}-questions`}>{t('workshop.questionsFor', { section: shown.title })}</h3>
            <ul className="workshop-panel__questions" aria-labelledby={`${id}-questions`} data-testid="workshop-questions">
              {questions.map((question) => {
                const tick = view.ticks.get(tickKey(shown.key, question.id));
                const inputId = `${id}-${question.id}`;
                return (
                  <li key={question.id}>
                    <input
                      id={inputId}
                      type="checkbox"
                      checked={tick !== undefined}
                      disabled={!writable}
                      aria-describedby={tick ? `${inputId}-by` : undefined}
                      onChange={(event) => setTick(shown.key, question.id, event.target.checked ? person : null)}
                    />{' '}
                    <label htmlFor={inputId}>{questionText(question, locale)}</label>
                    {tick && (
                      <span id={`${inputId}-by`} className="workshop-panel__by">
                        {t('workshop.tickedBy', { name: tick.by.name, time: time.format(tick.at) })}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )
      )}
      <details className="workshop-panel__principles">
        <summary>{t('workshop.principles')}</summary>
        <ul>
          {PRINCIPLES.map((principle) => (
            <li key={principle.id}>{questionText(principle, locale)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** Who ticks and facilitates from this browser: a signed-in person (readers who are not signed in change nothing). */
export function workshopPerson(personKey: string | null, name: string): WorkshopPerson | null {
  return personKey === null || personKey === ANONYMOUS_KEY ? null : { id: personKey, name };
}

function clampMinutes(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_MINUTES;
  return Math.min(MAX_MINUTES, Math.max(1, Math.round(value)));
}
