/** Version numbers as they come in a path or a query: 1, 2, … written plainly (no sign, no leading zero, at most 9 digits). */
export function parseVersionNumber(raw: string | null | undefined): number | null {
  return typeof raw === 'string' && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}
