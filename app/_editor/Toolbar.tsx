'use client';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { PlainMessageKey } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { BulletListIcon, LinkIcon, OrderedListIcon, QuoteIcon } from './icons';
import { ImpactChainButton } from './ImpactChainButton';

interface Tool {
  readonly id: string;
  readonly label: PlainMessageKey;
  /** Short visible face; the accessible name is the label. */
  readonly face: ReactNode;
  /** Keyboard shortcut shown in the tooltip. */
  readonly keys?: string;
  readonly isActive: (editor: Editor) => boolean;
  readonly run: (editor: Editor) => void;
}

const GROUPS: readonly (readonly Tool[])[] = [
  [
    {
      id: 'paragraph',
      label: 'toolbar.paragraph',
      face: '¶',
      keys: 'Ctrl+Alt+0',
      isActive: (e) => e.isActive('paragraph'),
      run: (e) => e.chain().focus().setParagraph().run(),
    },
    // The body's headings start at 2: level 1 is the document's title, the page's h1.
    ...([2, 3, 4] as const).map((level): Tool => ({
      id: `heading${level}`,
      label: `toolbar.heading${level}`,
      face: `H${level}`,
      keys: `Ctrl+Alt+${level}`,
      isActive: (e) => e.isActive('heading', { level }),
      run: (e) => e.chain().focus().toggleHeading({ level }).run(),
    })),
  ],
  [
    {
      id: 'bold',
      label: 'toolbar.bold',
      face: <b>B</b>,
      keys: 'Ctrl+B',
      isActive: (e) => e.isActive('bold'),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      id: 'italic',
      label: 'toolbar.italic',
      face: <i>I</i>,
      keys: 'Ctrl+I',
      isActive: (e) => e.isActive('italic'),
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
  ],
  [
    {
      id: 'bulletList',
      label: 'toolbar.bulletList',
      face: <BulletListIcon />,
      keys: 'Ctrl+Shift+8',
      isActive: (e) => e.isActive('bulletList'),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      id: 'orderedList',
      label: 'toolbar.orderedList',
      face: <OrderedListIcon />,
      keys: 'Ctrl+Shift+7',
      isActive: (e) => e.isActive('orderedList'),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    {
      id: 'blockquote',
      label: 'toolbar.blockquote',
      face: <QuoteIcon />,
      keys: 'Ctrl+Shift+B',
      isActive: (e) => e.isActive('blockquote'),
      run: (e) => e.chain().focus().toggleBlockquote().run(),
    },
  ],
];

const ALL_TOOLS = GROUPS.flat();

/**
 * The formatting toolbar (WAI-ARIA toolbar pattern): one tab stop, arrow keys move between
 * buttons, each button has a name (aria-label) and says whether it is on (aria-pressed).
 */
export function Toolbar({
  editor,
  linkOpen,
  onToggleLink,
  onComment,
}: {
  editor: Editor;
  linkOpen: boolean;
  onToggleLink: () => void;
  /** Adds "Kommentér" (Ctrl+Alt+M) at the end, when the person may comment on the document. */
  onComment?: () => void;
}) {
  const t = useT();
  const [focusIndex, setFocusIndex] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      editable: current.isEditable,
      active: ALL_TOOLS.map((tool) => tool.isActive(current)),
      link: current.isActive('link'),
    }),
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % buttons.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + buttons.length) % buttons.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    setFocusIndex(next);
    buttons[next]?.focus();
  }

  let index = -1;
  const button = (
    id: string,
    label: string,
    face: ReactNode,
    pressed: boolean | undefined,
    onClick: () => void,
    keys?: string,
    alwaysEnabled = false,
  ) => {
    index += 1;
    const own = index;
    return (
      <button
        key={id}
        type="button"
        className="tool"
        aria-label={label}
        aria-pressed={pressed}
        title={keys ? `${label} (${keys})` : label}
        tabIndex={own === focusIndex ? 0 : -1}
        disabled={!alwaysEnabled && !state.editable}
        onFocus={() => setFocusIndex(own)}
        onMouseDown={(event) => event.preventDefault() /* keep the editor's selection */}
        onClick={onClick}
      >
        <span aria-hidden="true">{face}</span>
      </button>
    );
  };

  let toolIndex = -1;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} ref={ref} onKeyDown={onKeyDown}>
      {GROUPS.map((group, g) => (
        <div className="toolbar__group" key={g}>
          {group.map((tool) => {
            toolIndex += 1;
            return button(tool.id, t(tool.label), tool.face, state.active[toolIndex] ?? false, () => tool.run(editor), tool.keys);
          })}
          {g === GROUPS.length - 1 && button('link', t('toolbar.link'), <LinkIcon />, state.link || linkOpen, onToggleLink)}
        </div>
      ))}
      {onComment && (
        <div className="toolbar__group">
          {button(
            'comment',
            t('consultation.toolbar.comment'),
            t('consultation.toolbar.comment'),
            undefined,
            onComment,
            'Ctrl+Alt+M',
            true,
          )}
        </div>
      )}
      <ImpactChainButton editor={editor} />
    </div>
  );
}
