import { describe, expect, it } from 'vitest';
import { OrderedOutbox } from '../../../server/sync/OrderedOutbox';

describe('OrderedOutbox', () => {
  it('runs ready steps at once when nothing waits before them', () => {
    const ran: string[] = [];
    const outbox = new OrderedOutbox(() => {});
    outbox.push(() => ran.push('a'), true);
    expect(ran).toEqual(['a']);
    expect(outbox.size).toBe(0);
  });

  it('runs steps in arrival order even when they become ready out of order', async () => {
    const ran: string[] = [];
    const outbox = new OrderedOutbox(() => {});
    const first = outbox.push(() => ran.push('first'), false);
    const second = outbox.push(() => ran.push('second'), false);
    outbox.push(() => ran.push('reply'), true);
    outbox.markReady(second);
    await Promise.resolve();
    expect(ran).toEqual([]);
    outbox.markReady(first);
    await Promise.resolve();
    expect(ran).toEqual(['first', 'second', 'reply']);
  });

  it('runs the steps a group commit makes ready together inside one batch', async () => {
    const ran: string[] = [];
    const outbox = new OrderedOutbox(
      () => {},
      (run) => {
        ran.push('cork');
        run();
        ran.push('uncork');
      },
    );
    const a = outbox.push(() => ran.push('a'), false);
    const b = outbox.push(() => ran.push('b'), false);
    const c = outbox.push(() => ran.push('c'), false);
    // Resolved in the same tick, as a group commit resolves its appends.
    outbox.markReady(a);
    outbox.markReady(b);
    await Promise.resolve();
    expect(ran).toEqual(['cork', 'a', 'b', 'uncork']);
    outbox.markReady(c);
    await Promise.resolve();
    // A single step needs no batch.
    expect(ran).toEqual(['cork', 'a', 'b', 'uncork', 'c']);
  });

  it('keeps going after a step throws, and reports it', () => {
    const errors: unknown[] = [];
    const ran: string[] = [];
    const outbox = new OrderedOutbox((error) => errors.push(error));
    outbox.push(() => {
      throw new Error('boom');
    }, true);
    outbox.push(() => ran.push('after'), true);
    expect(ran).toEqual(['after']);
    expect(errors).toHaveLength(1);
  });

  it('runs a step queued by a running step after it, not inside it', () => {
    const ran: string[] = [];
    const outbox = new OrderedOutbox(() => {});
    outbox.push(() => {
      outbox.push(() => ran.push('inner'), true);
      ran.push('outer');
    }, true);
    expect(ran).toEqual(['outer', 'inner']);
  });

  it('resolves drained() when the queue empties or is cleared', async () => {
    const outbox = new OrderedOutbox(() => {});
    await outbox.drained();
    const entry = outbox.push(() => {}, false);
    let drained = false;
    const waiting = outbox.drained().then(() => (drained = true));
    await Promise.resolve();
    expect(drained).toBe(false);
    outbox.markReady(entry);
    await waiting;
    outbox.push(() => {}, false);
    const cleared = outbox.drained();
    outbox.clear();
    await cleared;
  });
});
