'use client';
/**
 * A comment's text field that suggests people to mention after "@" (issue 12): the textarea keeps
 * its own role (a textbox; ARIA in HTML allows no combobox role on a textarea) and drives a listbox
 * the way a combobox does: aria-autocomplete="list", aria-controls, aria-activedescendant; arrow keys
 * move, Enter chooses, Escape closes the list (not the form); a polite status says how many people
 * were found and who was mentioned. Suggestions come from GET …/mentionable (people who can read the
 * document). Someone who cannot read it (listed only to those who may share it) is not mentioned:
 * the field says so and offers to share the document with them as a commenter first.
 * The chosen people whose "@Name" is still in the text are sent as the hidden field `mentions`.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { insertMention, mentionQueryAt, mentionsInText, type MentionQuery } from '../../lib/mentions/mentionQuery';
import type { MentionableList, MentionCandidate, MentionRef } from '../../lib/mentions/model';
import { sendJson } from '../_components/postJson';
import options from '../_shared/MentionOptions.module.css';
import styles from './MentionField.module.css';

export interface MentionFieldProps {
  readonly id: string;
  readonly documentId: string;
  readonly rows: number;
  readonly maxLength: number;
  readonly defaultValue?: string;
  /** The people `defaultValue` mentions already (an edited comment's): sent again while their "@Name" stays in the text. */
  readonly defaultMentions?: readonly MentionRef[];
  /** Ids of what else describes the field (an error). */
  readonly describedBy?: string;
  readonly invalid?: boolean;
}

/** Keys that move the caret without changing the text. */
const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/** How long typing must pause before the list is asked for (one request per pause, not per key). */
const ASK_AFTER_MS = 150;

const mentionablePath = (documentId: string, query: string) =>
  `/api/documents/${encodeURIComponent(documentId)}/mentionable?q=${encodeURIComponent(query)}`;

export function MentionField(props: MentionFieldProps) {
  const t = useT();
  const ids = useId();
  const listId = `${ids}-list`;
  const hintId = `${ids}-hint`;
  const field = useRef<HTMLTextAreaElement>(null);
  const shareButton = useRef<HTMLButtonElement>(null);
  const caretAfter = useRef<number | null>(null);
  /** `start:query` of the "@" whose list Escape closed. */
  const dismissed = useRef<string | null>(null);
  const [value, setValue] = useState(props.defaultValue ?? '');
  const [chosen, setChosen] = useState<MentionRef[]>(() => [...(props.defaultMentions ?? [])]);
  const [at, setAt] = useState<MentionQuery | null>(null);
  const [found, setFound] = useState<{ readonly query: string; readonly people: readonly MentionCandidate[] } | null>(null);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState('');
  const [blocked, setBlocked] = useState<{ readonly person: MentionCandidate; readonly at: MentionQuery } | null>(null);
  const [shareError, setShareError] = useState<string | null>(null);
  const [sharing, setSharing] = useState(false);

  const people = at !== null && found !== null && found.query === at.query ? found.people : [];
  const expanded = people.length > 0;
  const query = at?.query ?? null;

  // Asks for the people once typing pauses; a newer query cancels the older request.
  useEffect(() => {
    if (query === null) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      void fetch(mentionablePath(props.documentId, query), { signal: abort.signal, credentials: 'same-origin' })
        .then(async (response) => {
          if (!response.ok) return;
          const list = (await response.json()) as MentionableList;
          setFound({ query, people: list.people });
          setActive(0);
          setStatus(
            list.people.length > 0 ? t('mentions.count', { count: list.people.length }) : query === '' ? '' : t('mentions.none', { query }),
          );
        })
        .catch(() => {
          // Offline or cancelled: no suggestions; the text is written all the same.
        });
    }, ASK_AFTER_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query, props.documentId, t]);

  // After a choice, the caret goes right after the inserted name.
  useLayoutEffect(() => {
    if (caretAfter.current === null || !field.current) return;
    field.current.setSelectionRange(caretAfter.current, caretAfter.current);
    caretAfter.current = null;
  }, [value]);

  /** The "@" at the caret now, unless it is the one Escape closed (until what follows it changes). */
  function follow(element: HTMLTextAreaElement) {
    const caret = element.selectionStart === element.selectionEnd ? element.selectionStart : null;
    const found = caret === null ? null : mentionQueryAt(element.value, caret);
    setAt(found && `${found.start}:${found.query}` === dismissed.current ? null : found);
  }

  function mention(person: MentionRef, where: MentionQuery) {
    const next = insertMention(value, where, person.name);
    caretAfter.current = next.caret;
    setValue(next.text);
    setChosen((earlier) => [...earlier, { id: person.id, name: person.name }]);
    setAt(null);
  }

  function choose(person: MentionCandidate) {
    if (!at) return;
    if (person.canRead) {
      mention(person, at);
      setStatus(t('mentions.chosen', { name: person.name }));
      return;
    }
    setBlocked({ person, at });
    setShareError(null);
    setAt(null);
    setStatus('');
  }

  // The decision about someone who cannot read the document is the next thing to do: focus it.
  useEffect(() => {
    if (blocked) shareButton.current?.focus();
  }, [blocked]);

  async function share() {
    if (!blocked) return;
    setSharing(true);
    const result = await sendJson('POST', `/api/documents/${encodeURIComponent(props.documentId)}/mentionable/share`, {
      personId: blocked.person.id,
    });
    setSharing(false);
    if (!result.ok) {
      setShareError(errorMessage(t, result.code));
      return;
    }
    mention(blocked.person, blocked.at);
    setStatus(t('mentions.shared', { name: blocked.person.name }));
    setBlocked(null);
    field.current?.focus();
  }

  function dismiss() {
    setBlocked(null);
    setShareError(null);
    field.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!expanded) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : people.length - 1;
      setActive((current) => (current + step) % people.length);
    } else if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      choose(people[Math.min(active, people.length - 1)]!);
    } else if (event.key === 'Escape') {
      // Closes the list only; a second Escape closes the form.
      event.preventDefault();
      event.stopPropagation();
      if (at) dismissed.current = `${at.start}:${at.query}`;
      setAt(null);
      setStatus('');
    }
  }

  const optionId = (index: number) => `${ids}-option-${index}`;
  const mentioned = mentionsInText(value, chosen);
  return (
    <div className={styles.field}>
      <textarea
        ref={field}
        id={props.id}
        name="text"
        rows={props.rows}
        maxLength={props.maxLength}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          follow(event.target);
        }}
        // The caret moved without typing (keys that move it, a click): the "@" it is in now, if any.
        onKeyUp={(event) => {
          if (CARET_KEYS.has(event.key) && !(expanded && (event.key === 'ArrowUp' || event.key === 'ArrowDown')))
            follow(event.currentTarget);
        }}
        onClick={(event) => follow(event.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => setAt(null)}
        aria-autocomplete="list"
        aria-controls={listId}
        aria-activedescendant={expanded ? optionId(Math.min(active, people.length - 1)) : undefined}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={[hintId, props.describedBy].filter(Boolean).join(' ')}
        autoFocus
      />
      <p className="hint" id={hintId}>
        {t('mentions.hint')}
      </p>
      <ul id={listId} role="listbox" aria-label={t('mentions.listLabel')} className={`${options.list} ${styles.wide}`} hidden={!expanded}>
        {people.map((person, index) => (
          <li
            key={person.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? `${options.option} ${options.active}` : options.option}
            // Keeps the focus (and the caret) in the field while the pointer chooses.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(person)}
          >
            {person.canRead ? person.name : t('mentions.cannotSeeOption', { name: person.name })}
          </li>
        ))}
      </ul>
      {blocked && (
        <div className={styles.blocked} role="group" aria-labelledby={`${ids}-blocked`}>
          <p id={`${ids}-blocked`}>{t('mentions.cannotSee', { name: blocked.person.name })}</p>
          {shareError && (
            <p className="field-error" role="alert">
              {shareError}
            </p>
          )}
          <button ref={shareButton} type="button" className="button button--small" onClick={() => void share()} disabled={sharing}>
            {sharing ? t('form.working') : t('mentions.share', { name: blocked.person.name })}
          </button>{' '}
          <button type="button" className="button button--secondary button--small" onClick={dismiss}>
            {t('mentions.dismiss', { name: blocked.person.name })}
          </button>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <input type="hidden" name="mentions" value={JSON.stringify(mentioned.map((person) => person.id))} />
    </div>
  );
}

/** The person ids a submitted form's `mentions` field names (none when it has none or is not ours). */
export function mentionIdsOf(form: FormData): string[] {
  try {
    const ids: unknown = JSON.parse(String(form.get('mentions') ?? '[]'));
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
