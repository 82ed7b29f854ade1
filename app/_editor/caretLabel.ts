/**
 * Other people's carets: a coloured bar with a name label. The label text is black or white,
 * whichever contrasts more with the person's colour (WCAG AA needs 4.5:1 for this small text).
 */

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** '#ffffff' or '#000000', for text on `background` (#rrggbb). */
export function readableTextOn(background: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(background)) return '#000000';
  const l = luminance(background);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

/** CollaborationCaret's `render`: keeps its class names (tests and CSS rely on them). */
export function renderCaret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const color = typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : '#4a4a4a';
  const name = typeof user.name === 'string' ? user.name : '';
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.style.color = readableTextOn(color);
  label.textContent = name;
  caret.append(label);
  return caret;
}
