/**
 * Platform API: GET lists the templates a document can be created from (POST /documents
 * `template`), with names and descriptions in Danish and English and their section headings.
 */
import { templateList } from '../../../../lib/documents/templateList';
import { handle } from '../../../_server/http';
import { requireApiKey } from '../../../_server/requireApiKey';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    await requireApiKey(request, 'documents:read');
    return Response.json({ templates: templateList() }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
