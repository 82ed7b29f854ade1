import type { Metadata } from 'next';
import { colourFor } from '../../../lib/auth/colourFor';
import { verifySyncToken } from '../../../lib/auth/syncToken';
import { isValidDocumentId } from '../../../lib/documentId';
import { t } from '../../../lib/i18n/t';
import type { MessageKey } from '../../../lib/i18n/messages';
import { getServices } from '../../../lib/services';
import { EditorLoader } from '../../_editor/EditorLoader';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: t('app.name'), robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function Message({ message }: { message: (MessageKey & `embed.${string}`) | 'closed.notFound' }) {
  return (
    <main id="main" className="embed">
      <div className="notice" role="alert">
        <p>{t(message)}</p>
      </div>
    </main>
  );
}

/**
 * The editor alone, for other platforms to embed (`<iframe src="/embed/<id>?token=…">`). The token
 * is checked here to explain a refusal; the sync server enforces it regardless.
 */
export default async function EmbedPage({ params, searchParams }: Props) {
  const { id } = await params;
  const token = (await searchParams).token;
  if (typeof token !== 'string' || token === '') return <Message message="embed.token.missing" />;
  const { documents, secret } = getServices();
  const verified = await verifySyncToken(token, secret);
  if (!verified.ok) return <Message message={verified.reason === 'expired' ? 'embed.token.expired' : 'embed.token.invalid'} />;
  const { claims } = verified;
  if (!isValidDocumentId(id) || claims.doc !== id) return <Message message="embed.token.wrongDocument" />;
  const meta = await documents.get(id);
  // An edit token may create the document on connect; view and comment tokens need it to exist.
  if (!meta && claims.access !== 'edit') return <Message message="closed.notFound" />;
  const title = meta?.title ?? claims.title;
  const readOnly = claims.access !== 'edit';
  return (
    <main id="main" className="embed">
      {title && (
        <div className="editor-bar">
          <h1 data-testid="document-title">{title}</h1>
        </div>
      )}
      <EditorLoader
        documentId={id}
        personKey={null}
        token={token}
        user={{ name: claims.name, color: colourFor(claims.sub) }}
        readOnly={readOnly}
        {...(meta && { epoch: meta.epoch })}
      />
      <p className="embed__footer">{t('embed.poweredBy')}</p>
    </main>
  );
}
