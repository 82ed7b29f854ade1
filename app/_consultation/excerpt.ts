/** The start of a passage or comment for labels ("Svar på “Der skal være fem…”"): one line, at most `max` characters. */
export function excerpt(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
