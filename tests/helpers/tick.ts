/**
 * Lets every queued microtask and I/O callback run: in-memory sockets and stores settle within a
 * few turns. Not a sleep: it waits for no clock, only for work already queued.
 */
export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await tick();
}
