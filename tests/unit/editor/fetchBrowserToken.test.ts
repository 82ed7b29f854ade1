/** The browser token's answer as the editor reads it: the access and phase tell it the document was published while it was away. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchBrowserToken } from '../../../app/_editor/connectWithFreshTokens';
import { Close } from '../../../lib/protocol';

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchBrowserToken', () => {
  it('reads the token, epoch, access and phase', async () => {
    answer(200, { token: 't1', access: 'view', expiresIn: 300, epoch: 2, state: 'final' });
    expect(await fetchBrowserToken('/api/documents/plan/sync-token')).toEqual({
      ok: true,
      token: 't1',
      epoch: 2,
      access: 'view',
      state: 'final',
    });
  });

  it('leaves out what an older server does not say, or says wrong', async () => {
    answer(200, { token: 't2', access: 'alt', state: 'udgivet' });
    expect(await fetchBrowserToken('/api/documents/plan/sync-token')).toEqual({ ok: true, token: 't2' });
  });

  it('turns refusals into the close the server would send', async () => {
    answer(403, { error: { code: 'forbidden' } });
    expect(await fetchBrowserToken('/api/documents/plan/sync-token')).toEqual({ ok: false, close: Close.forbidden });
  });
});
