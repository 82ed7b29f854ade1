import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getT } from '../../../../_server/requestLocale';
import { getServices } from '../../../../../lib/services';
import { DataExport } from '../../../../_account/DataExport';
import { DeleteAccount } from '../../../../_account/DeleteAccount';
import { isAdmin } from '../../../../_server/requireAdmin';
import { readPrincipal } from '../../../../_server/readPrincipal';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('admin.person.export') };
}

/** An admin acts for one person (issue 12, GDPR): downloads their data or deletes their account. */
export default async function AdminPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const t = await getT();
  const principal = await readPrincipal();
  if (!principal) redirect('/konto/log-ind');
  if (!isAdmin(principal)) notFound();
  const id = (await params).id;
  const { selfService, accountStore } = getServices();
  const person = await accountStore.getPerson(id);
  if (!person) notFound();
  const plan = await selfService.deletionPlan(principal.personId, id);
  const path = `/api/admin/people/${encodeURIComponent(id)}`;
  return (
    <>
      <section className="card">
        <h1>{person.name}</h1>
        <p>{person.email}</p>
        <p>
          <a href="/admin">{t('admin.heading')}</a>
        </p>
      </section>
      <DataExport href={`${path}/export`} forAdmin />
      <DeleteAccount plan={plan} endpoint={`${path}/account`} afterDelete="/admin" asAdmin />
    </>
  );
}
