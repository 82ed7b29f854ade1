import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATES } from '../../../lib/access/model';
import { Close } from '../../../lib/protocol';
import { downgradeClose } from '../../../server/sync/downgradeClose';

describe('downgradeClose', () => {
  it('says "published" to an editor or commenter who lost access because the document is final', () => {
    expect(downgradeClose('edit', 'view', 'final')).toEqual(Close.published);
    expect(downgradeClose('edit', 'comment', 'final')).toEqual(Close.published);
    expect(downgradeClose('comment', 'view', 'final')).toEqual(Close.published);
  });

  it.each(DOCUMENT_STATES.filter((state) => state !== 'final'))('says "access changed" for a downgrade on a %s document', (state) => {
    expect(downgradeClose('edit', 'view', state)).toEqual(Close.accessChanged);
  });

  it('says "access changed" for an upgrade, even on a final document, and when the document is gone', () => {
    expect(downgradeClose('view', 'edit', 'final')).toEqual(Close.accessChanged);
    expect(downgradeClose('edit', 'view', null)).toEqual(Close.accessChanged);
  });

  it('is a 44xx code of its own, so stock y-websocket clients stop reconnecting and the editor can tell it apart', () => {
    expect(Close.published.code).toBeGreaterThanOrEqual(4400);
    expect(Close.published.code).toBeLessThan(4500);
    const others = Object.entries(Close).filter(([name]) => name !== 'published');
    expect(others.map(([, close]) => close.code)).not.toContain(Close.published.code);
  });
});
