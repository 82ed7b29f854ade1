'use client';
/**
 * Comments in the margin (wide screens): each thread of the list beside the text, its top at the
 * top of its passage's line, pushed down so that none overlaps the one before; the active thread on
 * its passage's line where there is room. On narrow screens (or sorted other than by passage) the
 * list stays as it is, in reading order after the text. Positions are set as each item's top
 * margin (the list keeps its order, so reading and tab order stay the passage order).
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { marginLayout } from '../../lib/comments/marginLayout';
import type { Placed } from './anchoring';

/** From this width the comments sit in the margin (68.75rem ≈ 1100 px). */
export const MARGIN_QUERY = '(min-width: 68.75rem)';

function useWide(): boolean {
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(MARGIN_QUERY);
    const read = () => setWide(query.matches);
    read();
    query.addEventListener('change', read);
    return () => query.removeEventListener('change', read);
  }, []);
  return wide;
}

/** The top of a passage's first line in the viewport, or null when the editor cannot say. */
function passageTop(editor: Editor, place: Placed | undefined): number | null {
  if (!place || place.status === 'orphaned' || editor.isDestroyed) return null;
  try {
    return editor.view.coordsAtPos(Math.min(place.from, editor.state.doc.content.size), 1).top;
  } catch {
    return null; // the placements are a frame behind the body: next time
  }
}

interface Arrangement {
  readonly editor: Editor | null;
  readonly placed: ReadonlyMap<string, Placed>;
  readonly activeId: string | null;
  readonly on: boolean;
}

/** Sets each list item's top margin so that it sits where marginLayout says (or clears them). */
function arrange(element: HTMLOListElement, { editor, placed, activeId, on }: Arrangement): void {
  const items = [...element.children].filter((child): child is HTMLElement => child instanceof HTMLElement);
  if (!on || !editor) {
    for (const item of items) if (item.style.marginTop) item.style.marginTop = '';
    return;
  }
  const ids = items.map((item) => item.querySelector<HTMLElement>('[data-thread-id]')?.dataset.threadId ?? null);
  const gap = parseFloat(getComputedStyle(element).rowGap) || 0;
  // The list's own top does not move with its items' margins (a grid: no margin collapsing).
  const start = element.getBoundingClientRect().top;
  const heights = items.map((item) => item.offsetHeight);
  const tops = marginLayout(
    items.map((_, index) => ({ want: passageTop(editor, placed.get(ids[index] ?? '')), height: heights[index]! })),
    { start, gap, active: activeId === null ? null : ids.indexOf(activeId) },
  );
  let next = start;
  items.forEach((item, index) => {
    const margin = `${Math.max(0, Math.round(tops[index]! - next))}px`;
    if (item.style.marginTop !== margin) item.style.marginTop = margin;
    next = tops[index]! + heights[index]! + gap;
  });
}

/** Whether the threads are in the margin now (true only on wide screens, sorted by passage). */
export function useMarginComments(
  list: RefObject<HTMLOListElement | null>,
  editor: Editor | null,
  placed: ReadonlyMap<string, Placed>,
  activeId: string | null,
  enabled: boolean,
): boolean {
  const wide = useWide();
  const on = wide && enabled && editor !== null;
  const latest = useRef<Arrangement>({ editor, placed, activeId, on });

  // After every render of the panel (a form opened, the filter changed, the passages moved).
  useLayoutEffect(() => {
    latest.current = { editor, placed, activeId, on };
    if (list.current) arrange(list.current, latest.current);
  });

  // And when something around changes size: the text reflows, the column above the list grows
  // (people join), the window is resized, a thread's reply form opens.
  useEffect(() => {
    const element = list.current;
    if (!on || !editor || !element) return;
    let frame = 0;
    const schedule = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          if (list.current) arrange(list.current, latest.current);
        });
    };
    const observer = new ResizeObserver(schedule);
    const watched = [element, element.parentElement?.parentElement, editor.view.dom, editor.view.dom.closest('.editor-surface')];
    for (const target of watched) if (target) observer.observe(target);
    for (const child of element.children) observer.observe(child);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  });

  return on;
}
