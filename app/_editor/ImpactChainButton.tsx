'use client';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useState, type FocusEvent } from 'react';
import { useT } from '../../lib/i18n/useT';

/**
 * "Indsæt effektkæde" (issue 14): inserts an impact chain (lib/editor/impactChain.ts) at the
 * selection. Mounted as the toolbar's last group; the toolbar's arrow keys reach it (they move
 * between all its buttons). It is a tab stop of its own only while it was the last one focused
 * before the toolbar lost focus, so the toolbar stays one tab stop. Not available inside a chain
 * (a chain's steps hold paragraphs only): then it says so through aria-disabled and stays focusable.
 */
export function ImpactChainButton({ editor }: { editor: Editor }) {
  const t = useT();
  const [current, setCurrent] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ editable: e.isEditable, inChain: e.isActive('impactChain') }),
  });
  const unavailable = !state.editable || state.inChain;
  const label = t('toolbar.impactChain');

  function onBlur(event: FocusEvent<HTMLButtonElement>) {
    // Another toolbar button took focus: that one is the toolbar's tab stop now.
    const toolbar = event.currentTarget.closest('[role="toolbar"]');
    if (event.relatedTarget instanceof Node && toolbar?.contains(event.relatedTarget)) setCurrent(false);
  }

  return (
    <div className="toolbar__group">
      <button
        type="button"
        className="tool impact-chain-insert"
        aria-label={label}
        title={label}
        aria-disabled={unavailable || undefined}
        tabIndex={current ? 0 : -1}
        data-testid="insert-impact-chain"
        onFocus={() => setCurrent(true)}
        onBlur={onBlur}
        onMouseDown={(event) => event.preventDefault() /* keep the editor's selection */}
        onClick={() => {
          if (!unavailable) editor.chain().focus().insertImpactChain().run();
        }}
      >
        <span aria-hidden="true">{t('toolbar.impactChain.face')}</span>
      </button>
    </div>
  );
}
