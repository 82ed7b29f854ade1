import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyPatch, loadTrace } from '../../../lib/traces/loadTrace';

describe('editing traces', () => {
  it('replays automerge-paper into a Y.Text exactly to endContent', () => {
    const trace = loadTrace('tests/fixtures/traces/automerge-paper.json.gz');
    const doc = new Y.Doc();
    const text = doc.getText('t');
    let edits = 0;
    doc.transact(() => {
      for (const txn of trace.txns)
        for (const patch of txn.patches) {
          applyPatch(text, patch, true);
          edits++;
        }
    });
    expect(edits).toBe(259_778);
    expect(text.toString()).toBe(trace.endContent);
  });

  it('counts positions in code points when the text is not ASCII', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'a😀b');
    applyPatch(text, [2, 1, 'ø'], false); // code point 2 is "b"
    expect(text.toString()).toBe('a😀ø');
    applyPatch(text, [1, 1, ''], false);
    expect(text.toString()).toBe('aø');
  });
});
