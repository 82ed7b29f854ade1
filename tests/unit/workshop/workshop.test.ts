import { describe, expect, it } from 'vitest';
import { MODE_KEY, modeOf, tickKey, workshopView } from '../../../lib/workshop/model';
import { sectionAt, sectionKey, sectionsOf } from '../../../lib/workshop/sections';
import { anchorTimer, clockText, durationMs, momentCrossed, remainingMs, runOf } from '../../../lib/workshop/timer';
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

/** A computer's clock: `skew` milliseconds off the true time, which the test moves on. */
function clockOf(world: { time: number }, skew: number): () => number {
  return () => world.time + skew;
}

describe('workshop timer', () => {
  const mode = { facilitator: anna, section: 'formål', startedAt: 0, minutes: 5 };
  it('counts down and over', () => {
    const anchor = anchorTimer(mode, null, 0, true)!;
    expect(clockText(remainingMs(anchor, 0))).toBe('5:00');
    expect(clockText(remainingMs(anchor, 61_500))).toBe('3:58');
    expect(clockText(remainingMs(anchor, 5 * 60_000 + 65_000))).toBe('-1:05');
  });

  it('shows the same time on every computer that saw the section start, whatever their clocks say', () => {
    const world = { time: 1_800_000_000_000 };
    const facilitator = clockOf(world, 0);
    const fast = clockOf(world, 7 * 60_000); // seven minutes ahead
    const slow = clockOf(world, -3 * 60_000 - 12_345);
    const started = { facilitator: anna, section: 'formål', startedAt: facilitator(), minutes: 5 };
    // The facilitator's own write and the followers' live copies of it.
    const anchors = [facilitator, fast, slow].map((clock) => ({ clock, anchor: anchorTimer(started, null, clock(), true)! }));
    const shown = () => anchors.map(({ clock, anchor }) => clockText(remainingMs(anchor, clock())));
    expect(shown()).toEqual(['5:00', '5:00', '5:00']);
    world.time += 61_500;
    expect(shown()).toEqual(['3:58', '3:58', '3:58']);
    world.time += 5 * 60_000;
    expect(shown()).toEqual(['-1:01', '-1:01', '-1:01']);
  });

  it('keeps the anchor for the same run, and makes a new one for the next section', () => {
    const world = { time: 1_800_000_000_000 };
    const facilitator = clockOf(world, 0);
    const follower = clockOf(world, 90_000);
    const first = { facilitator: anna, section: 'formål', startedAt: facilitator(), minutes: 5 };
    const anchor = anchorTimer(first, null, follower(), true)!;
    world.time += 30_000;
    // The same run seen again (another change to the map, or a late copy of it) keeps its end.
    expect(anchorTimer({ ...first }, anchor, follower(), true)).toBe(anchor);
    expect(anchorTimer(first, anchor, follower(), false)).toBe(anchor);
    const next = { ...first, section: 'partnere', startedAt: facilitator() };
    const moved = anchorTimer(next, anchor, follower(), true)!;
    expect(moved).not.toBe(anchor);
    expect(clockText(remainingMs(moved, follower()))).toBe('5:00');
    expect(anchorTimer(null, moved, follower(), true)).toBeNull();
    expect(durationMs(next)).toBe(300_000);
    expect(runOf(next)).not.toBe(runOf(first));
  });

  it('times a run it did not see start from the facilitator’s start, never more than the whole time', () => {
    const world = { time: 1_800_000_000_000 };
    const started = { facilitator: anna, section: 'formål', startedAt: world.time, minutes: 5 };
    world.time += 2 * 60_000;
    // Same clock: two minutes gone.
    expect(clockText(remainingMs(anchorTimer(started, null, world.time, false)!, world.time))).toBe('3:00');
    // A clock behind the facilitator's start: the whole time, not more.
    const behind = world.time - 4 * 60_000;
    expect(clockText(remainingMs(anchorTimer(started, null, behind, false)!, behind))).toBe('5:00');
  });
  it('announces one minute left and time up once, not every second', () => {
    expect(momentCrossed(61_000, 60_000)).toBe('one_minute');
    expect(momentCrossed(60_000, 59_000)).toBeNull();
    expect(momentCrossed(1_000, 0)).toBe('time_up');
    expect(momentCrossed(120_000, -1)).toBe('time_up');
    expect(momentCrossed(-1, -1_000)).toBeNull();
  });
});
