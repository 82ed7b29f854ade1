/**
 * Whether this tab's publish dialog is open. The editor refreshes the page when it learns the
 * document was published; the refreshed page (the document final) has no publish dialog, so that
 * refresh would take away the dialog's "Udgivet som version N" before anyone read it. While the
 * dialog is open the editor waits; the dialog refreshes the page when it closes.
 */
let open = false;
const listeners = new Set<() => void>();

export const publishDialogOpen = {
  get: (): boolean => open,
  set(value: boolean): void {
    if (open === value) return;
    open = value;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
