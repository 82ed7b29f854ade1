'use client';
import { useT } from '../../lib/i18n/useT';
import type { PlainMessageKey } from '../../lib/i18n/t';
import { SpeakerIcon } from '../_editor/icons';
import { useReadAloud } from './useReadAloud';

/** The text to read: the selection when there is one, else the whole text. */
export interface ReadAloudText {
  readonly text: string;
  readonly selection: boolean;
}

/**
 * "Læs op": reads the text (or the selection) aloud; while it reads, "Pause"/"Fortsæt" and "Stop".
 * The start button says whether a reading is going on (aria-pressed; pressing it again stops), and
 * a polite live region says what happened. Not shown where the browser has no speech synthesis.
 */
export function ReadAloud({ read, title }: { read: () => ReadAloudText; title: PlainMessageKey }) {
  const t = useT();
  const { supported, phase, message, start, pause, resume, stop } = useReadAloud();
  if (!supported) return null;
  const keepSelection = (event: { preventDefault: () => void }) => event.preventDefault();
  return (
    <div className="read-aloud" role="group" aria-label={t('readAloud.controls')} data-testid="read-aloud">
      <button
        type="button"
        className="tool tool--text read-aloud__start"
        aria-pressed={phase !== 'idle'}
        title={t(title)}
        onMouseDown={keepSelection}
        onClick={() => {
          if (phase !== 'idle') stop();
          else {
            const { text, selection } = read();
            start(text, selection);
          }
        }}
      >
        <SpeakerIcon />
        <span>{t('readAloud.label')}</span>
      </button>
      {phase !== 'idle' && (
        <>
          <button type="button" className="tool tool--text" onMouseDown={keepSelection} onClick={phase === 'paused' ? resume : pause}>
            {t(phase === 'paused' ? 'readAloud.resume' : 'readAloud.pause')}
          </button>
          <button type="button" className="tool tool--text" onMouseDown={keepSelection} onClick={stop}>
            {t('readAloud.stop')}
          </button>
        </>
      )}
      <span className="visually-hidden" role="status" data-testid="read-aloud-status">
        {message ? t(message) : ''}
      </span>
    </div>
  );
}
