import { afterEach, describe, expect, it, vi } from 'vitest';
import { handle } from '../../../app/_server/http';
import { setServices, type Services } from '../../../lib/services';
import { DocumentStorageError } from '../../../lib/storage/DocumentStorageError';
import { da } from '../../../lib/i18n/messages';

describe('a route that reads a damaged document', () => {
  afterEach(() => setServices(undefined));

  it('answers 503 document_damaged with a clear message, not 500 internal, and logs the damage', async () => {
    const error = vi.fn();
    setServices({ logger: { info: vi.fn(), warn: vi.fn(), error } } as unknown as Services);
    const damage = new DocumentStorageError('doc', 'corrupt', '/data/docs/doc/log-0000000001.bin', 'the log is damaged');
    const response = await handle(() => Promise.reject(damage));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { code: 'document_damaged', message: da['error.document_damaged'] } });
    expect(error).toHaveBeenCalledWith({ err: damage }, 'document storage damaged');
  });
});
