/** documentText over a whole editing trace: a slow test by nature (the `slow` project); the rest is anchorsDocumentText.test.ts. */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { documentText } from '../../../lib/comments/anchors/documentText';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { loadTrace } from '../../../lib/traces/loadTrace';
import { paragraphs, seededDoc } from './anchorsFixtures';

const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment(BODY_FRAGMENT);

describe('documentText', () => {
  it('reads the automerge-paper trace (about 105,000 characters, 12,000 lines) exactly', () => {
    const trace = loadTrace('tests/fixtures/traces/automerge-paper.json.gz');
    const doc = seededDoc(paragraphs(...trace.endContent.split('\n')));
    const model = documentText(fragmentOf(doc));
    expect(model.text).toBe(trace.endContent);
    for (const offset of [0, 1, 5000, 52_000, trace.endContent.length]) {
      const location = model.locate(offset, 'end')!;
      expect(model.offsetOf(location.type, location.index)).toBe(offset);
    }
  });
});
