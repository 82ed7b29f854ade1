import { describe, expect, it } from 'vitest';
import {
  compareWithCurrentPath,
  newestPublished,
  parseVersion,
  parseVersionList,
  versionPagePath,
} from '../../../app/_versions/versionList';

const summary = (number: number, kind: string, extra: Record<string, unknown> = {}) => ({
  documentId: 'plan',
  number,
  kind,
  title: `Plan ${number}`,
  summary: 'Rettet',
  publishedAt: `2026-12-0${number}T13:05:00.000Z`,
  publishedBy: { id: 'p_1', name: 'Mona Moderator' },
  closesPhase: 'consultation',
  hash: 'sha256-00',
  ...extra,
});

describe('parseVersionList', () => {
  it('reads the versions newest first, whatever order they came in, with the publisher’s name only', () => {
    const list = parseVersionList({ versions: [summary(1, 'consultation_draft'), summary(3, 'published'), summary(2, 'published')] });
    expect(list?.map((version) => version.number)).toEqual([3, 2, 1]);
    expect(list?.[0]).toEqual({
      number: 3,
      kind: 'published',
      title: 'Plan 3',
      summary: 'Rettet',
      publishedAt: '2026-12-03T13:05:00.000Z',
      publishedByName: 'Mona Moderator',
    });
  });

  it('reads the publisher’s name as the API answers it (a plain string)', () => {
    const list = parseVersionList({ versions: [summary(1, 'published', { publishedBy: 'Mona Moderator' })] });
    expect(list?.[0]?.publishedByName).toBe('Mona Moderator');
  });

  it('is null for an answer that is no list (an HTML 404 parsed as nothing, an error body)', () => {
    expect(parseVersionList(null)).toBeNull();
    expect(parseVersionList({ error: { code: 'not_found' } })).toBeNull();
    expect(parseVersionList({ versions: 'nej' })).toBeNull();
  });

  it('leaves out entries that are not versions', () => {
    const list = parseVersionList({
      versions: [summary(0, 'published'), summary(2, 'published', { publishedAt: 'i går' }), 'x', summary(4, 'published')],
    });
    expect(list?.map((version) => version.number)).toEqual([4]);
  });
});

describe('parseVersion', () => {
  it('takes the POST answer’s version, which may leave out its kind, as published', () => {
    const { kind: _kind, ...withoutKind } = summary(5, 'published');
    expect(parseVersion(withoutKind)).toMatchObject({ number: 5, kind: 'published' });
  });

  it('keeps a known kind and refuses an unknown one as published', () => {
    expect(parseVersion(summary(1, 'consultation_draft'))?.kind).toBe('consultation_draft');
    expect(parseVersion(summary(1, 'udkast'))?.kind).toBe('published');
  });
});

describe('newestPublished', () => {
  it('skips consultation drafts: "published as version N" names a published version', () => {
    const list = parseVersionList({ versions: [summary(1, 'published'), summary(2, 'consultation_draft')] }) ?? [];
    expect(newestPublished(list)?.number).toBe(1);
    expect(newestPublished([])).toBeNull();
  });
});

describe('paths', () => {
  it('names the public page of a version and the compare view against the current draft', () => {
    expect(versionPagePath('plan-7', 3)).toBe('/p/plan-7/v/3');
    expect(compareWithCurrentPath('plan-7', 3)).toBe('/d/plan-7/versions/compare?from=3&to=current');
  });
});
