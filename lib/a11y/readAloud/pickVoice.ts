/**
 * The voice to read a text in a language with: among the browser's voices
 * (speechSynthesis.getVoices()), one for exactly that language and region (da-DK), else one for
 * the language (da, da-…), preferring the system's default and local (offline) voices; null when
 * none fits, and then the utterance names only its `lang` and the browser chooses.
 */
export interface VoiceLike {
  readonly lang: string;
  readonly name: string;
  readonly default: boolean;
  readonly localService: boolean;
}

const tag = (lang: string) => lang.replace(/_/g, '-').toLowerCase();

export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: string): V | null {
  const wanted = tag(lang);
  const primary = wanted.split('-')[0]!;
  const score = (voice: V): number => {
    const own = tag(voice.lang);
    const match = own === wanted ? 4 : own.split('-')[0] === primary ? 2 : 0;
    if (match === 0) return 0;
    return match * 4 + (voice.default ? 2 : 0) + (voice.localService ? 1 : 0);
  };
  let best: V | null = null;
  let bestScore = 0;
  for (const voice of voices) {
    const s = score(voice);
    if (s > bestScore) {
      best = voice;
      bestScore = s;
    }
  }
  return best;
}

/** The page's language (`<html lang>`: `da`, `en`, …) as the speech tag to ask for: da-DK, en-GB. */
export function speechLang(pageLang: string): string {
  const lang = tag(pageLang || 'da');
  if (lang.includes('-')) return pageLang.replace(/_/g, '-');
  return lang === 'da' ? 'da-DK' : lang === 'en' ? 'en-GB' : lang;
}
