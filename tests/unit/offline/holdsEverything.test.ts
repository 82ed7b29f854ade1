import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { holdsEverything } from '../../../lib/offline/holdsEverything';

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('holdsEverything', () => {
  it('is true for equal copies, and for a server copy that has more', () => {
    const local = new Y.Doc();
    local.getText('t').insert(0, 'Madpakker');
    const server = copyOf(local);
    expect(holdsEverything(server, local)).toBe(true);
    server.getText('t').insert(9, ' til toget');
    expect(holdsEverything(server, local)).toBe(true);
    expect(holdsEverything(local, server)).toBe(false);
  });

  it('is false when the local copy has an insertion the server lacks', () => {
    const server = new Y.Doc();
    server.getText('t').insert(0, 'Fælles');
    const local = copyOf(server);
    local.getText('t').insert(6, 'spisning');
    expect(holdsEverything(server, local)).toBe(false);
  });

  it('is false when the local copy has only a deletion the server lacks (no clock moved)', () => {
    const server = new Y.Doc();
    server.getText('t').insert(0, 'ost og rugbrød');
    const local = copyOf(server);
    local.getText('t').delete(0, 4);
    expect(Y.encodeStateVector(local)).toEqual(Y.encodeStateVector(server));
    expect(holdsEverything(server, local)).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(holdsEverything(server, local)).toBe(true);
  });

  it('leaves both documents as they were', () => {
    const server = new Y.Doc();
    const local = new Y.Doc();
    local.getText('t').insert(0, 'kun lokalt');
    holdsEverything(server, local);
    expect(server.getText('t').toString()).toBe('');
    expect(local.getText('t').toString()).toBe('kun lokalt');
  });
});
