/**
 * The sections of a document: its level-2 headings (templates give each section one), in order.
 * A section's key is its heading's text, normalised, so the same section of every document made
 * from a template finds the same good questions, and a ticked question stays with its section
 * while the text around it changes. Two headings with the same text share a key (-2, -3 …
 * appended in order), so each still has its own.
 */
export interface Section {
  readonly key: string;
  readonly title: string;
  /** Position of the heading in the editor's document (for scrolling to it). */
  readonly pos: number;
}

/** A top-level block as the adapter reads it from the editor. */
export interface Block {
  readonly type: string;
  readonly level?: number;
  readonly text: string;
  readonly pos: number;
}

export function sectionKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLocaleLowerCase('da')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export function sectionsOf(blocks: Iterable<Block>): Section[] {
  const sections: Section[] = [];
  const seen = new Map<string, number>();
  for (const block of blocks) {
    if (block.type !== 'heading' || block.level !== 2) continue;
    const title = block.text.trim();
    const base = sectionKey(title);
    if (base === '') continue;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    sections.push({ key: count === 1 ? base : `${base}-${count}`, title, pos: block.pos });
  }
  return sections;
}

/** The section a position is in: the last heading at or before it. */
export function sectionAt(sections: readonly Section[], pos: number): Section | null {
  let found: Section | null = null;
  for (const section of sections) {
    if (section.pos > pos) break;
    found = section;
  }
  return found;
}
