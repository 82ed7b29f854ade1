'use client';
import { useRef, useState } from 'react';

/**
 * Which of a comment's small forms is open ('none' when none is). `openForm` remembers the button
 * that opened it (and calls `onOpen`); `close` closes it and gives the focus back to that button.
 */
export function useOpenForm<Open extends string>(onOpen: () => void) {
  const [open, setOpen] = useState<Open | 'none'>('none');
  const opener = useRef<HTMLButtonElement | null>(null);
  const openForm = (next: Open | 'none', button: HTMLButtonElement) => {
    opener.current = button;
    onOpen();
    setOpen(next);
  };
  const close = () => {
    setOpen('none');
    requestAnimationFrame(() => opener.current?.focus());
  };
  return { open, setOpen, openForm, close };
}
