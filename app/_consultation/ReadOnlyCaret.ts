/**
 * Keyboard selection in a read-only editor. A non-editable ProseMirror view has no caret, so
 * people who use the keyboard could not select a passage to comment on. With this extension the
 * read-only text takes focus (tabindex 0) and the usual keys move a caret and extend the
 * selection: arrows (by character and line), Ctrl+arrows (by word), Home/End (line start and end),
 * Ctrl+Home/End, Ctrl+A; with Shift they select. The caret is drawn as a decoration; the browser's
 * selection follows ProseMirror's, so screen readers and copying see it. Inactive (does nothing)
 * while the editor is editable.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, Selection, TextSelection, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

const key = new PluginKey<CaretState>('readOnlyCaret');

const WORD = /[\p{L}\p{N}_'’-]/u;

/** The position one word before or after `pos` within its textblock (or the block edge). */
function wordStep(state: EditorState, pos: number, dir: -1 | 1): number {
  const $pos = state.doc.resolve(pos);
  if (!$pos.parent.isTextblock) return pos;
  const text = $pos.parent.textBetween(0, $pos.parent.content.size, '\n', '\ufffc');
  let offset = $pos.parentOffset;
  if (dir < 0) {
    if (offset === 0) return pos - 1;
    while (offset > 0 && !WORD.test(text[offset - 1]!)) offset--;
    while (offset > 0 && WORD.test(text[offset - 1]!)) offset--;
  } else {
    if (offset === text.length) return pos + 1;
    while (offset < text.length && !WORD.test(text[offset]!)) offset++;
    while (offset < text.length && WORD.test(text[offset]!)) offset++;
  }
  return $pos.start() + offset;
}

/** Where the head goes for a key, or null for keys this does not handle. */
function target(view: EditorView, event: KeyboardEvent): number | 'all' | null {
  const { state } = view;
  const head = state.selection.head;
  const word = event.ctrlKey || event.altKey;
  const size = state.doc.content.size;
  switch (event.key) {
    case 'ArrowLeft':
      return word ? wordStep(state, head, -1) : head - 1;
    case 'ArrowRight':
      return word ? wordStep(state, head, 1) : head + 1;
    case 'ArrowUp':
    case 'ArrowDown': {
      const coords = view.coordsAtPos(head);
      const height = coords.bottom - coords.top || 16;
      const y = event.key === 'ArrowUp' ? coords.top - height / 2 : coords.bottom + height / 2;
      const found = view.posAtCoords({ left: coords.left, top: y });
      return found ? found.pos : event.key === 'ArrowUp' ? 0 : size;
    }
    case 'Home':
      return event.ctrlKey ? 0 : state.doc.resolve(head).start();
    case 'End':
      return event.ctrlKey ? size : state.doc.resolve(head).end();
    case 'a':
    case 'A':
      return event.ctrlKey || event.metaKey ? 'all' : null;
    default:
      return null;
  }
}

/** Puts the browser's selection where ProseMirror's is (a read-only view does not do it on its own). */
function selectionToDom(view: EditorView): void {
  const { anchor, head } = view.state.selection;
  try {
    const from = view.domAtPos(anchor);
    const to = view.domAtPos(head);
    view.dom.ownerDocument.getSelection()?.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
  } catch {
    // A position inside a widget or a node without DOM: leave the browser's selection alone.
  }
}

function move(view: EditorView, event: KeyboardEvent): boolean {
  const next = target(view, event);
  if (next === null) return false;
  const { state } = view;
  const size = state.doc.content.size;
  let selection: Selection;
  if (next === 'all') {
    selection = TextSelection.between(state.doc.resolve(0), state.doc.resolve(size));
  } else {
    const $head = state.doc.resolve(Math.max(0, Math.min(size, next)));
    const dir = next < state.selection.head ? -1 : 1;
    selection = event.shiftKey ? TextSelection.between(state.selection.$anchor, $head, dir) : Selection.near($head, dir);
  }
  view.dispatch(state.tr.setSelection(selection).scrollIntoView());
  selectionToDom(view);
  return true;
}

interface CaretState {
  /** The read-only view has focus. */
  readonly focused: boolean;
  /** It is being used from the keyboard (not the mouse): only then is the caret drawn. */
  readonly keyboard: boolean;
}

const OFF: CaretState = { focused: false, keyboard: false };

export const ReadOnlyCaret = Extension.create({
  name: 'readOnlyCaret',

  addProseMirrorPlugins() {
    let mouseDown = false;
    const set = (view: EditorView, next: CaretState) => {
      const current = key.getState(view.state) ?? OFF;
      if (current.focused !== next.focused || current.keyboard !== next.keyboard) view.dispatch(view.state.tr.setMeta(key, next));
    };
    return [
      new Plugin<CaretState>({
        key,
        state: {
          init: () => OFF,
          apply: (tr, value) => (tr.getMeta(key) as CaretState | undefined) ?? value,
        },
        props: {
          handleDOMEvents: {
            // ProseMirror runs no key handling of its own (handleKeyDown included) on a read-only view.
            keydown(view, event) {
              if (view.editable || !move(view, event)) return false;
              event.preventDefault();
              set(view, { focused: true, keyboard: true });
              return true;
            },
            // A mouse selection is the browser's own: no caret drawn into it, nothing moved under it.
            mousedown(view) {
              if (!view.editable) {
                mouseDown = true;
                set(view, { focused: view.hasFocus(), keyboard: false });
              }
              return false;
            },
            mouseup() {
              mouseDown = false;
              return false;
            },
            focus(view) {
              if (view.editable) return false;
              if (mouseDown) {
                set(view, { focused: true, keyboard: false });
                return false;
              }
              // Arriving by Tab (or from a thread's "Vis passagen"): a caret where the selection is.
              set(view, { focused: true, keyboard: true });
              const selection = view.dom.ownerDocument.getSelection();
              if (!selection || !selection.anchorNode || !view.dom.contains(selection.anchorNode)) selectionToDom(view);
              return false;
            },
            blur(view) {
              if (!view.editable) set(view, OFF);
              return false;
            },
          },
          decorations(state) {
            const caret = key.getState(state);
            if (!caret?.focused || !caret.keyboard || !state.selection.empty) return null;
            const widget = () => {
              const span = document.createElement('span');
              span.className = 'readonly-caret';
              span.setAttribute('aria-hidden', 'true');
              return span;
            };
            return DecorationSet.create(state.doc, [Decoration.widget(state.selection.head, widget, { key: 'readonly-caret', side: 1 })]);
          },
        },
      }),
    ];
  },
});
