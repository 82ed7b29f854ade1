import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getT } from '../../../_server/requestLocale';
import { getServices } from '../../../../lib/services';
import { AccountForm } from '../../../_shared/AccountForm';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('account.forgot.heading'), robots: { index: false } };
}

/** "Glemt adgangskode?": ask for a reset link by e-mail. Only with SMTP_URL set; otherwise it does not exist. */
export default async function ForgotPasswordPage() {
  if (!getServices().resetMail) notFound();
  return <AccountForm kind="forgot" next={null} />;
}
