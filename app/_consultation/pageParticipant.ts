import { headers } from 'next/headers';
import type { Participant } from '../../lib/comments/Participant';
import { readParticipant } from '../_server/readParticipant';

/**
 * The participant of a page render (pages get no Request): the same cookies and client address
 * headers as a route handler would see.
 */
export async function pageParticipant(): Promise<Participant> {
  return readParticipant(new Request('http://samskriv.invalid/', { headers: await headers() }));
}
