import { getServices } from '../../lib/services';
import type { Principal } from '../../lib/people/Principal';
import { DataExport } from './DataExport';
import { DeleteAccount } from './DeleteAccount';
import { ProfileForm } from './ProfileForm';
import { SessionsList } from './SessionsList';

/** The self-service sections of /konto (issue 12): name and e-mail, sessions, the data export, deleting the account. */
export async function AccountSections({ principal }: { principal: Principal }) {
  const { selfService, config } = getServices();
  const { person, session } = principal.resolved;
  const [sessions, plan] = await Promise.all([
    selfService.listSessions(person.id, session.idHash),
    selfService.deletionPlan(person.id, person.id),
  ]);
  return (
    <>
      <ProfileForm name={person.name} email={person.email} mailConfirms={Boolean(config.SMTP_URL && config.PUBLIC_URL)} />
      <SessionsList sessions={sessions} />
      <DataExport />
      <DeleteAccount plan={plan} />
    </>
  );
}
