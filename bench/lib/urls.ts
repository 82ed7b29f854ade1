import { mintSyncToken } from '../../lib/auth/syncToken';

export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

/** The sync URL for a room; Samskriv needs an edit token (which creates the room), the reference ignores it. */
export async function syncUrl(port: number, room: string, user: string): Promise<string> {
  const token = await mintSyncToken({ sub: user, name: user, doc: room, access: 'edit' }, BENCH_SECRET, 3600);
  return `ws://127.0.0.1:${port}/sync/${room}?token=${token}`;
}
