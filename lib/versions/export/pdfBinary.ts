/**
 * PDF bytes as a string of one character per byte (and back), so byte offsets stay string offsets
 * while the PDF's own (ASCII) syntax is searched and patched in place.
 */
export function toBinary(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return text;
}

export function fromBinary(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}
