import { describe, expect, it } from 'vitest';
import { loggablePath } from '../../../server/http/loggablePath';

describe('loggablePath', () => {
  it('masks the token of an invite link and of its accept route', () => {
    const token = 'A'.repeat(43);
    expect(loggablePath(`/invitation/${token}`)).toBe('/invitation/…');
    expect(loggablePath(`/api/invitations/${token}`)).toBe('/api/invitations/…');
  });

  it('leaves other paths alone', () => {
    expect(loggablePath('/d/abc')).toBe('/d/abc');
    expect(loggablePath('/api/documents/abc/invites')).toBe('/api/documents/abc/invites');
  });
});
