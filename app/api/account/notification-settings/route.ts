/**
 * GET: the signed-in person's e-mail frequencies (the defaults if they never chose), every kind
 * resolved, and whether this server sends e-mail. PUT `{ frequency, kinds? }`: replaces them (same
 * origin only). Signed out: 401.
 */
import { NOTIFICATION_KINDS } from '../../../../lib/notifications/model';
import { resolvedFrequencies, type NotificationSettings } from '../../../../lib/notifications/NotificationSettings';
import { getServices } from '../../../../lib/services';
import { notificationSettingsSchema } from '../../../_shared/notificationSettingsSchema';
import { NO_STORE } from '../../../_server/commentResponses';
import { assertSameOrigin, handle, readJson } from '../../../_server/http';
import { requirePersonActor } from '../../../_server/requirePersonActor';

export const dynamic = 'force-dynamic';

function answer(settings: NotificationSettings): Response {
  const { notificationSettings } = getServices();
  return Response.json(
    {
      frequency: settings.frequency,
      kinds: settings.kinds,
      resolved: resolvedFrequencies(settings),
      availableKinds: NOTIFICATION_KINDS,
      mailEnabled: notificationSettings.mailEnabled,
      digestHour: notificationSettings.digestHour,
    },
    { headers: NO_STORE },
  );
}

export function GET(): Promise<Response> {
  return handle(async () => {
    const person = await requirePersonActor();
    return answer(await getServices().notificationSettings.settingsOf(person.id));
  });
}

export function PUT(request: Request): Promise<Response> {
  return handle(async () => {
    assertSameOrigin(request);
    const person = await requirePersonActor();
    const body = await readJson(request, notificationSettingsSchema);
    return answer(await getServices().notificationSettings.update(person.id, { frequency: body.frequency, kinds: body.kinds ?? {} }));
  });
}
