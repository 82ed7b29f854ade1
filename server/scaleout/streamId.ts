/** Redis stream ids (`<ms>-<seq>`), compared as the numbers they are (string order is wrong: "9-0" > "10-0"). */
export function compareStreamIds(a: string, b: string): number {
  const [aMs, aSeq] = parts(a);
  const [bMs, bSeq] = parts(b);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  if (aSeq !== bSeq) return aSeq < bSeq ? -1 : 1;
  return 0;
}

function parts(id: string): [bigint, bigint] {
  const dash = id.indexOf('-');
  if (dash === -1) return [BigInt(id), 0n];
  return [BigInt(id.slice(0, dash)), BigInt(id.slice(dash + 1))];
}
