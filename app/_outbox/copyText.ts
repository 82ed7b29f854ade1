/**
 * Copies text to the clipboard; where the Clipboard API is missing or refused (plain http, older
 * browsers, permissions), selects the text in its field instead so the person can press Ctrl+C.
 */
export async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<'copied' | 'selected'> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Fall back to selecting the text.
  }
  if (field) {
    field.focus();
    field.select();
    try {
      // The old synchronous API still works in many browsers where the async one is unavailable.
      if (typeof document.execCommand === 'function' && document.execCommand('copy')) return 'copied';
    } catch {
      // Selected is the best we can do.
    }
  }
  return 'selected';
}
