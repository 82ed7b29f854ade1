'use client';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { PlainMessageKey } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { BulletListIcon, LinkIcon, OrderedListIcon, QuoteIcon, RedoIcon, TableIcon, UndoIcon } from './icons';
import { ImpactChainButton } from './ImpactChainButton';

interface Tool {
  readonly id: string;
  readonly label: PlainMessageKey;
  /** Short visible face; the accessible name is the label. */
  readonly face: ReactNode;
  /** Keyboard shortcuts shown in the tooltip (alternatives separated by ` / `). */
  readonly keys?: string;
  /** Whether the button is on (aria-pressed); absent for actions such as undo, which are never "on". */
  readonly isActive?: (editor: Editor) => boolean;
  /** Whether the action can be done now (undo with nothing to undo cannot). */
  readonly isEnabled?: (editor: Editor) => boolean;
  readonly run: (editor: Editor) => void;
}

/** Undo and redo are Yjs' UndoManager's (the Collaboration extension's commands): only this person's own changes. */
const HISTORY: readonly Tool[] = [
  {
    id: 'undo',
    label: 'toolbar.undo',
    face: <UndoIcon />,
    keys: 'Ctrl+Z',
    isEnabled: (e) => e.can().undo(),
    run: (e) => e.chain().focus().undo().run(),
  },
  {
    id: 'redo',
    label: 'toolbar.redo',
    face: <RedoIcon />,
    keys: 'Ctrl+Y / Ctrl+Shift+Z',
    isEnabled: (e) => e.can().redo(),
    run: (e) => e.chain().focus().redo().run(),
  },
];

const GROUPS: readonly (readonly Tool[])[] = [
  HISTORY,
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
    {
      id: 'underline',
      label: 'toolbar.underline',
      face: <u>U</u>,
      keys: 'Ctrl+U',
      isActive: (e) => e.isActive('underline'),
      run: (e) => e.chain().focus().toggleUnderline().run(),
    },
    {
      id: 'strike',
      label: 'toolbar.strike',
      face: <s>S</s>,
      keys: 'Ctrl+Shift+S',
      isActive: (e) => e.isActive('strike'),
      run: (e) => e.chain().focus().toggleStrike().run(),
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
  [
    {
      id: 'insertTable',
      label: 'toolbar.insertTable',
      face: <TableIcon />,
      // Always with a header row: screen readers name each cell by its column's header.
      // Not inside another table: Markdown and many readers have no nested tables.
      isEnabled: (e) => !e.isActive('table') && e.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
      run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
  ],
];

/** Shown while the selection is in a table; each names what it does (visible text, no icon to guess). */
const TABLE_TOOLS: readonly Tool[] = [
  {
    id: 'addRowAfter',
    label: 'toolbar.table.addRow',
    face: null,
    isEnabled: (e) => e.can().addRowAfter(),
    run: (e) => e.chain().focus().addRowAfter().run(),
  },
  {
    id: 'addColumnAfter',
    label: 'toolbar.table.addColumn',
    face: null,
    isEnabled: (e) => e.can().addColumnAfter(),
    run: (e) => e.chain().focus().addColumnAfter().run(),
  },
  {
    id: 'deleteRow',
    label: 'toolbar.table.deleteRow',
    face: null,
    isEnabled: (e) => e.can().deleteRow(),
    run: (e) => e.chain().focus().deleteRow().run(),
  },
  {
    id: 'deleteColumn',
    label: 'toolbar.table.deleteColumn',
    face: null,
    isEnabled: (e) => e.can().deleteColumn(),
    run: (e) => e.chain().focus().deleteColumn().run(),
  },
  {
    id: 'deleteTable',
    label: 'toolbar.table.delete',
    face: null,
    isEnabled: (e) => e.can().deleteTable(),
    run: (e) => e.chain().focus().deleteTable().run(),
  },
];

const ALL_TOOLS = [...GROUPS.flat(), ...TABLE_TOOLS];

/** `Ctrl+Y / Ctrl+Shift+Z` as aria-keyshortcuts wants it: `Control+Y Control+Shift+Z`. */
const ariaKeys = (keys: string) => keys.replace(/Ctrl/g, 'Control').split(' / ').join(' ');

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
      active: ALL_TOOLS.map((tool) => tool.isActive?.(current)),
      enabled: ALL_TOOLS.map((tool) => tool.isEnabled?.(current) ?? true),
      inTable: current.isActive('table'),
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

  // The one tab stop; when the table's buttons go away while one had it, the first button takes it.
  const count = GROUPS.flat().length + 1 + (state.inTable ? TABLE_TOOLS.length : 0) + (onComment ? 1 : 0);
  const tabStop = focusIndex < count ? focusIndex : 0;
  let index = -1;
  const button = (
    id: string,
    label: string,
    face: ReactNode,
    pressed: boolean | undefined,
    onClick: () => void,
    keys?: string,
    alwaysEnabled = false,
    enabled = true,
  ) => {
    index += 1;
    const own = index;
    // A button without a face shows its name.
    const text = face === null;
    return (
      <button
        key={id}
        type="button"
        className={text ? 'tool tool--text' : 'tool'}
        aria-label={text ? undefined : label}
        aria-pressed={pressed}
        aria-keyshortcuts={keys ? ariaKeys(keys) : undefined}
        title={keys ? `${label} (${keys})` : label}
        tabIndex={own === tabStop ? 0 : -1}
        // Disabled buttons stay focusable in the toolbar (aria-disabled), so arrow keys still reach them all.
        disabled={!alwaysEnabled && !state.editable}
        aria-disabled={enabled ? undefined : true}
        onFocus={() => setFocusIndex(own)}
        onMouseDown={(event) => event.preventDefault() /* keep the editor's selection */}
        onClick={enabled ? onClick : undefined}
      >
        {text ? label : <span aria-hidden="true">{face}</span>}
      </button>
    );
  };

  let toolIndex = -1;
  const toolButton = (tool: Tool) => {
    toolIndex += 1;
    return button(
      tool.id,
      t(tool.label),
      tool.face,
      tool.isActive ? (state.active[toolIndex] ?? false) : undefined,
      () => tool.run(editor),
      tool.keys,
      false,
      state.enabled[toolIndex] ?? true,
    );
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} ref={ref} onKeyDown={onKeyDown}>
      {GROUPS.map((group, g) => (
        <div className="toolbar__group" key={g}>
          {group.map(toolButton)}
          {group === GROUPS[GROUPS.length - 2] && button('link', t('toolbar.link'), <LinkIcon />, state.link || linkOpen, onToggleLink)}
        </div>
      ))}
      {state.inTable && (
        <div className="toolbar__group toolbar__group--table" role="group" aria-label={t('toolbar.table.label')}>
          {TABLE_TOOLS.map(toolButton)}
        </div>
      )}
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
