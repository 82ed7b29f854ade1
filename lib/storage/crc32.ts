/**
 * CRC-32 (IEEE 802.3, the zlib/PNG polynomial), table-driven. Written out rather than taken from
 * `zlib.crc32` so lib/ stays free of Node built-ins and the log framing can be read anywhere
 * (a browser tool, a worker) with the same code the server writes it with.
 */
const TABLE = /* @__PURE__ */ (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of `bytes[start, end)`, as an unsigned 32-bit integer. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) {
    // Both indices are in range by construction; the non-null assertions keep the loop tight.
    crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
