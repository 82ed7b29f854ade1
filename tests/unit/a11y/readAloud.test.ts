import { describe, expect, it } from 'vitest';
import { pickVoice, speechLang } from '../../../lib/a11y/readAloud/pickVoice';
import { speechChunks } from '../../../lib/a11y/readAloud/speechChunks';

describe('speechChunks', () => {
  it('keeps short paragraphs whole and one per chunk', () => {
    expect(speechChunks('Formål\n\nLokalplanen gælder Havnen. Den træder i kraft i 2027.\n')).toEqual([
      'Formål',
      'Lokalplanen gælder Havnen. Den træder i kraft i 2027.',
    ]);
  });

  it('splits a long paragraph at sentence ends, gathering sentences up to the limit', () => {
    const sentence = (n: number) => `Sætning nummer ${n} handler om høringen.`;
    const text = Array.from({ length: 10 }, (_, i) => sentence(i + 1)).join(' ');
    const chunks = speechChunks(text, 90);
    expect(chunks.every((chunk) => chunk.length <= 90)).toBe(true);
    expect(chunks.join(' ')).toBe(text);
    expect(chunks[0]).toBe(`${sentence(1)} ${sentence(2)}`);
    // Every chunk ends a sentence.
    expect(chunks.every((chunk) => chunk.endsWith('.'))).toBe(true);
  });

  it('does not break after abbreviations followed by a lowercase word or inside numbers', () => {
    expect(speechChunks('Se f.eks. side 3. Beløbet er 1.250,50 kr. i alt.', 30)).toEqual([
      'Se f.eks. side 3.',
      'Beløbet er 1.250,50 kr. i alt.',
    ]);
  });

  it('splits a sentence longer than the limit at a comma, else at a space, losing no words', () => {
    const long = `${'ord '.repeat(20).trim()}, og ${'mere '.repeat(30).trim()}`;
    const chunks = speechChunks(long, 100);
    expect(chunks.every((chunk) => chunk.length <= 100)).toBe(true);
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(long);
    expect(chunks[0]!.endsWith(',')).toBe(true);
    expect(speechChunks('x'.repeat(250), 100)).toEqual(['x'.repeat(100), 'x'.repeat(100), 'x'.repeat(50)]);
  });

  it('collapses whitespace and drops empty lines', () => {
    expect(speechChunks('  a   b \n\n\n  \n c\td  ')).toEqual(['a b', 'c d']);
    expect(speechChunks('   ')).toEqual([]);
  });
});

describe('pickVoice', () => {
  const voice = (lang: string, name: string, extra: Partial<{ default: boolean; localService: boolean }> = {}) => ({
    lang,
    name,
    default: false,
    localService: false,
    ...extra,
  });

  it('prefers the exact language and region, then the default and local voices', () => {
    const voices = [voice('en-US', 'US'), voice('da', 'Dansk'), voice('da-DK', 'Sara', { localService: true }), voice('da-DK', 'Online')];
    expect(pickVoice(voices, 'da-DK')?.name).toBe('Sara');
    expect(pickVoice([...voices, voice('da-DK', 'Standard', { default: true })], 'da-DK')?.name).toBe('Standard');
  });

  it('falls back to the same language in another region or spelling, else null', () => {
    expect(pickVoice([voice('en-US', 'US'), voice('da_DK', 'Helle')], 'da-DK')?.name).toBe('Helle');
    expect(pickVoice([voice('en-US', 'US')], 'en-GB')?.name).toBe('US');
    expect(pickVoice([voice('en-US', 'US')], 'da-DK')).toBeNull();
    expect(pickVoice([], 'da-DK')).toBeNull();
  });
});

describe('speechLang', () => {
  it('names the region for the app’s two languages and keeps a full tag', () => {
    expect(speechLang('da')).toBe('da-DK');
    expect(speechLang('en')).toBe('en-GB');
    expect(speechLang('en-US')).toBe('en-US');
    expect(speechLang('')).toBe('da-DK');
  });
});
