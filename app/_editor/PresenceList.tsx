'use client';
import { useId } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useT } from '../../lib/i18n/useT';
import { usePresence } from './usePresence';

/** "Hvem er her": everyone with the document open, each with their caret colour. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const t = useT();
  const id = useId();
  const people = usePresence(awareness);
  return (
    <aside className="presence card" aria-labelledby={id}>
      <h2 id={id}>{t('presence.heading')}</h2>
      <ul data-testid="presence-list">
        {people.map((person) => (
          <li key={person.key}>
            <span className="presence__swatch" style={{ background: person.color }} aria-hidden="true" />
            <span>{person.isSelf ? t('presence.you', { name: person.name }) : person.name}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
