/**
 * A ProseMirror document seen one position at a time: every position inside `doc.content` holds
 * exactly one atom (a UTF-16 unit of text, a node's opening, a node's closing, or a leaf node),
 * which is also how prosemirror-changeset counts. Atoms group into tokens (words, single other
 * characters, structure) that the comparison diffs, so changes are marked in whole words.
 */
import type { Fragment, Mark, Node as PMNode } from '@tiptap/pm/model';

export const AtomKind = {
  /** Part of a word: letters, digits, combining marks, and the joiners words keep (see lib/text/wordDiff). */
  Word: 0,
  /** Any other character: space, punctuation. */
  Other: 1,
  Open: 2,
  Close: 3,
  Leaf: 4,
} as const;
export type AtomKind = (typeof AtomKind)[keyof typeof AtomKind];

const WORD = /^[\p{L}\p{N}\p{M}_'’-]+$/u;
/** Every closing looks the same: the openings say what the node is (so a retyped block is one change). */
export const CLOSE_KEY = '>';

const markKeys = new WeakMap<readonly Mark[], string>();

/** The marks on a piece of text, as a key equal for equal marks (type and attributes). */
export function marksKey(marks: readonly Mark[]): string {
  let key = markKeys.get(marks);
  if (key === undefined) {
    key = marks.map((mark) => mark.type.name + JSON.stringify(mark.attrs)).join('+');
    markKeys.set(marks, key);
  }
  return key;
}

/** A node's opening (or a leaf), as a key equal for equal type and attributes. */
export function nodeKey(node: PMNode): string {
  return `<${node.type.name}${JSON.stringify(node.attrs)}`;
}

/** Whether a character (one UTF-16 unit, or a surrogate pair) belongs to a word; ASCII without the regex. */
function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128)
    return (
      (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 39 || code === 45
    );
  return WORD.test(char);
}

export class BodyAtoms {
  readonly keys: string[] = [];
  readonly kinds: Uint8Array;
  /** 1 at positions holding the first half of a surrogate pair (never split from the second). */
  private readonly pairStarts: Uint8Array;

  constructor(readonly doc: PMNode) {
    this.kinds = new Uint8Array(doc.content.size);
    this.pairStarts = new Uint8Array(doc.content.size);
    this.walk(doc.content);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Whether `[from, to)` holds anything a reader sees (text or a leaf), not only openings and closings. */
  hasContent(from: number, to: number): boolean {
    for (let pos = from; pos < to; pos++) if (this.kinds[pos] !== AtomKind.Open && this.kinds[pos] !== AtomKind.Close) return true;
    return false;
  }

  /** Whether `[from, to)` is not empty and holds only openings (a node's type or attributes). */
  onlyOpenings(from: number, to: number): boolean {
    if (from >= to) return false;
    for (let pos = from; pos < to; pos++) if (this.kinds[pos] !== AtomKind.Open) return false;
    return true;
  }

  /** Whether `[from, to)` holds only closings (nothing a reader could see as a change). */
  onlyClosings(from: number, to: number): boolean {
    for (let pos = from; pos < to; pos++) if (this.kinds[pos] !== AtomKind.Close) return false;
    return true;
  }

  /** Whether a token may begin at `pos` (between atoms pos-1 and pos). */
  isBoundary(pos: number): boolean {
    if (pos <= 0 || pos >= this.keys.length) return true;
    if (this.pairStarts[pos - 1] === 1) return false;
    return !(this.kinds[pos - 1] === AtomKind.Word && this.kinds[pos] === AtomKind.Word);
  }

  /**
   * The tokens of `[from, to)` (both boundaries): their keys, where each starts (`starts` ends with
   * `to`), and how each changes the depth (+1 an opening, -1 a closing, 0 the rest).
   */
  tokens(from: number, to: number): { keys: string[]; starts: number[]; depths: number[]; kinds: AtomKind[] } {
    const keys: string[] = [];
    const starts: number[] = [];
    const depths: number[] = [];
    const kinds: AtomKind[] = [];
    let pos = from;
    while (pos < to) {
      let end = pos + 1;
      while (end < to && !this.isBoundary(end)) end++;
      starts.push(pos);
      keys.push(end === pos + 1 ? (this.keys[pos] as string) : this.keys.slice(pos, end).join(''));
      const kind = this.kinds[pos] as AtomKind;
      kinds.push(kind);
      depths.push(kind === AtomKind.Open ? 1 : kind === AtomKind.Close ? -1 : 0);
      pos = end;
    }
    starts.push(to);
    return { keys, starts, depths, kinds };
  }

  private walk(fragment: Fragment): void {
    fragment.forEach((node) => {
      if (node.isText) return this.text(node.text ?? '', marksKey(node.marks));
      if (node.isLeaf) return this.push(nodeKey(node), AtomKind.Leaf);
      this.push(nodeKey(node), AtomKind.Open);
      this.walk(node.content);
      this.push(CLOSE_KEY, AtomKind.Close);
    });
  }

  private text(text: string, marks: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      const char = pair ? text.slice(i, i + 2) : text[i]!;
      const kind = isWordChar(char) ? AtomKind.Word : AtomKind.Other;
      if (pair) {
        this.pairStarts[this.keys.length] = 1;
        this.push(`${text[i]}\u0000${marks}`, kind);
        i++;
      }
      this.push(`${text[i]}\u0000${marks}`, kind);
    }
  }

  private push(key: string, kind: AtomKind): void {
    this.kinds[this.keys.length] = kind;
    this.keys.push(key);
  }
}
