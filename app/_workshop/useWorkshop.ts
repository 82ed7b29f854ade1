'use client';
/**
 * The workshop map (lib/workshop/model.ts) as React state: re-read whenever any client changes it,
 * and the document's sections, re-read as the text changes. Writes go straight into the shared
 * map (the sync server stores and relays them like the text).
 */
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { WORKSHOP_MAP } from '../../lib/protocol';
import { MODE_KEY, tickKey, workshopView, type WorkshopMode, type WorkshopPerson, type WorkshopView } from '../../lib/workshop/model';
import { sectionAt, sectionsOf, type Block, type Section } from '../../lib/workshop/sections';

/** How a change came: this client's own write (`local`), or another's through `origin` (the provider, the local copy). */
export interface WorkshopChange {
  readonly local: boolean;
  readonly origin: unknown;
}

/** The map as state; `onChange` hears each change another client (or this one) made, with the state before. */
export function useWorkshopMap(doc: Y.Doc, onChange?: (before: WorkshopView, after: WorkshopView, change: WorkshopChange) => void) {
  const map = doc.getMap<unknown>(WORKSHOP_MAP);
  const [view, setView] = useState<WorkshopView>(() => workshopView(map.entries()));
  const listener = useRef(onChange);
  useEffect(() => {
    listener.current = onChange;
  });
  useEffect(() => {
    let current = workshopView(map.entries());
    const read = (event: Y.YMapEvent<unknown>) => {
      const next = workshopView(map.entries());
      listener.current?.(current, next, { local: event.transaction.local, origin: event.transaction.origin });
      current = next;
      setView(next);
    };
    map.observe(read);
    return () => map.unobserve(read);
  }, [map]);

  const setTick = useCallback(
    (section: string, questionId: string, by: WorkshopPerson | null) => {
      const key = tickKey(section, questionId);
      if (by) map.set(key, { by: { id: by.id, name: by.name }, at: Date.now() });
      else map.delete(key);
    },
    [map],
  );
  const setMode = useCallback(
    (mode: WorkshopMode | null) => {
      if (mode) map.set(MODE_KEY, { ...mode, facilitator: { ...mode.facilitator } });
      else map.delete(MODE_KEY);
    },
    [map],
  );
  return { view, setTick, setMode };
}

function blocksOf(editor: Editor): Block[] {
  const blocks: Block[] = [];
  editor.state.doc.forEach((node, offset) => {
    const heading = node.type.name === 'heading';
    blocks.push({
      type: node.type.name,
      level: node.attrs.level as number | undefined,
      text: heading ? node.textContent : '',
      pos: offset,
    });
  });
  return blocks;
}

/** The sections and the one the caret is in, kept current as the text and the selection change. */
export function useSections(editor: Editor | null): { sections: Section[]; here: Section | null } {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (!editor) return () => undefined;
      editor.on('update', changed);
      editor.on('selectionUpdate', changed);
      return () => {
        editor.off('update', changed);
        editor.off('selectionUpdate', changed);
      };
    },
    [editor],
  );
  // A string snapshot (stable while nothing relevant changed), parsed below.
  const snapshot = useSyncExternalStore(
    subscribe,
    () => (editor ? JSON.stringify([sectionsOf(blocksOf(editor)), editor.state.selection.from]) : '[[],0]'),
    () => '[[],0]',
  );
  const [sections, caret] = JSON.parse(snapshot) as [Section[], number];
  return { sections, here: sectionAt(sections, caret) };
}
