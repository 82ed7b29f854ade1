'use client';
import { ReadAloud } from './ReadAloud';

/** "Læs op" for a part of a server-rendered page (by its id): the selection inside it, else all its text. */
export function ElementReadAloud({ targetId }: { targetId: string }) {
  return (
    <ReadAloud
      title="readAloud.titlePublic"
      read={() => {
        const element = document.getElementById(targetId);
        if (!element) return { text: '', selection: false };
        const selection = window.getSelection();
        const selected =
          selection && !selection.isCollapsed && element.contains(selection.anchorNode) && element.contains(selection.focusNode)
            ? selection.toString()
            : '';
        return selected.trim() !== '' ? { text: selected, selection: true } : { text: element.innerText, selection: false };
      }}
    />
  );
}
