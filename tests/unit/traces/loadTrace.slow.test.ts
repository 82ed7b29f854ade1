import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyPatch, loadTrace, TraceReplayer } from '../../../lib/traces/loadTrace';

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

describe('TraceReplayer', () => {
  it('replays seph-blog1 (not ASCII) exactly to endContent', () => {
    const trace = loadTrace('tests/fixtures/traces/seph-blog1.json.gz');
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, trace.startContent);
    const replayer = new TraceReplayer(text);
    doc.transact(() => {
      for (const txn of trace.txns) for (const patch of txn.patches) replayer.apply(patch);
    });
    expect(text.toString()).toBe(trace.endContent);
  });

  it('agrees with splicing an array of code points, emoji and all, over random patches', () => {
    const alphabet = ['a', 'b', 'ø', 'Å', '😀', '𝔸', '\u{1F9D1}\u{200D}\u{1F33E}', ' '];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'start 😀 her');
    const reference = [...'start 😀 her'];
    const replayer = new TraceReplayer(text);
    for (let step = 0; step < 3000; step++) {
      const position = random(reference.length + 1);
      const deleted = random(Math.min(4, reference.length - position) + 1);
      let inserted = '';
      for (let i = random(4); i > 0; i--) inserted += alphabet[random(alphabet.length)];
      reference.splice(position, deleted, ...inserted);
      replayer.apply([position, deleted, inserted]);
      if (step % 500 === 0) expect(text.toString()).toBe(reference.join(''));
    }
    expect(text.toString()).toBe(reference.join(''));
    // A fresh replayer over the same text picks up where this one left off.
    new TraceReplayer(text).apply([1, 1, '😀']);
    reference.splice(1, 1, '😀');
    expect(text.toString()).toBe(reference.join(''));
  });
});
