'use client';
import { useId } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useT } from '../../lib/i18n/useT';
import { readableTextOn } from './caretLabel';
import { useDistinctColour, usePresence } from './usePresence';

/**
 * "Hvem er her": everyone with the document open, each with their caret colour and, on it, their
 * initials (not colour alone). This browser's own colour is kept different from the others' here.
 */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const t = useT();
  const id = useId();
  useDistinctColour(awareness);
  const people = usePresence(awareness);
  return (
    <aside className="presence card" aria-labelledby={id}>
      <h2 id={id}>{t('presence.heading')}</h2>
      <ul data-testid="presence-list">
        {people.map((person) => (
          <li key={person.key} data-color={person.color}>
            <span className="presence__swatch" style={{ background: person.color, color: readableTextOn(person.color) }} aria-hidden="true">
              {person.initials}
            </span>
            <span>{person.isSelf ? t('presence.you', { name: person.name }) : person.name}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
