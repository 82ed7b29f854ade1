import type { CoAuthorRequest } from '../../lib/sharing/SharingStore';
import { getServices } from '../../lib/services';
import type { RequestSummary } from '../_shared/InviteSummary';

/** Requests with the requester's name (unknown people keep an empty name). */
export async function toRequestSummaries(requests: readonly CoAuthorRequest[]): Promise<RequestSummary[]> {
  const { accountStore } = getServices();
  const summaries: RequestSummary[] = [];
  for (const request of requests) {
    const person = await accountStore.getPerson(request.personId);
    summaries.push({
      id: request.id,
      personId: request.personId,
      name: person?.name ?? '',
      message: request.message,
      state: request.state,
      createdAt: request.createdAt,
    });
  }
  return summaries;
}
