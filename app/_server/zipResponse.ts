import { PRIVATE_NO_STORE } from './noStore';

/** A zip download: attachment with an ASCII file name, never cached. */
export function zipResponse(export_: { readonly filename: string; readonly bytes: Uint8Array }): Response {
  const filename = export_.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(Buffer.from(export_.bytes), {
    headers: {
      ...PRIVATE_NO_STORE,
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Content-Length': String(export_.bytes.byteLength),
    },
  });
}
