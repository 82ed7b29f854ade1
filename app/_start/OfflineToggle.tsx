'use client';
/**
 * "Gem til offline brug" for one document on the start page: a checkbox (checked: kept on this
 * device and brought up to date whenever the list is opened online; unchecked again: removed from
 * the device), and what is true now ("Henter …", "Tilgængelig offline", or why not), announced politely.
 */
import { useId } from 'react';
import { useT } from '../../lib/i18n/useT';
import type { Translate } from '../../lib/i18n/t';
import type { LocalCopyFailure } from '../_offline/localCopy';
import type { OfflineItem } from './useOfflineShelf';
import '../_offline/offline.css';

function keepFailure(t: Translate, reason: LocalCopyFailure): string {
  if (reason === 'refused') return t('offline.keepFailed.refused');
  if (reason === 'stale') return t('offline.stale');
  if (reason === 'unavailable') return t('offline.unavailable');
  return t('offline.keepFailed.unreachable');
}

function removeFailure(t: Translate, reason: LocalCopyFailure): string {
  if (reason === 'unsaved') return t('offline.removeFailed.unsaved');
  if (reason === 'refused') return t('offline.removeFailed.refused');
  if (reason === 'stale') return t('offline.stale');
  if (reason === 'unavailable') return t('offline.unavailable');
  return t('offline.removeFailed.unreachable');
}

function stateText(t: Translate, item: OfflineItem, title: string): { text: string; state: string } {
  const { activity } = item;
  switch (activity.kind) {
    case 'fetching':
      return { text: t('offline.state.fetching'), state: 'busy' };
    case 'removing':
      return { text: t('offline.state.removing'), state: 'busy' };
    case 'keepFailed':
      return { text: keepFailure(t, activity.reason), state: 'failed' };
    case 'removeFailed':
      return { text: removeFailure(t, activity.reason), state: 'failed' };
    case 'removed':
      if (!item.available) return { text: t('offline.state.removed', { title }), state: 'removed' };
      break;
    case 'idle':
      break;
  }
  return item.available ? { text: t('offline.state.available'), state: 'available' } : { text: '', state: 'none' };
}

export function OfflineToggle({
  title,
  item,
  onKeep,
  onRemove,
}: {
  title: string;
  item: OfflineItem;
  onKeep: () => void;
  onRemove: () => void;
}) {
  const t = useT();
  const id = useId();
  const busy = item.activity.kind === 'fetching' || item.activity.kind === 'removing';
  // While busy the box shows where it is going.
  const checked = item.activity.kind === 'fetching' ? true : item.activity.kind === 'removing' ? false : item.kept;
  const { text, state } = stateText(t, item, title);
  return (
    <div className="offline-toggle">
      <label className="offline-toggle__choice" htmlFor={`${id}-keep`}>
        <input
          id={`${id}-keep`}
          type="checkbox"
          checked={checked}
          disabled={busy}
          aria-label={t('offline.keepLabel', { title })}
          aria-describedby={`${id}-state`}
          onChange={(event) => (event.currentTarget.checked ? onKeep() : onRemove())}
        />{' '}
        {t('offline.keep')}
      </label>
      <span className="offline-toggle__state" id={`${id}-state`} data-state={state} role="status">
        {text}
      </span>
    </div>
  );
}
