import { describe, expect, it } from 'vitest';
import { ActivityAnnouncer, describeAnnouncement, newCommentsByOthers, type ListedComment } from '../../../lib/a11y/ActivityAnnouncer';
import { translator } from '../../../lib/i18n/translator';

function announcer(options: { perPersonMs?: number; gapMs?: number } = {}) {
  const clock = { now: 1_000_000 };
  const subject = new ActivityAnnouncer({ now: () => clock.now, perPersonMs: 30_000, gapMs: 3_000, ...options });
  return { subject, clock };
}

describe('ActivityAnnouncer', () => {
  it('says nothing while nothing happened', () => {
    const { subject } = announcer();
    expect(subject.nextAt()).toBeNull();
    expect(subject.take()).toEqual([]);
  });

  it('announces a person writing once, however many edits, until the per-person interval has passed', () => {
    const { subject, clock } = announcer();
    subject.edited('anna', 'Anna Jensen');
    expect(subject.nextAt()).toBe(clock.now);
    expect(subject.take()).toEqual([{ kind: 'typing', names: ['Anna Jensen'] }]);
    for (let i = 0; i < 50; i++) {
      clock.now += 500;
      subject.edited('anna', 'Anna Jensen');
      expect(subject.take()).toEqual([]);
    }
    expect(subject.nextAt()).toBeNull();
    clock.now = 1_000_000 + 30_000;
    subject.edited('anna', 'Anna Jensen');
    expect(subject.take()).toEqual([{ kind: 'typing', names: ['Anna Jensen'] }]);
  });

  it('coalesces what happens within the gap into one announcement at its end', () => {
    const { subject, clock } = announcer();
    subject.edited('anna', 'Anna Jensen');
    expect(subject.take()).toHaveLength(1);
    const start = clock.now;
    clock.now += 1_000;
    subject.edited('bo', 'Bo');
    subject.commented(['Bo']);
    clock.now += 500;
    subject.edited('carl', 'Carl');
    subject.edited('bo', 'Bo');
    expect(subject.nextAt()).toBe(start + 3_000);
    expect(subject.take()).toEqual([]);
    clock.now = start + 3_000;
    expect(subject.take()).toEqual([
      { kind: 'typing', names: ['Bo', 'Carl'] },
      { kind: 'comments', count: 1, from: 'Bo' },
    ]);
    expect(subject.nextAt()).toBeNull();
  });

  it('names the author of new comments only when they are all one person’s', () => {
    const { subject, clock } = announcer();
    subject.commented(['Bo', 'Bo']);
    expect(subject.take()).toEqual([{ kind: 'comments', count: 2, from: 'Bo' }]);
    clock.now += 3_000;
    subject.commented(['Bo', 'Anna']);
    expect(subject.take()).toEqual([{ kind: 'comments', count: 2, from: null }]);
  });

  it('keeps people apart by key, not by name', () => {
    const { subject } = announcer();
    subject.edited('læser-1', 'Læser');
    subject.edited('læser-2', 'Læser');
    expect(subject.take()).toEqual([{ kind: 'typing', names: ['Læser', 'Læser'] }]);
  });
});

describe('newCommentsByOthers', () => {
  const comment = (id: string, name: string, extra: Partial<ListedComment> = {}): ListedComment => ({
    id,
    mine: false,
    state: 'visible',
    author: { name },
    ...extra,
  });

  it('announces nothing for the first list (loading is not news)', () => {
    expect(newCommentsByOthers(null, [comment('1', 'Bo')])).toEqual([]);
  });

  it('names the authors of comments not seen before, leaving out one’s own, hidden and authorless ones', () => {
    const seen = new Set(['1']);
    const next = [
      comment('1', 'Bo'),
      comment('2', 'Bo'),
      comment('3', 'Mig', { mine: true }),
      comment('4', 'Skjult', { state: 'hidden' }),
      comment('5', '', { author: null }),
      comment('6', 'Anna'),
    ];
    expect(newCommentsByOthers(seen, next)).toEqual(['Bo', 'Anna']);
  });
});

describe('describeAnnouncement', () => {
  const da = translator('da');
  const en = translator('en');

  it('says who writes, in Danish and English', () => {
    expect(describeAnnouncement({ kind: 'typing', names: ['Anna Jensen'] }, da, 'da')).toBe('Anna Jensen skriver');
    expect(describeAnnouncement({ kind: 'typing', names: ['Anna Jensen', 'Bo'] }, da, 'da')).toBe('Anna Jensen og Bo skriver');
    expect(describeAnnouncement({ kind: 'typing', names: ['Anna Jensen'] }, en, 'en')).toBe('Anna Jensen is writing');
    expect(describeAnnouncement({ kind: 'typing', names: ['Anna', 'Bo', 'Carl'] }, en, 'en')).toBe('Anna, Bo and Carl are writing');
  });

  it('says that comments came, and from whom when one person wrote them all', () => {
    expect(describeAnnouncement({ kind: 'comments', count: 1, from: 'Bo' }, da, 'da')).toBe('Ny kommentar fra Bo');
    expect(describeAnnouncement({ kind: 'comments', count: 3, from: 'Bo' }, da, 'da')).toBe('3 nye kommentarer fra Bo');
    expect(describeAnnouncement({ kind: 'comments', count: 2, from: null }, da, 'da')).toBe('2 nye kommentarer');
    expect(describeAnnouncement({ kind: 'comments', count: 1, from: 'Bo' }, en, 'en')).toBe('New comment from Bo');
    expect(describeAnnouncement({ kind: 'comments', count: 2, from: null }, en, 'en')).toBe('2 new comments');
  });
});
