/**
 * Danish CVR numbers (the business register): eight digits, never starting with 0, whose digits
 * weighted 2,7,6,5,4,3,2,1 sum to a multiple of 11. Catches typos and swapped digits before a
 * business is registered. Browser-safe, so the form and the server share it.
 */
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** The eight digits of a valid CVR number (spaces, as people group them, removed), or null. */
export function normaliseCvr(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const digits = value.replaceAll(' ', '');
  if (!/^[1-9][0-9]{7}$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(digits[i]) * (WEIGHTS[i] ?? 0);
  return sum % 11 === 0 ? digits : null;
}

export function isValidCvr(value: unknown): boolean {
  return normaliseCvr(value) !== null;
}
