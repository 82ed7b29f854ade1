import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { PERSON_COLOURS } from '../../../lib/auth/colourFor';
import { encodeAwarenessEntries, rewriteAwarenessUpdate } from '../../../server/sync/awarenessRewrite';

const actor = { name: 'Karen Blixen', color: '#2e7d32' };

function clientUpdate(state: unknown): { update: Uint8Array; clientId: number } {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state as Record<string, unknown> | null);
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return { update, clientId: doc.clientID };
}

describe('rewriteAwarenessUpdate', () => {
  it('replaces the claimed name and colour and keeps everything else', () => {
    const { update, clientId } = clientUpdate({ user: { name: 'Mallory', color: '#000000', avatar: 'x' }, cursor: { anchor: 1 } });
    const result = rewriteAwarenessUpdate(update, actor);
    if (!result.ok) throw new Error(result.error);
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]?.clientId).toBe(clientId);
    expect(JSON.parse(result.entries[0]?.json ?? '')).toEqual({
      user: { name: 'Karen Blixen', color: '#2e7d32', preferredColor: '#2e7d32', avatar: 'x' },
      cursor: { anchor: 1 },
    });
  });

  it('keeps a colour the browser chose from the palette (so two people differ), never one outside it', () => {
    const chosen = (color: unknown) => {
      const result = rewriteAwarenessUpdate(clientUpdate({ user: { name: 'Mallory', color, preferredColor: '#000000' } }).update, actor);
      if (!result.ok) throw new Error(result.error);
      return JSON.parse(result.entries[0]?.json ?? '').user as { color: string; preferredColor: string };
    };
    for (const colour of PERSON_COLOURS)
      expect(chosen(colour)).toEqual({ name: 'Karen Blixen', color: colour, preferredColor: actor.color });
    expect(chosen('#1D6FB8').color).toBe('#1d6fb8');
    for (const bad of ['#ffffff', 'red', 'transparent', '#1d6fb8; x', 7, null]) expect(chosen(bad).color).toBe(actor.color);
  });

  it('adds a user to states that have none, and to bare values', () => {
    for (const state of [{ cursor: null }, 'just a string', 42, [1, 2], { user: 'not an object' }]) {
      const result = rewriteAwarenessUpdate(clientUpdate(state).update, actor);
      if (!result.ok) throw new Error(result.error);
      expect(JSON.parse(result.entries[0]?.json ?? '').user).toEqual({ name: 'Karen Blixen', color: '#2e7d32', preferredColor: '#2e7d32' });
    }
  });

  it('keeps a null state (the client leaving) as null', () => {
    const result = rewriteAwarenessUpdate(clientUpdate(null).update, actor);
    expect(result.ok && result.entries[0]?.json).toBe('null');
  });

  it('produces an update that y-protocols applies, showing the forced name', () => {
    const { update } = clientUpdate({ user: { name: 'Mallory' } });
    const result = rewriteAwarenessUpdate(update, actor);
    if (!result.ok) throw new Error(result.error);
    const receiver = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(receiver, encodeAwarenessEntries(result.entries, result.entries.length), 'test');
    const names = [...receiver.getStates().values()].map((s) => (s as { user?: { name?: string } }).user?.name);
    expect(names).toContain('Karen Blixen');
    expect(names).not.toContain('Mallory');
    receiver.destroy();
  });

  it.each([
    ['empty', new Uint8Array()],
    ['a count larger than the bytes', new Uint8Array([200, 1, 1, 0])],
    ['invalid JSON', new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b])],
    ['a truncated string', new Uint8Array([1, 5, 1, 9, 0x7b])],
    ['trailing bytes', new Uint8Array([1, 5, 1, 4, 0x6e, 0x75, 0x6c, 0x6c, 9])],
  ])('refuses %s', (_name, update) => {
    expect(rewriteAwarenessUpdate(update, actor)).toEqual({ ok: false, error: 'bad-awareness' });
  });
});
