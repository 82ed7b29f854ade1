import { describe, expect, it } from 'vitest';
import { AddressLoad } from '../../../server/sync/AddressLoad';

describe('AddressLoad', () => {
  it('admits up to the socket cap per address, counting upgrades in progress', () => {
    const load = new AddressLoad({ maxSocketsPerIp: 2, maxUpgradesPerIp: 5 });
    load.addSocket('a');
    const upgrading = load.startUpgrade('a');
    expect(load.admit('a')).toBe('refuse');
    expect(load.admit('b')).toBe('admit');
    upgrading();
    upgrading(); // idempotent
    expect(load.admit('a')).toBe('admit');
  });

  it('answers with a bare refusal when too many upgrades run at once or refused sockets pile up', () => {
    const load = new AddressLoad({ maxSocketsPerIp: 2, maxUpgradesPerIp: 1 });
    const upgrading = load.startUpgrade('a');
    expect(load.admit('a')).toBe('reject');
    upgrading();
    const sockets = [load.addSocket('a'), load.addSocket('a')];
    expect(load.admit('a')).toBe('refuse');
    sockets.push(load.addSocket('a'));
    expect(load.admit('a')).toBe('reject');
    for (const close of sockets) close();
    expect(load.admit('a')).toBe('admit');
  });
});
