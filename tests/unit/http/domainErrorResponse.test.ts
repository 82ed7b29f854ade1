import { afterEach, describe, expect, it, vi } from 'vitest';
import { handle } from '../../../app/_server/http';
import { CommentError, type CommentErrorKind } from '../../../lib/comments/CommentError';
import { DomainError, isDomainError } from '../../../lib/errors/DomainError';
import { errorMessage } from '../../../lib/i18n/t';
import { t } from '../../../lib/i18n/translator';
import { PeopleError, type PeopleErrorCode } from '../../../lib/people/PeopleError';
import { setServices, type Services } from '../../../lib/services';
import { SharingError, type SharingErrorCode } from '../../../lib/sharing/SharingError';

/**
 * Every refusal of the services becomes its HTTP answer in one place (app/_server/http.ts). The
 * statuses below are the ones each family had before there was one error type, so answers did not change.
 */
const PEOPLE: Record<PeopleErrorCode, number> = {
  invalid_input: 400,
  email_taken: 409,
  invalid_credentials: 401,
  throttled: 429,
  forbidden: 403,
  not_found: 404,
  last_admin: 409,
  invalid_token: 400,
  setup_done: 409,
  not_member: 403,
  invalid_session: 401,
};
const SHARING: Record<SharingErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  invite_unknown: 404,
  invite_expired: 410,
  invite_revoked: 410,
  request_pending: 409,
  request_not_needed: 409,
  request_decided: 409,
};
const COMMENT: Record<CommentErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_early: 425,
  rate_limited: 429,
};

const answer = (error: unknown) => handle(() => Promise.reject(error));
const body = (code: string) => ({ error: { code, message: errorMessage(t, code) } });

describe('domain errors as HTTP answers', () => {
  afterEach(() => setServices(undefined));

  it.each(Object.entries(PEOPLE))('PeopleError %s answers %i with its code', async (code, status) => {
    const response = await answer(new PeopleError(code as PeopleErrorCode, 'a sentence'));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body(code));
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('an invalid input names its first issue, as the people routes always did', async () => {
    const error = new PeopleError('invalid_input', 'invalid input', {
      issues: [
        { path: 'password', code: 'password_too_short' },
        { path: 'name', code: 'name_required' },
      ],
    });
    const response = await answer(error);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(body('password_too_short'));
  });

  it('a throttled sign-in says when to try again in whole seconds', async () => {
    const response = await answer(new PeopleError('throttled', 'too many attempts', { retryAfterMs: 1_500 }));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
  });

  it.each(Object.entries(SHARING))('SharingError %s answers %i with its code', async (code, status) => {
    const response = await answer(new SharingError(code as SharingErrorCode));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body(code));
  });

  it.each(Object.entries(COMMENT))('CommentError of kind %s answers %i with its code', async (kind, status) => {
    const response = await answer(new CommentError(kind as CommentErrorKind, 'some_code'));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body('some_code'));
    expect(response.headers.get('retry-after')).toBeNull();
  });

  it('a rate-limited or too-early comment says when to try again, at least one second', async () => {
    expect((await answer(new CommentError('rate_limited', 'rate_limited', 60_000))).headers.get('retry-after')).toBe('60');
    expect((await answer(new CommentError('too_early', 'passage_not_synced', 200))).headers.get('retry-after')).toBe('1');
  });

  it('a plain DomainError of a kind no family uses maps too', async () => {
    const response = await answer(new DomainError('unavailable', 'busy', 'the store is busy'));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual(body('busy'));
  });

  it('recognises a refusal made by another bundle’s copy of the class (the registered brand, not instanceof)', async () => {
    const foreign = Object.assign(new Error('no such person'), {
      name: 'PeopleError',
      kind: 'not_found',
      code: 'not_found',
      [Symbol.for('samskriv.DomainError')]: true,
    });
    expect(foreign instanceof DomainError).toBe(false);
    expect(isDomainError(foreign)).toBe(true);
    expect((await answer(foreign)).status).toBe(404);
  });

  it('an error merely named like a family is no refusal: 500 internal, logged', async () => {
    const logged = vi.fn();
    setServices({ logger: { info: vi.fn(), warn: vi.fn(), error: logged } } as unknown as Services);
    const lookalike = Object.assign(new Error('x'), { name: 'SharingError', code: 'not_found', kind: 'not_found' });
    const response = await answer(lookalike);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual(body('internal'));
    expect(logged).toHaveBeenCalledOnce();
  });
});
