import { NOTIFICATION_KINDS } from '../../lib/notifications/model';
import { getServices } from '../../lib/services';
import { NotificationSettingsForm } from './NotificationSettingsForm';

/** The "Notifikationer" section of /konto: the person's stored e-mail frequencies (or the defaults) in the form. */
export async function NotificationSettingsSection({ personId }: { personId: string }) {
  const { notificationSettings } = getServices();
  return (
    <NotificationSettingsForm
      initial={await notificationSettings.settingsOf(personId)}
      kinds={NOTIFICATION_KINDS}
      mailEnabled={notificationSettings.mailEnabled}
      digestHour={notificationSettings.digestHour}
    />
  );
}
