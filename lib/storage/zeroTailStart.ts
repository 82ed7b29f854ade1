/**
 * Where the run of zero bytes that ends `bytes` begins, looking no further back than `from`.
 * Log segments are preallocated with zeros, so the bytes after the last record are normally all
 * zero; anything non-zero there is what a torn write left. Scans 32-bit words where the buffer is
 * aligned for them: a segment's zero tail can be a megabyte, read on every load.
 */
export function zeroTailStart(bytes: Uint8Array, from = 0): number {
  let end = bytes.byteLength;
  // Bytes up to a 4-byte boundary of the underlying buffer, from the end.
  while (end > from && (bytes.byteOffset + end) % 4 !== 0) {
    if (bytes[end - 1] !== 0) return end;
    end--;
  }
  const firstWord = Math.ceil((bytes.byteOffset + from) / 4);
  const lastWord = (bytes.byteOffset + end) / 4;
  if (lastWord > firstWord) {
    const words = new Uint32Array(bytes.buffer, firstWord * 4, lastWord - firstWord);
    let word = words.length;
    while (word > 0 && words[word - 1] === 0) word--;
    if (word > 0) {
      // The non-zero word: its last non-zero byte ends the data.
      end = (firstWord + word) * 4 - bytes.byteOffset;
      while (bytes[end - 1] === 0) end--;
      return end;
    }
    end = firstWord * 4 - bytes.byteOffset;
  }
  while (end > from && bytes[end - 1] === 0) end--;
  return end;
}
