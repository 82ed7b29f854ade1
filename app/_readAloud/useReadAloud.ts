'use client';
/**
 * Reading text aloud with the browser's speech synthesis (window.speechSynthesis): the text in
 * sentence-sized pieces (lib/a11y/readAloud/speechChunks.ts: Chrome cuts an utterance off after
 * about 15 s), in the page's language (<html lang>) with the best matching voice, with pause,
 * resume and stop. `supported` is false on the server and in browsers without speech synthesis.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { pickVoice, speechLang } from '../../lib/a11y/readAloud/pickVoice';
import { speechChunks } from '../../lib/a11y/readAloud/speechChunks';
import type { PlainMessageKey } from '../../lib/i18n/t';

export type ReadAloudPhase = 'idle' | 'speaking' | 'paused';

const noSubscription = () => () => undefined;
const hasSpeech = () => typeof window.speechSynthesis === 'object' && typeof window.SpeechSynthesisUtterance === 'function';

export function useReadAloud() {
  const supported = useSyncExternalStore(noSubscription, hasSpeech, () => false);
  const [phase, setPhase] = useState<ReadAloudPhase>('idle');
  /** What the live region says about the last change. */
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  /** Which reading the callbacks belong to: a stopped or replaced reading's late events are ignored. */
  const run = useRef(0);
  const selectionRef = useRef(false);

  const start = useCallback((text: string, selection: boolean) => {
    const synth = window.speechSynthesis;
    run.current += 1;
    const id = run.current;
    synth.cancel();
    const chunks = speechChunks(text);
    if (chunks.length === 0) {
      setPhase('idle');
      setMessage('readAloud.empty');
      return;
    }
    const lang = speechLang(document.documentElement.lang);
    const voice = pickVoice(synth.getVoices(), lang);
    chunks.forEach((chunk, index) => {
      const utterance = new SpeechSynthesisUtterance(chunk);
      utterance.lang = lang;
      if (voice) utterance.voice = voice;
      if (index === chunks.length - 1) {
        utterance.onend = () => {
          if (run.current !== id) return;
          setPhase('idle');
          setMessage('readAloud.done');
        };
      }
      utterance.onerror = (event) => {
        // Cancelling (stop, a new reading) reports the queued pieces as interrupted: not a failure.
        if (run.current !== id || event.error === 'interrupted' || event.error === 'canceled') return;
        run.current += 1;
        synth.cancel();
        setPhase('idle');
        setMessage('readAloud.failed');
      };
      synth.speak(utterance);
    });
    selectionRef.current = selection;
    setPhase('speaking');
    setMessage(selection ? 'readAloud.speakingSelection' : 'readAloud.speaking');
  }, []);

  const pause = useCallback(() => {
    window.speechSynthesis.pause();
    setPhase('paused');
    setMessage('readAloud.paused');
  }, []);

  const resume = useCallback(() => {
    window.speechSynthesis.resume();
    setPhase('speaking');
    setMessage(selectionRef.current ? 'readAloud.speakingSelection' : 'readAloud.speaking');
  }, []);

  const stop = useCallback(() => {
    run.current += 1;
    window.speechSynthesis.cancel();
    setPhase('idle');
    setMessage('readAloud.stopped');
  }, []);

  // Leaving the page (or the editor) stops the reading.
  useEffect(
    () => () => {
      if (run.current > 0 && hasSpeech()) window.speechSynthesis.cancel();
    },
    [],
  );

  return { supported, phase, message, start, pause, resume, stop };
}
