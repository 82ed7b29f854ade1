import { describe, expect, it } from 'vitest';
import { MODE_KEY, modeOf, tickKey, workshopView } from '../../../lib/workshop/model';
import { sectionAt, sectionKey, sectionsOf } from '../../../lib/workshop/sections';
import { clockText, momentCrossed, remainingMs } from '../../../lib/workshop/timer';
import { PRINCIPLES, questionsFor } from '../../../lib/workshop/goodQuestions';

const anna = { id: 'p_anna', name: 'Anna Jensen' };

describe('workshop sections', () => {
  it('are the level-2 headings, keyed by their text, duplicates numbered', () => {
    const sections = sectionsOf([
      { type: 'heading', level: 2, text: ' Formål ', pos: 0 },
      { type: 'paragraph', text: 'Tekst', pos: 8 },
      { type: 'heading', level: 3, text: 'Underafsnit', pos: 20 },
      { type: 'heading', level: 2, text: 'Målgruppe og partnere!', pos: 40 },
      { type: 'heading', level: 2, text: 'Formål', pos: 60 },
      { type: 'heading', level: 2, text: '   ', pos: 70 },
    ]);
    expect(sections).toEqual([
      { key: 'formål', title: 'Formål', pos: 0 },
      { key: 'målgruppe-og-partnere', title: 'Målgruppe og partnere!', pos: 40 },
      { key: 'formål-2', title: 'Formål', pos: 60 },
    ]);
    expect(sectionAt(sections, 50)?.key).toBe('målgruppe-og-partnere');
    expect(sectionAt(sections, 0)?.key).toBe('formål');
    expect(sectionKey('ØKONOMI')).toBe('økonomi');
  });

  it('find their good questions, and any section finds general ones', () => {
    expect(questionsFor('formål').map((question) => question.id)).toContain('hvem-har-brug');
    expect(questionsFor('formål-2')).toBe(questionsFor('formål'));
    expect(questionsFor('noget-helt-andet').length).toBeGreaterThan(0);
    const ids = [...PRINCIPLES, ...questionsFor('partnere')].map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const question of [...PRINCIPLES, ...questionsFor('evaluering')]) expect(question.da && question.en).toBeTruthy();
  });
});

describe('workshop state from the shared map', () => {
  it('reads ticks and the mode, and leaves out what has the wrong shape', () => {
    const mode = { facilitator: anna, section: 'formål', startedAt: 1_000, minutes: 10 };
    const view = workshopView([
      [MODE_KEY, mode],
      [tickKey('formål', 'hvem-har-brug'), { by: anna, at: 5 }],
      [tickKey('formål', 'succes'), { by: { id: 'p_x' }, at: 5 }],
      [tickKey('formål', 'faelles-maal'), 'ja'],
      ['noget-andet', { by: anna, at: 5 }],
    ]);
    expect(view.mode).toEqual(mode);
    expect([...view.ticks.keys()]).toEqual([tickKey('formål', 'hvem-har-brug')]);
  });

  it.each([
    ['minutes out of range', { facilitator: anna, section: 'a', startedAt: 1, minutes: 0 }],
    ['fractional minutes', { facilitator: anna, section: 'a', startedAt: 1, minutes: 1.5 }],
    ['no facilitator name', { facilitator: { id: 'p', name: ' ' }, section: 'a', startedAt: 1, minutes: 5 }],
    ['no start', { facilitator: anna, section: 'a', minutes: 5 }],
    ['an array', [anna]],
  ])('refuses a mode with %s', (_what, value) => {
    expect(modeOf(value)).toBeNull();
  });
});

describe('workshop timer', () => {
  const mode = { facilitator: anna, section: 'formål', startedAt: 0, minutes: 5 };
  it('counts down and over', () => {
    expect(clockText(remainingMs(mode, 0))).toBe('5:00');
    expect(clockText(remainingMs(mode, 61_500))).toBe('3:58');
    expect(clockText(remainingMs(mode, 5 * 60_000 + 65_000))).toBe('-1:05');
  });
  it('announces one minute left and time up once, not every second', () => {
    expect(momentCrossed(61_000, 60_000)).toBe('one_minute');
    expect(momentCrossed(60_000, 59_000)).toBeNull();
    expect(momentCrossed(1_000, 0)).toBe('time_up');
    expect(momentCrossed(120_000, -1)).toBe('time_up');
    expect(momentCrossed(-1, -1_000)).toBeNull();
  });
});
