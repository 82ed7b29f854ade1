import type { Metadata } from 'next';
import { authorizeEmbedToken } from '../../../lib/auth/authorizeSync';
import { colourFor } from '../../../lib/auth/colourFor';
import { Close } from '../../../lib/protocol';
import { verifySyncToken } from '../../../lib/auth/syncToken';
import { isValidDocumentId } from '../../../lib/documentId';
import { getT } from '../../_server/requestLocale';
import type { MessageKey } from '../../../lib/i18n/messages';
import { getServices } from '../../../lib/services';
import { EditorLoader } from '../../_editor/EditorLoader';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('app.name'), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function Message({ message }: { message: (MessageKey & `embed.${string}`) | 'closed.notFound' }) {
  const t = await getT();
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
  const { documents, secret, apiKeys } = getServices();
  const verified = await verifySyncToken(token, secret);
  if (!verified.ok) return <Message message={verified.reason === 'expired' ? 'embed.token.expired' : 'embed.token.invalid'} />;
  const { claims } = verified;
  if (!isValidDocumentId(id) || claims.doc !== id) return <Message message="embed.token.wrongDocument" />;
  const meta = await documents.get(id);
  // An edit token may create the document on connect; view and comment tokens need it to exist.
  if (!meta && claims.access !== 'edit') return <Message message="closed.notFound" />;
  // Tokens from other platforms: the sync server's own decision (key live, key's document, phase cap), so the page
  // neither offers editing that the server will drop nor shows a document the token will be refused on.
  const decision =
    claims.sid === undefined
      ? await authorizeEmbedToken(id, claims, {
          secret,
          resolveSession: async () => null,
          documentResource: (doc) => documents.resource(doc),
          documentCreatedBy: async (doc) => (await documents.get(doc))?.createdBy ?? null,
          apiKeyActive: (keyId) => apiKeys.isActive(keyId),
        })
      : null;
  if (decision && !decision.ok) {
    const { code, reason } = decision.close;
    if (code === Close.notFound.code) return <Message message="closed.notFound" />;
    return <Message message={reason === Close.wrongDocument.reason ? 'embed.token.wrongDocument' : 'embed.token.invalid'} />;
  }
  const title = meta?.title ?? claims.title;
  const t = await getT();
  const readOnly = (decision?.access ?? claims.access) !== 'edit';
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
        access={decision?.access ?? claims.access}
        {...(meta && { epoch: meta.epoch, state: meta.state })}
      />
      <p className="embed__footer">{t('embed.poweredBy')}</p>
    </main>
  );
}
